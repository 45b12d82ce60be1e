import { eq, and } from 'drizzle-orm';
import knex from 'knex';
import { MongoClient } from 'mongodb';
import { db } from './db';
import { users } from './schema';

const pg = knex({ client: 'pg' });
const mongo = new MongoClient(process.env.MONGO_URL!);

export async function drizzleLogin(email: string, password: string) {
  const [user] = await db.select().from(users).where(and(eq(users.email, email), eq(users.password, password))); // expect: plaintext-password:101
  return user;
}

export async function drizzleRegister(email: string, password: string) {
  await db.insert(users).values({ email, password }); // expect: plaintext-password:42
}

export async function knexRegister(email: string, password: string) {
  await pg('users').insert({ email, password }); // expect: plaintext-password:37
}

export async function knexLogin(email: string, password: string) {
  return pg('users').where({ email, password }).first(); // expect: plaintext-password:37
}

export async function mongoRegister(email: string, password: string) {
  await mongo.db().collection('users').insertOne({ email, password }); // expect: plaintext-password:59
}

export async function sqliteLogin(sqlite: { prepare(sql: string): { get(...args: unknown[]): unknown } }, username: string, pwd: string) {
  return sqlite.prepare('SELECT * FROM users WHERE username = ? AND password = ?').get(username, pwd); // expect: plaintext-password:98
}
