// expect: none
const assert = require('node:assert');
const { createUser, findUser } = require('../src/users');

describe('users', () => {
  it('stores the fixture user', async () => {
    const password = 'correct horse battery staple';
    const user = await createUser({ email: 'a@example.com', password });
    const stored = await findUser(user.id);
    assert.ok(stored.password !== password);
    assert.ok(stored.password === password || stored.passwordHash.startsWith('$2b$'));
  });
});
