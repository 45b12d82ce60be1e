import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

export async function POST(request: NextRequest) {
  const body = await request.json();
  const account = await prisma.account.create({ data: { ...body, createdAt: new Date() } }); // expect: mass-assignment:57
  return NextResponse.json(account);
}

export async function PATCH(request: NextRequest, { params }: { params: { id: string } }) {
  const data = await request.json();
  const profile = await prisma.profile.update({ where: { id: params.id }, data }); // expect: mass-assignment:75
  return NextResponse.json(profile);
}
