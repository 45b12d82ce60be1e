// expect: none
import { prisma } from '@/lib/prisma';
import { checkSchedule } from '@/lib/schedule';

// Called by a scheduler with a signed body: no user is signed in, and the record is the job's own.
export async function POST(req: Request) {
  const rawBody = await req.text();
  await checkSchedule(req);
  const { linkId } = JSON.parse(rawBody);
  const link = await prisma.link.findUnique({ where: { id: linkId } });
  if (!link || link.userId) return new Response('claimed, skipping', { status: 200 });
  await prisma.link.delete({ where: { id: linkId } });
  return new Response('deleted');
}
