import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

async function sha256(text: string) {
  const data = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Buffer.from(digest).toString('hex');
}

export async function POST(request: NextRequest) {
  const { email, password } = await request.json();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(password)); // expect: weak-password-hash:24
  const passwordHash = Buffer.from(digest).toString('hex');
  await prisma.user.create({ data: { email, passwordHash, checksum: await sha256(email) } });
  return NextResponse.json({ ok: true });
}
