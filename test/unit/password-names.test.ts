import * as assert from 'node:assert/strict';
import { isRecordName, isStoredPasswordName, nameWords, passwordNameKind } from '../../server/src/core/facts/password-names';
import { passwordParameters } from '../../server/src/core/rules/security/password-sql';

describe('password names', () => {
  it('splits camelCase, snake_case, SCREAMING_CASE and lowercase compounds', () => {
    assert.deepEqual(nameWords('newPasswordHash'), ['new', 'password', 'hash']);
    assert.deepEqual(nameWords('DB_PASSWORD'), ['db', 'password']);
    assert.deepEqual(nameWords('confirmpassword'), ['confirm', 'password']);
    assert.deepEqual(nameWords('password2'), ['password']);
  });

  const table: [string, ReturnType<typeof passwordNameKind>][] = [
    ['password', 'plain'], ['newPassword', 'plain'], ['confirm_password', 'plain'], ['pwd', 'plain'], ['passwd', 'plain'],
    ['pass', 'plain'], ['userPass', 'plain'], ['pw', 'plain'], ['passphrase', 'plain'], ['currentPassword', 'plain'],
    ['passwordHash', 'hashed'], ['hashed_password', 'hashed'], ['password_digest', 'hashed'], ['encryptedPassword', 'hashed'],
    ['passwordResetToken', undefined], ['passwordLength', undefined], ['isPasswordValid', undefined], ['showPassword', undefined],
    ['passport', undefined], ['bypass', undefined], ['passCount', undefined], ['passwordSalt', undefined], ['compass', undefined],
    ['passwordExpiresAt', undefined], ['email', undefined], ['ADMIN_PASS', 'plain'], ['USER_PW', 'plain'], ['DB_PASSWORD_HASH', 'hashed'],
  ];
  for (const [name, kind] of table) {
    it(`${name} → ${kind ?? 'not a password'}`, () => assert.equal(passwordNameKind(name), kind));
  }

  it('tells stored records from input', () => {
    for (const n of ['user', 'dbUser', 'existingUser', 'rows', 'account', 'foundAdmin']) assert.ok(isRecordName(n), n);
    for (const n of ['body', 'userDto', 'newUser', 'userInput', 'credentials', 'formData', 'u']) assert.ok(!isRecordName(n), n);
  });

  it('tells stored password locals from typed ones', () => {
    assert.ok(isStoredPasswordName('storedPassword'));
    assert.ok(isStoredPasswordName('hashedPassword'));
    assert.ok(!isStoredPasswordName('password'));
    assert.ok(!isStoredPasswordName('dbPassword'));
  });
});

describe('password parameters in SQL', () => {
  it('finds lookups by $n and ?', () => {
    assert.deepEqual(passwordParameters('SELECT * FROM users WHERE email = $1 AND password = $2'), [{ column: 'password', index: 1, use: 'lookup' }]);
    assert.deepEqual(passwordParameters('SELECT * FROM users WHERE email = ? AND pwd = ?'), [{ column: 'pwd', index: 1, use: 'lookup' }]);
  });

  it('finds writes in SET and INSERT', () => {
    assert.deepEqual(passwordParameters('UPDATE users SET password = $1 WHERE id = $2'), [{ column: 'password', index: 0, use: 'write' }]);
    assert.deepEqual(passwordParameters('INSERT INTO users (email, password) VALUES (?, ?)'), [{ column: 'password', index: 1, use: 'write' }]);
    assert.deepEqual(passwordParameters('INSERT INTO "users" ("email", "password_hash") VALUES ($1, $2)'), [{ column: 'password_hash', index: 1, use: 'write' }]);
  });

  it('ignores SQL functions and unrelated columns', () => {
    assert.deepEqual(passwordParameters("SELECT * FROM users WHERE password = crypt($1, password)"), []);
    assert.deepEqual(passwordParameters('SELECT * FROM users WHERE email = $1'), []);
    assert.deepEqual(passwordParameters('SELECT * FROM users WHERE password_reset_token = $1'), []);
  });
});
