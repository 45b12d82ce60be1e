// fix: Parameterize query
import { PrismaClient } from '@prisma/client';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';

const prisma = new PrismaClient();
const db = drizzle(process.env.DATABASE_URL!);

export function byEmail(email: string) {
  return prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email}`;
}

export function rename(id: string, name: string) {
  return prisma.$executeRaw`UPDATE "User" SET name = ${name} WHERE id = ${id}`;
}

export function stores(city: string) {
  return db.execute(sql`SELECT * FROM stores WHERE city LIKE ${`%${city}%`}`);
}
