/**
 * What a name says about secrets beyond passwords, without types: `accessToken`, `JWT_SECRET`, `apiKey`,
 * `otpCode`, `sessionId`, `cardNumber`; and `tokenCount`, `maxTokens`, `secretName`, `apiKeyId` are about
 * something else. Built on password-names' word splitting, and defers to it for passwords. Shared by the rules
 * that need to know a value must stay secret (logging, randomness).
 */
import { nameWords, passwordNameKind } from './password-names';

export type SecretNameKind = 'password' | 'token' | 'secret' | 'key' | 'one-time-code' | 'session-id' | 'card-number' | 'nonce';

/** Words that make a name about a secret's metadata, not the secret: `tokenExpiry`, `secretName`, `keyId`, `apikeyFilename`. */
const metadata = new Set([
  'count', 'counts', 'total', 'max', 'min', 'limit', 'limits', 'usage', 'used', 'length', 'len', 'size', 'type',
  'types', 'kind', 'expiry', 'expires', 'expiration', 'exp', 'ttl', 'age', 'lifetime', 'timeout', 'at', 'date',
  'time', 'name', 'names', 'label', 'id', 'ids', 'arn', 'path', 'file', 'url', 'uri', 'endpoint', 'header',
  'field', 'param', 'prefix', 'suffix', 'index', 'idx', 'position', 'pos', 'start', 'end', 'version', 'ref',
  'manager', 'store', 'service', 'provider', 'cache', 'schema', 'valid', 'invalid', 'is', 'has',
  'should', 'missing', 'required', 'enabled', 'error', 'errors', 'message', 'msg', 'status', 'state', 'regex',
  'pattern', 'format', 'hint', 'placeholder', 'prompt', 'completion', 'input', 'output', 'stream', 'parser',
  'lexer', 'delay', 'interval', 'budget', 'rate', 'hash', 'hashed', 'digest', 'masked', 'redacted', 'last',
  'rotation', 'rotated', 'filename', 'filenames', 'filepath', 'dir', 'directory', 'location',
]);
const tokenWords = new Set(['token', 'jwt', 'bearer']);
const secretWords = new Set(['secret', 'secrets', 'credential', 'credentials', 'creds', 'privatekey']);
/** Qualifiers that make `key` a credential: `apiKey`, `PRIVATE_KEY`, `secretKey`, `accessKey`. */
const keyQualifiers = new Set(['api', 'private', 'secret', 'access', 'signing', 'encryption', 'master', 'license', 'apikey']);
/** Qualifiers that make `code` a one-time secret: `otpCode`, `verificationCode`, `resetCode`. */
const codeQualifiers = new Set([
  'otp', 'verification', 'verify', 'reset', 'auth', 'authorization', 'login', 'confirm', 'confirmation', 'invite',
  'invitation', 'activation', 'recovery', 'backup', 'sms', 'mfa', 'twofa', 'security', 'access', 'pin', 'magic',
  'signup', 'one', 'time', 'email', 'phone',
]);
const oneTimeWords = new Set(['otp', 'totp', 'hotp', 'passcode', 'pincode']);
const cardNumbers = new Set(['cvv', 'cvc', 'cvv2', 'ssn']);
const nonceWords = new Set(['nonce', 'salt', 'csrf', 'xsrf', 'iv']);

/** The kind of secret a variable, property or function-result name stands for, if any. */
export function secretNameKind(name: string): SecretNameKind | undefined {
  const password = passwordNameKind(name);
  if (password === 'plain') return 'password';
  const words = nameWords(name);
  // A session id lets its holder act as the user, unlike other ids.
  if (words.length === 2 && words[0] === 'session' && words[1] === 'id') return 'session-id';
  if (words.length === 0 || words.some((w) => metadata.has(w))) return undefined;
  const has = (set: ReadonlySet<string>): boolean => words.some((w) => set.has(w));
  if (has(secretWords)) return 'secret';
  if (has(tokenWords)) return 'token';
  if (words.includes('apikey') || (words.includes('key') && has(keyQualifiers))) return 'key';
  if (has(oneTimeWords) || (words.includes('code') && has(codeQualifiers))) return 'one-time-code';
  if (words.includes('sid') || (words.includes('session') && (words.includes('key') || words.includes('cookie')))) return 'session-id';
  if (has(cardNumbers) || (words.includes('card') && (words.includes('number') || words.includes('no') || words.includes('num')))) return 'card-number';
  if (has(nonceWords)) return 'nonce';
  return undefined;
}

