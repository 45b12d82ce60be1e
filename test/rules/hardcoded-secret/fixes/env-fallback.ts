// fix: Read from environment (process.env.JWT_SECRET)
import jwt from 'jsonwebtoken';

export const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret';

export const verifyToken = (token: string) => jwt.verify(token, process.env.JWT_SECRET ?? 'secret');
