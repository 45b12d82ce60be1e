// fix: Hash with bcrypt
import md5 from 'md5';
import CryptoJS from 'crypto-js';
import bcrypt from 'bcryptjs';
import { prisma } from './prisma';

export async function register(email: string, password: string) {
  return prisma.user.create({ data: { email, passwordHash: await bcrypt.hash(password, 12) } });
}

export async function registerCryptoJs(email: string, password: string) {
  const passwordHash = await bcrypt.hash(password, 12);
  return prisma.user.create({ data: { email, passwordHash } });
}
