import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// The write also records who closed the poll: two racing requests both pass and the second overwrites the first.
export async function closePoll(pollId: string, userId: string) {
  const poll = await prisma.poll.findFirst({ where: { id: pollId } });
  if (!poll || poll.status === 'closed') return poll;
  return prisma.poll.update({ where: { id: pollId }, data: { status: 'closed', closedBy: userId } }); // expect: race-check-then-act:10
}

// The check is on another value than the write sets: the transition itself runs twice.
export async function publish(postId: string) {
  const post = await prisma.post.findUnique({ where: { id: postId } });
  if (post?.status !== 'draft') throw new Error('Not a draft');
  await prisma.post.update({ where: { id: postId }, data: { status: 'published' } }); // expect: race-check-then-act:9
}
