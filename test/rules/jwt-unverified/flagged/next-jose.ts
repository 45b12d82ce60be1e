import { decodeJwt } from 'jose';
import { cookies } from 'next/headers';
import { prisma } from '@/lib/prisma';

export async function getCurrentUser() {
  const token = (await cookies()).get('session')?.value;
  if (!token) return null;
  const { sub } = decodeJwt(token); // expect: jwt-unverified:19
  return prisma.user.findUnique({ where: { id: sub } });
}
