// Secrets in tests are reported as information only: they should still not be real ones.
const jwt = require('jsonwebtoken');
const request = require('supertest');
const { app } = require('../src/app');

const TEST_SECRET = 'test-secret'; // expect: hardcoded-secret:21

describe('GET /me', () => {
  it('accepts a valid token', async () => {
    const token = jwt.sign({ sub: 'u1' }, TEST_SECRET, { expiresIn: '1m' });
    await request(app).get('/me').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('rejects a token signed with another secret', async () => {
    const token = jwt.sign({ sub: 'u1' }, 'wrong-secret', { expiresIn: '1m' }); // expect: hardcoded-secret:43
    await request(app).get('/me').set('Authorization', `Bearer ${token}`).expect(401);
  });
});
