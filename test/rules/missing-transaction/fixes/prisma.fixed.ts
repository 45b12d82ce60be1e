// fix: Wrap in transaction
import { PrismaClient } from '@prisma/client';
import { queue } from './queue';

const prisma = new PrismaClient();

export async function placeOrder(userId: string, productId: string, qty: number) {
  const order = await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId, productId, qty } });
    await tx.product.update({ where: { id: productId }, data: { stock: { decrement: qty } } });
    return order;
  });
  await queue.add('fulfil', { orderId: order.id });
  return order;
}
