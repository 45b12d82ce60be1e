// expect: none
import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
import bcrypt from 'bcrypt';
import * as argon2 from 'argon2';
import CryptoJS from 'crypto-js';

const scrypt = promisify(crypto.scrypt);

export async function scryptHash(password: string) {
  const salt = crypto.randomBytes(16);
  const key = (await scrypt(password, salt, 64)) as Buffer;
  return `${salt.toString('hex')}:${key.toString('hex')}`;
}

export function pbkdf2Hash(password: string, salt: string) {
  return crypto.pbkdf2Sync(password, salt, 600_000, 64, 'sha512').toString('hex');
}

export function cryptoJsPbkdf2(password: string, salt: string) {
  return CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 600_000, hasher: CryptoJS.algo.SHA256 }).toString();
}

export async function bcryptHash(password: string) {
  return bcrypt.hash(password, 12);
}

export async function argonHash(password: string) {
  return argon2.hash(password);
}

export function preHashForBcrypt(password: string) {
  return crypto.createHmac('sha256', process.env.PEPPER!).update(password).digest('base64');
}
