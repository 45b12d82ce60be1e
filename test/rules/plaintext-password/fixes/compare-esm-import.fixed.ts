// fix: Use bcrypt.compare
import bcrypt from 'bcryptjs';
import { prisma } from './prisma';

export async function hashPassword(password: string) {
  return bcrypt.hash(password, 12);
}

export async function validateUser(email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email } });
  if (user && await bcrypt.compare(password, user.password)) return user;
  return null;
}
