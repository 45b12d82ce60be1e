import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function shipOrder(orderId: string) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order || order.status !== 'pending') throw new Error('Order is not pending');
  await prisma.order.update({ where: { id: orderId }, data: { status: 'shipped' } }); // expect: race-check-then-act:9
}

export async function redeem(code: string, userId: string) {
  const coupon = await prisma.coupon.findFirst({ where: { code } });
  if (coupon?.redeemed) return { ok: false };
  await prisma.coupon.update({ where: { id: coupon!.id }, data: { redeemed: true, userId } }); // expect: race-check-then-act:9
  return { ok: true };
}
