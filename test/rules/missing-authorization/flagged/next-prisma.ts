import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { prisma } from '@/lib/prisma';

export async function DELETE(_request: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  await prisma.invoice.delete({ where: { id: params.id } }); // expect: missing-authorization:9
  return new NextResponse(null, { status: 204 });
}

export async function GET(_request: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const document = await prisma.document.findUnique({ where: { id: params.id } }); // expect: missing-authorization:26
  return NextResponse.json(document);
}
