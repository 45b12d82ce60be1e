import * as assert from 'node:assert/strict';
import { credentialFormatOf, credentialUrlOf, isPlaceholderPassword } from '../../server/src/core/facts/credential-formats';

describe('credential formats', () => {
  const credentials: [string, string][] = [
    ['AKIAZ7QW3ERT5YUI8OPL', 'AWS_ACCESS_KEY_ID'],
    ['sk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ', 'STRIPE_SECRET_KEY'],
    ['rk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ', 'STRIPE_SECRET_KEY'],
    ['ghp_R8f2kLq9Xz3Wm7Vn1Bc5Td0Hy4Js6Pa2Ue8G', 'GITHUB_TOKEN'],
    ['Bearer ghs_R8f2kLq9Xz3Wm7Vn1Bc5Td0Hy4Js6Pa2Ue8G', 'GITHUB_TOKEN'],
    [`github_pat_${'A1b2C3d4E5f6G7h8I9j0K1'}_${'x9Y8z7W6v5U4t3S2r1Q0p9O8n7M6l5K4j3I2h1G0f9E8d7C6b5A4z3Y2x1W'}`, 'GITHUB_TOKEN'],
    ['xoxb-2210934576-4412385670914-Zq8RkLm2Xv9Tp4Wn7Yc1Bd3F', 'SLACK_TOKEN'],
    ['glpat-Zq8RkLm2Xv9Tp4Wn7Yc1', 'GITLAB_TOKEN'],
    ['SG.Zq8RkLm2Xv9Tp4Wn7Yc1Bd.Zq8RkLm2Xv9Tp4Wn7Yc1Bd3FZq8RkLm2Xv9Tp4Wn7Yc', 'SENDGRID_API_KEY'],
    ['postgres://app:s3cr3t@db.internal:5432/app', 'DATABASE_URL'],
    ['mongodb+srv://admin:Xk29fjq@cluster0.abcde.mongodb.net/shop', 'MONGODB_URI'],
    ['redis://:r3dis-pass@cache.internal:6379', 'REDIS_URL'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----', 'PRIVATE_KEY'],
    ['-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,1A2B\n\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'PRIVATE_KEY'],
  ];
  for (const [text, envName] of credentials) {
    it(`recognises ${text.slice(0, 24)}…`, () => assert.equal(credentialFormatOf(text)?.envName, envName));
  }

  it('marks Stripe test keys as test mode', () => {
    assert.equal(credentialFormatOf('sk_test_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ')?.testMode, true);
    assert.equal(credentialFormatOf('sk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ')?.testMode, undefined);
  });

  const notCredentials = [
    'AKIAIOSFODNN7EXAMPLE',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'pk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
    'the key is AKIAZ7QW3ERT5YUI8OPL, rotate it',
    '-----BEGIN PRIVATE KEY-----',
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n-----END PUBLIC KEY-----',
    'postgres://user:password@localhost:5432/mydb',
    'mongodb+srv://<username>:<password>@cluster0.mongodb.net/',
    'postgres://localhost:5432/app',
    'https://user:pw@example.com/',
  ];
  for (const text of notCredentials) {
    it(`leaves ${JSON.stringify(text.slice(0, 30))} alone`, () => assert.equal(credentialFormatOf(text), undefined));
  }

  it('reads the password of a connection URL, placeholders included', () => {
    assert.equal(credentialUrlOf('mysql://report:password@analytics:3306/events')?.password, 'password');
    assert.equal(credentialUrlOf('mysql://report@analytics:3306/events'), undefined);
    assert.ok(isPlaceholderPassword('<password>'));
    assert.ok(isPlaceholderPassword('${DB_PASSWORD}'));
    assert.ok(!isPlaceholderPassword('s3cr3t'));
  });
});
