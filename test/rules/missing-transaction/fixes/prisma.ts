// fix: Wrap in transaction
import { PrismaClient } from '@prisma/client';
import { queue } from './queue';

const prisma = new PrismaClient();

export async function placeOrder(userId: string, productId: string, qty: number) {
  const order = await prisma.order.create({ data: { userId, productId, qty } });
  await prisma.product.update({ where: { id: productId }, data: { stock: { decrement: qty } } });
  await queue.add('fulfil', { orderId: order.id });
  return order;
}
