// expect: none
// A test helper module (test-utils.ts): test code reads whole tables to check them.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function allUsersForAssertions() {
  return prisma.user.findMany();
}
