import { sign, verify } from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const config = {
  jwt: { expiresIn: '15m' },
  jwtSecret: 'changeme', // expect: hardcoded-secret:14
};

export function issue(userId: string): string {
  return sign({ sub: userId }, config.jwtSecret, { expiresIn: config.jwt.expiresIn });
}

export class AuthGuard {
  private readonly secret = 'guard-secret-value'; // expect: hardcoded-secret:29

  check(req: Request, res: Response, next: NextFunction): void {
    const token = req.headers.authorization?.split(' ')[1] ?? '';
    verify(token, this.secret);
    next();
  }
}

export const adminToken = (id: string) => sign({ sub: id, admin: true }, `admin-secret`, { expiresIn: '5m' }); // expect: hardcoded-secret:74
