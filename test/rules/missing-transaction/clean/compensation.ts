// expect: none
// A write, then a step outside the database; if that step fails, a write in the catch undoes the first.
import { prisma } from '@/lib/prisma';
import { sendInviteEmail } from '@/lib/mail';

export async function invite(spaceId: string, email: string) {
  const created = await prisma.spaceMemberInvite.create({ data: { spaceId, email } });
  try {
    await sendInviteEmail({ to: email, inviteId: created.id });
  } catch {
    await prisma.spaceMemberInvite.delete({ where: { id: created.id } });
    return { ok: false };
  }
  return { ok: true };
}
