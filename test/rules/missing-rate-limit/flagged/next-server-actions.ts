'use server';

import { redirect } from 'next/navigation';
import bcrypt from 'bcryptjs';
import { prisma } from '@/lib/prisma';
import { createSession } from '@/lib/session';

export async function signInAction(formData: FormData) { // expect: missing-rate-limit:23
  const user = await prisma.user.findUnique({ where: { email: String(formData.get('email')) } });
  if (!user || !(await bcrypt.compare(String(formData.get('password')), user.passwordHash))) return { error: 'Invalid credentials' };
  await createSession(user.id);
  redirect('/dashboard');
}

export const signup = async (formData: FormData) => { // expect: missing-rate-limit:14
  const passwordHash = await bcrypt.hash(String(formData.get('password')), 12);
  const user = await prisma.user.create({ data: { email: String(formData.get('email')), passwordHash } });
  await createSession(user.id);
  redirect('/welcome');
};

export async function updateDisplayName(formData: FormData) {
  await prisma.user.update({ where: { id: String(formData.get('id')) }, data: { name: String(formData.get('name')) } });
}
