// expect: none
const assert = require('node:assert');
const { createUser } = require('../src/users');

describe('createUser', () => {
  it('rejects a duplicate email', async () => {
    let failed = false;
    try {
      await createUser({ email: 'a@example.com' });
      await createUser({ email: 'a@example.com' });
    } catch (e) {}
    failed = true;
    assert.ok(failed);
  });
});
