// fix: Add the missing cookie flags
import { cookies } from 'next/headers';

export async function signIn(token: string) {
  (await cookies()).set('session', token, { httpOnly: true });
  (await cookies()).set({ name: 'auth-token', value: token, httpOnly: true });
}
