// expect: none
// The check leaves when the row already has the value the write sets, and the write sets only constants: two
// requests that both pass write the same row, so the race changes nothing.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function closePoll(pollId: string, spaceId: string) {
  const poll = await prisma.poll.findFirst({ where: { id: pollId, spaceId } });
  if (!poll) return null;
  if (poll.status === 'closed') {
    return poll;
  }
  return prisma.poll.update({ where: { id: pollId }, data: { status: 'closed', closedReason: 'manual' } });
}

export async function markPaid(invoiceId: string) {
  const invoice = await prisma.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice) throw new Error('No such invoice');
  if (invoice.paid) return;
  await prisma.invoice.update({ where: { id: invoiceId }, data: { paid: true } });
}
