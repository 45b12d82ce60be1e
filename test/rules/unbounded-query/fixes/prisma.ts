// fix: Add a limit
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function listPosts() {
  return prisma.post.findMany({ orderBy: { createdAt: 'desc' } });
}

export async function listUsers(orderBy: 'name' | 'email') {
  return prisma.user.findMany();
}
