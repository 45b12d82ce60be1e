'use server';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';

export async function signIn(formData: FormData) {
  const sessionId = String(formData.get('id'));
  const store = await cookies();
  store.set('session-id', sessionId); // expect: insecure-cookie:3
  (await cookies()).set({ name: 'auth-token', value: sessionId, path: '/' }); // expect: insecure-cookie:3
}

export async function POST() {
  const response = NextResponse.json({ ok: true });
  response.cookies.set('jwt', 'abc', { sameSite: 'none', secure: false, httpOnly: true }); // expect: insecure-cookie:3
  return response;
}
