// expect: none
'use server';

import { headers } from 'next/headers';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { signIn } from '@/auth';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(5, '1 m') });

export async function login(formData: FormData) {
  const ip = (await headers()).get('x-forwarded-for') ?? 'unknown';
  const { success } = await ratelimit.limit(ip);
  if (!success) return { error: 'Too many attempts' };
  await signIn('credentials', formData);
}

export async function logout() {
  await signOut();
}

export async function saveSettings(formData: FormData) {
  return formData.get('theme');
}

declare function signOut(): Promise<void>;
