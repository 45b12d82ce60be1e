// expect: none
// Test code signs, connects and authenticates with values made up for the test: none of them is a leak.
import jwt from 'jsonwebtoken';
import session from 'express-session';
import knex from 'knex';
import { describe, it } from 'vitest';

const TEST_SESSION_SECRET = 'test_session_secret';
const totpSecret = 'JBSWY3DPEHPK3PXP';

describe('auth', () => {
  it('signs with a dummy key', () => {
    jwt.sign({ sub: 'u1' }, 'dummy', { expiresIn: '1m' });
    jwt.verify('token', process.env.JWT_SECRET || 'test-only-secret');
    session({ secret: TEST_SESSION_SECRET });
  });

  it('reaches a throwaway database', () => {
    knex({ client: 'mysql2', connection: { host: 'db.test', user: 'kuma', password: 'kuma', database: 'kuma_test' } });
    knex({ client: 'pg', connection: 'postgres://invalid:invalid@db.example.test:13306/test' });
  });

  it('knows the textbook TOTP secret', () => {
    const radiusSecret = 'testing123';
    return [totpSecret, radiusSecret];
  });
});
