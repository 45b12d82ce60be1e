// expect: none
import * as crypto from 'node:crypto';

export function generateToken(): string {
  return crypto.randomBytes(32).toString('hex');
}

export function generateOtp(): string {
  return crypto.randomInt(100000, 1000000).toString();
}

export function pickQuote(quotes: string[]): string {
  return quotes[Math.floor(Math.random() * quotes.length)];
}

export const sessionId = crypto.randomUUID();

export function backoffJitter(base: number): number {
  return base * (0.5 + Math.random());
}
