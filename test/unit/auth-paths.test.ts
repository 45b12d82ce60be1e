/** Which route paths serve authentication, judged on whole segments. */
import * as assert from 'node:assert/strict';
import { authRouteKind, segmentWords } from '../../server/src/core/facts/auth-paths';

describe('auth paths', () => {
  it('splits segments into words', () => {
    assert.deepEqual(segmentWords('forgotPassword'), ['forgot', 'password']);
    assert.deepEqual(segmentWords('verify-OTP'), ['verify', 'otp']);
    assert.deepEqual(segmentWords('sign_in'), ['sign', 'in']);
  });

  const kinds: [string, string | undefined][] = [
    ['/login', 'login'],
    ['/api/v1/auth/sign-in', 'login'],
    ['/admin-login', 'login'],
    ['/auth', 'login'],
    ['/signup', 'sign-up'],
    ['/auth/register', 'sign-up'],
    ['/register', 'sign-up'],
    ['/forgot-password', 'password-reset'],
    ['/password/reset', 'password-reset'],
    ['/users/:id/password', 'password-reset'],
    ['/auth/reset', 'password-reset'],
    ['/verify-otp', 'one-time-code'],
    ['/login/2fa', 'one-time-code'],
    ['/mfa/verify', 'one-time-code'],
    ['/send-code', 'one-time-code'],
    ['/magic-link', 'magic-link'],
    ['/auth/passwordless', 'magic-link'],
    ['/oauth/token', 'token'],
    ['/token', 'token'],
    ['/auth/refresh', 'token'],
    ['/refresh-token', 'token'],
    ['`${prefix}/login`', 'login'],
    ['/logout', undefined],
    ['/auth/logout', undefined],
    ['/blog/login-tips', undefined],
    ['/login-history', undefined],
    ['/auth/google/callback', undefined],
    ['/api/tokens', undefined],
    ['/devices/push/token', undefined],
    ['/feeds/:id/refresh', undefined],
    ['/events/:id/register', undefined],
    ['/checkout/discount/code', undefined],
    ['/auth/verify-email', undefined],
    ['/api/auth/[...nextauth]', undefined],
    ['/', undefined],
  ];
  for (const [path, kind] of kinds) {
    it(`${path} → ${kind ?? 'not auth'}`, () => assert.equal(authRouteKind(path), kind));
  }
});
