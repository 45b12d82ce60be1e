// fix: Add expiry
import { sign } from 'hono/jwt';

export async function issue(userId: string, secret: string) {
  return sign({ sub: userId, exp: Math.floor(Date.now() / 1000) + 60 * 60 }, secret);
}
