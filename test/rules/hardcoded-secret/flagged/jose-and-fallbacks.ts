import { SignJWT, jwtVerify } from 'jose';
import { createSecretKey } from 'node:crypto';

const secret = new TextEncoder().encode('jose-signing-secret'); // expect: hardcoded-secret:41
const refreshKey = createSecretKey('refresh-key-material', 'utf-8'); // expect: hardcoded-secret:36

export async function issue(userId: string) {
  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);
}

export async function check(token: string) {
  const { payload } = await jwtVerify(token, secret);
  return payload;
}

export async function checkRefresh(token: string) {
  return jwtVerify(token, refreshKey);
}

const middlewareKey = new TextEncoder().encode(process.env.JWT_SECRET ?? 'fallback-secret'); // expect: hardcoded-secret:74
export const verifyEdge = (token: string) => jwtVerify(token, middlewareKey);

// A config module: the names say what the values are.
export const config = {
  port: Number(process.env.PORT ?? 3000),
  jwtSecret: process.env.JWT_SECRET || 'dev_jwt_secret', // expect: hardcoded-secret:40
  apiKey: process.env.PAYMENTS_API_KEY || 'pk-local-0000', // expect: hardcoded-secret:43
  sessionSecret: 'session-s3cret-value', // expect: hardcoded-secret:18
};

export const GITHUB_WEBHOOK_SECRET = 'gh-webhook-secret'; // expect: hardcoded-secret:38

const { JWT_REFRESH_SECRET = 'refresh-dev-secret', PORT = '3000', LOG_LEVEL = 'info' } = process.env; // expect: hardcoded-secret:30
export const refreshSecret = JWT_REFRESH_SECRET;
export const listen = { port: Number(PORT), logLevel: LOG_LEVEL };
