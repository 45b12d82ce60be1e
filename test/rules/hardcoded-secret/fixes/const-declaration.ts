// fix: Read from environment (process.env.ACCESS_TOKEN_SECRET)
import jwt from 'jsonwebtoken';

const ACCESS_TOKEN_SECRET = 'a8f5f167f44f4964e6c998dee827110c';

export function issue(id: string) {
  return jwt.sign({ sub: id }, ACCESS_TOKEN_SECRET, { expiresIn: '15m' });
}

export function check(token: string) {
  return jwt.verify(token, ACCESS_TOKEN_SECRET);
}
