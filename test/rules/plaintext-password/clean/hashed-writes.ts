// expect: none
import bcrypt from 'bcrypt';
import * as argon2 from 'argon2';
import { Pool } from 'pg';
import { prisma } from './prisma';

const pool = new Pool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD });

export async function register(email: string, password: string) {
  const hash = await bcrypt.hash(password, 12);
  return prisma.user.create({ data: { email, password: hash } });
}

export async function registerArgon(email: string, password: string) {
  return prisma.user.create({ data: { email, password: await argon2.hash(password) } });
}

export async function registerReassigned(email: string, password: string) {
  password = await bcrypt.hash(password, 10);
  return prisma.user.create({ data: { email, password } });
}

export async function insertHashed(email: string, password: string) {
  const passwordHash = await bcrypt.hash(password, 12);
  await pool.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, passwordHash]);
}

export async function loginSql(email: string, password: string) {
  const { rows } = await pool.query('SELECT * FROM users WHERE email = $1 AND password = crypt($2, password)', [email, password]);
  return rows[0];
}

export async function resetTokenLookup(token: string) {
  return prisma.user.findFirst({ where: { passwordResetToken: token, passwordResetExpires: { gt: new Date() } } });
}
