import * as assert from 'node:assert/strict';
import { secretNameKind } from '../../server/src/core/facts/secret-names';

describe('secret names', () => {
  const cases: [string, ReturnType<typeof secretNameKind>][] = [
    ['password', 'password'],
    ['generatePassword', 'password'],
    ['accessToken', 'token'],
    ['passwordResetToken', 'token'],
    ['JWT_SECRET', 'secret'],
    ['clientSecret', 'secret'],
    ['apiKey', 'key'],
    ['PRIVATE_KEY', 'key'],
    ['otp', 'one-time-code'],
    ['verificationCode', 'one-time-code'],
    ['createInviteCode', 'one-time-code'],
    ['sessionId', 'session-id'],
    ['sid', 'session-id'],
    ['cardNumber', 'card-number'],
    ['cvv', 'card-number'],
    ['salt', 'nonce'],
    ['csrf', 'nonce'],
    ['tokenCount', undefined],
    ['maxTokens', undefined],
    ['promptTokens', undefined],
    ['secretName', undefined],
    ['apiKeyId', undefined],
    ['apikeyFilename', undefined],
    ['secretsDir', undefined],
    ['tokenExpiresAt', undefined],
    ['passwordHash', undefined],
    ['userId', undefined],
    ['email', undefined],
    ['colorCode', undefined],
    ['key', undefined],
    ['requestId', undefined],
  ];
  for (const [name, kind] of cases) {
    it(`${name} → ${kind ?? 'nothing'}`, () => assert.equal(secretNameKind(name), kind));
  }
});
