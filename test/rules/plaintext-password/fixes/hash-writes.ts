// fix: Hash with bcrypt
import { Pool } from 'pg';
import { prisma } from './prisma';

const pool = new Pool();

export async function register(email: string, password: string) {
  return prisma.user.create({ data: { email, password } });
}

export async function registerFromBody(body: { email: string; password: string }) {
  return prisma.user.create({ data: { email: body.email, password: body.password } });
}

export async function insertUser(email: string, password: string) {
  await pool.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, password]);
}
