// fix: Hash with bcrypt
import { Pool } from 'pg';
import { prisma } from './prisma';
import bcrypt from 'bcrypt';

const pool = new Pool();

export async function register(email: string, password: string) {
  return prisma.user.create({ data: { email, password: await bcrypt.hash(password, 12) } });
}

export async function registerFromBody(body: { email: string; password: string }) {
  return prisma.user.create({ data: { email: body.email, password: await bcrypt.hash(body.password, 12) } });
}

export async function insertUser(email: string, password: string) {
  await pool.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, await bcrypt.hash(password, 12)]);
}
