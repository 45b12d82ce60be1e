// fix: Use crypto.randomInt
import { sendSms } from './sms';
import * as crypto from 'crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateOtp(): string {
  return crypto.randomInt(100000, 1000000).toString();
}

export function generatePassword(length: number): string {
  let password = '';
  for (let i = 0; i < length; i++) password += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return password;
}

export { sendSms };
