'use server';
import { redirect } from 'next/navigation';
import { createSession } from '@/lib/session';

export async function login(formData: FormData) {
  await createSession(formData.get('email') as string, formData.get('password') as string);
  redirect(formData.get('redirectTo') as string); // expect: open-redirect:12
}
