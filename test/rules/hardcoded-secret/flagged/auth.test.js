// In tests only a credential some issuer handed out is reported (as information): dummies made up for the test are not.
const jwt = require('jsonwebtoken');
const request = require('supertest');
const { app } = require('../src/app');

const TEST_SECRET = 'test-secret';
const DEPLOY_KEY = 'AKIAQ3EGRJ6KXWPZ7T4M'; // expect: hardcoded-secret:20

describe('GET /me', () => {
  it('accepts a valid token', async () => {
    const token = jwt.sign({ sub: 'u1' }, TEST_SECRET, { expiresIn: '1m' });
    await request(app).get('/me').set('Authorization', `Bearer ${token}`).set('x-deploy', DEPLOY_KEY).expect(200);
  });
});
