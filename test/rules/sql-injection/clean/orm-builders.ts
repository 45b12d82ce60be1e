// expect: none
import { PrismaClient, Prisma } from '@prisma/client';
import { sql, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import knex from 'knex';
import { DataSource } from 'typeorm';
import { Sequelize, QueryTypes, Op } from 'sequelize';
import { users } from './schema';

const prisma = new PrismaClient();
const db = drizzle(process.env.DATABASE_URL!);
const k = knex({ client: 'pg' });
const dataSource = new DataSource({ type: 'postgres' });
const sequelize = new Sequelize(process.env.DATABASE_URL!);

export async function prismaQueries(email: string, minAge: number) {
  const a = await prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email}`;
  const b = await prisma.$queryRaw(Prisma.sql`SELECT * FROM "User" WHERE age > ${minAge}`);
  const c = await prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE email = $1', email);
  const d = await prisma.user.findMany({ where: { email } });
  return [a, b, c, d];
}

export async function drizzleQueries(email: string) {
  const a = await db.execute(sql`SELECT * FROM users WHERE email = ${email}`);
  const b = await db.select().from(users).where(eq(users.email, email));
  const c = await db.execute(sql.raw('SELECT count(*) FROM users'));
  return [a, b, c];
}

export async function knexQueries(author: string, sort: string) {
  const a = await k('posts').where({ author }).orderBy(sort);
  const b = await k('posts').whereRaw('author = ?', [author]);
  const c = await k.raw('SELECT * FROM ?? WHERE author = ?', ['posts', author]);
  const d = await k('posts').whereRaw(`${k.ref('author')} = ?`, [author]);
  return [a, b, c, d];
}

export async function typeormQueries(region: string) {
  const a = await dataSource.query('SELECT sum(total) FROM orders WHERE region = $1', [region]);
  const b = await dataSource.getRepository('Order').createQueryBuilder('o').where('o.region = :region', { region }).getMany();
  return [a, b];
}

export async function sequelizeQueries(name: string) {
  const a = await sequelize.query('SELECT * FROM users WHERE name = :name', { replacements: { name }, type: QueryTypes.SELECT });
  const b = await sequelize.query('SELECT * FROM users WHERE name = $1', { bind: [name], type: QueryTypes.SELECT });
  const c = await sequelize.models.User.findAll({ where: { name: { [Op.like]: `%${name}%` } } });
  return [a, b, c];
}
