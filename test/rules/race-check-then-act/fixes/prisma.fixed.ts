// fix: Make the update conditional
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function shipOrder(orderId: string) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (order.status !== 'pending') throw new Error('Order is not pending');
  const { count } = await prisma.order.updateMany({ where: { id: orderId, status: 'pending' }, data: { status: 'shipped' } });
  if (count === 0) throw new Error('Order is not pending');
}
