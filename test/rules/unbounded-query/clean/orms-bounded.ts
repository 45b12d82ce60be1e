// expect: none
import { PrismaClient } from '@prisma/client';
import { Repository } from 'typeorm';
import mongoose from 'mongoose';
import knexFactory from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { comments } from './schema';

const prisma = new PrismaClient();
const knex = knexFactory({ client: 'pg' });
const db = drizzle(process.env.DATABASE_URL!);
const Message = mongoose.model('Message', new mongoose.Schema({ body: String }));

export async function GET(request: Request) {
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  return Response.json(await prisma.post.findMany({ take: 20, cursor: cursor ? { id: cursor } : undefined, orderBy: { id: 'asc' } }));
}

export async function userPosts(userId: string) {
  const posts = await prisma.post.findMany({ where: { authorId: userId } });
  const total = await prisma.post.count();
  const one = await prisma.user.findUnique({ where: { id: userId } });
  return { posts, total, one };
}

export async function products(repo: Repository<{ id: number }>, pageSize = 50) {
  return repo.find({ take: pageSize, order: { id: 'ASC' } });
}

export async function recentMessages(limit: number) {
  const list = await Message.find({}).sort({ createdAt: -1 }).limit(limit).lean();
  const mine = await Message.find({ author: 'me' });
  const count = await Message.countDocuments();
  return { list, mine, count };
}

export async function audit(pageSize: number) {
  const rows = await knex('audit_log').select('*').orderBy('id').limit(pageSize);
  const filtered = await db.select().from(comments).where(eq(comments.postId, 1));
  const page = await db.select().from(comments).limit(pageSize);
  const all = await knex('audit_log').count('* as n');
  return { rows, filtered, page, all };
}

// Array methods, not queries.
export function pick(items: { id: number }[]) {
  return items.find((i) => i.id === 1);
}
