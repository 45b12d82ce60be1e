// fix: Add a limit
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function listPosts(pageSize = 100) {
  return prisma.post.findMany({ orderBy: { createdAt: 'desc' }, take: pageSize });
}

export async function listUsers(orderBy: 'name' | 'email', pageSize = 100) {
  return prisma.user.findMany({ take: pageSize });
}
