import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

export async function POST(request: NextRequest) {
  const { email, password } = await request.json();
  const user = await prisma.user.findFirst({ where: { email, password } }); // expect: plaintext-password:62
  if (!user) return NextResponse.json({ error: 'Invalid credentials' }, { status: 401 });
  return NextResponse.json({ id: user.id });
}

export async function PUT(request: NextRequest) {
  const body = await request.json();
  const account = await prisma.account.create({ data: { email: body.email, password: body.password } }); // expect: plaintext-password:76
  return NextResponse.json({ id: account.id });
}
