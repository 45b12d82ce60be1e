import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function findByEmail(email: string) {
  return prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = '${email}'`); // expect: sql-injection:33
}

export async function deactivate(ids: string) {
  return prisma.$executeRawUnsafe(`UPDATE "User" SET active = false WHERE id IN (${ids})`); // expect: sql-injection:35
}
