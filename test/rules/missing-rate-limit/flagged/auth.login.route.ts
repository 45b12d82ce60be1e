import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth';

export async function GET() {
  return NextResponse.json({ providers: ['credentials'] });
}

export async function POST(request: Request) { // expect: missing-rate-limit:23
  const { email, password } = await request.json();
  const session = await signIn(email, password);
  return session ? NextResponse.json(session) : NextResponse.json({ error: 'Invalid credentials' }, { status: 401 });
}
