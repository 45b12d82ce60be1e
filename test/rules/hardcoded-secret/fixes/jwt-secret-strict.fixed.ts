// fix: Read from environment (process.env.JWT_SECRET)
import jwt from 'jsonwebtoken';

export const issue = (id: string): string => jwt.sign({ sub: id }, process.env.JWT_SECRET!, { expiresIn: '1h' });
export const check = (token: string) => jwt.verify(token, process.env.JWT_SECRET!);
