// expect: none
import jwt from 'jsonwebtoken';

it('accepts an expired token in the fixture clock', () => {
  const claims = jwt.verify(oldToken, 'test-secret', { ignoreExpiration: true });
  expect(claims).toBeTruthy();
});

declare const oldToken: string;
declare function expect(v: unknown): { toBeTruthy(): void };
