// expect: none
import { createHash, timingSafeEqual } from 'node:crypto';
import { PrismaClient, type User } from '@prisma/client';

const prisma = new PrismaClient();

const compare = (a: string, b: string) => timingSafeEqual(Buffer.from(a), Buffer.from(b));
function hash(text: string) {
  return createHash('sha256').update(text).digest('hex');
}

export function verifyToken(given: string, expected: string) {
  if (compare(given, expected)) return true;
  return hash(given) === expected;
}

export class ProfileCache {
  private pending?: Promise<Response>;

  load(url: string) {
    // Keeping the promise itself, on purpose, so concurrent callers share one request.
    this.pending = fetch(url);
    return this.pending;
  }
}

export async function findUser(id: string) {
  const lookup: Promise<User | null> = prisma.user.findUnique({ where: { id } });
  const user = await lookup;
  return user ? `${user.email}` : undefined;
}

export function findLater(id: string) {
  return prisma.user.findUnique({ where: { id } }).then((u) => u?.email);
}

export async function firstOf(ids: string[]) {
  const lookups = ids.map((id) => prisma.user.findUnique({ where: { id } }));
  return Promise.race(lookups);
}
