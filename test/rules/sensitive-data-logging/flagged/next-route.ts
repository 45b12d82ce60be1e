import { NextRequest, NextResponse } from 'next/server';
import { signIn } from '@/lib/auth';

export async function POST(request: NextRequest) {
  const body = await request.json();
  console.log('sign-in body', body); // expect: sensitive-data-logging:31
  const session = await signIn(body.email, body.password);
  console.log('session', { sessionId: session.id, accessToken: session.accessToken }); // expect: sensitive-data-logging:39, sensitive-data-logging:64
  return NextResponse.json({ ok: true });
}
