// expect: none
// Writes on paths that never both run: a branch that returns first, and branches on different event types.
import { prisma } from '@/lib/prisma';

export async function inviteMember(spaceId: string, email: string, role: string) {
  const existing = await prisma.spaceMemberInvite.findUnique({ where: { spaceId_email: { spaceId, email } } });
  if (existing) {
    await prisma.spaceMemberInvite.update({ where: { id: existing.id }, data: { role } });
    return { ok: true, code: 'INVITE_UPDATED' };
  }
  const invite = await prisma.spaceMemberInvite.create({ data: { spaceId, email, role } });
  return { ok: true, invite };
}

export async function onStripeEvent(event: { type: string; data: { userId: string; subscriptionId: string; periodEnd: number } }) {
  const { userId, subscriptionId, periodEnd } = event.data;
  if (event.type === 'checkout.session.completed') {
    await prisma.user.update({ where: { id: userId }, data: { subscriptionId } });
  }
  if (event.type === 'invoice.payment_succeeded') {
    await prisma.user.update({ where: { id: userId }, data: { currentPeriodEnd: new Date(periodEnd * 1000) } });
  }
}
