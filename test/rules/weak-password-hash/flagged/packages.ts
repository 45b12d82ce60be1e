import md5 from 'md5';
import sha1 from 'sha1';
import { sha256 } from 'js-sha256';
import CryptoJS from 'crypto-js';
import SHA512 from 'crypto-js/sha512';
import { createHash } from 'node:crypto';

export function legacyHash(password: string) {
  return md5(password); // expect: weak-password-hash:10
}

export function legacySha1(user: { password: string }) {
  return sha1(user.password); // expect: weak-password-hash:10
}

export function jsSha(newPassword: string) {
  return sha256.hex(newPassword); // expect: weak-password-hash:10
}

export function cryptoJs(pass: string) {
  return CryptoJS.SHA256(pass).toString(); // expect: weak-password-hash:10
}

export function cryptoJsMd5(pwd: string) {
  return CryptoJS.MD5(pwd).toString(CryptoJS.enc.Hex); // expect: weak-password-hash:10
}

export function cryptoJsModule(passphrase: string) {
  return SHA512(passphrase).toString(); // expect: weak-password-hash:10
}

export function buffered(password: string) {
  return createHash('sha256').update(Buffer.from(password, 'utf8')).digest('hex'); // expect: weak-password-hash:10
}
