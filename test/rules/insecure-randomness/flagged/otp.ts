import { sendSms } from './sms';

export function generateOtp(): string {
  return Math.floor(100000 + Math.random() * 900000).toString(); // expect: insecure-randomness:30
}

export async function startTwoFactor(user: { id: string; phone: string }) {
  const verificationCode = Math.floor(Math.random() * 1000000); // expect: insecure-randomness:39
  await sendSms(user.phone, `Your code is ${verificationCode}`);
  return verificationCode;
}

export const createApiKey = (): string =>
  'sk_' + Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join(''); // expect: insecure-randomness:55

export class InviteService {
  private salt = Math.random().toString(36); // expect: insecure-randomness:18

  createInviteCode(): string {
    const code = Math.random().toString(36).substring(2, 10).toUpperCase(); // expect: insecure-randomness:18
    return `${this.salt}:${code}`;
  }
}
