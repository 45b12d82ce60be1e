// expect: none
import { NextResponse } from 'next/server';
import prisma from '@/lib/db';

// The look-alikes: one page of posts, and the authors of a list in one query.
export async function GET() {
  return NextResponse.json(await prisma.post.findMany({ take: 20, orderBy: { createdAt: 'desc' } }));
}

export async function POST(req: Request) {
  const { ids } = await req.json();
  return NextResponse.json(await prisma.user.findMany({ where: { id: { in: ids } } }));
}
