import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

export async function GET() {
  const posts = await db.post.findMany({ orderBy: { createdAt: 'desc' } }); // expect: unbounded-query:23
  return NextResponse.json(posts);
}

export async function POST(req: Request) {
  const { ids } = await req.json();
  const authors = [];
  for (const id of ids) {
    authors.push(await db.user.findUnique({ where: { id } })); // expect: n-plus-one-query:24
  }
  return NextResponse.json(authors);
}
