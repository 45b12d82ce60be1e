// fix: Make the update conditional
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function shipOrder(orderId: string) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (order.status !== 'pending') throw new Error('Order is not pending');
  await prisma.order.update({ where: { id: orderId }, data: { status: 'shipped' } });
}
