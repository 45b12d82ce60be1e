import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_KEY!);

export async function placeOrder(userId: string, items: { productId: string; qty: number }[]) {
  const order = await prisma.order.create({ data: { userId, items: { create: items } } }); // expect: missing-transaction:23
  for (const item of items) {
    await prisma.product.update({ where: { id: item.productId }, data: { stock: { decrement: item.qty } } });
  }
  return order;
}

export async function checkout(orderId: string, customer: string, amount: number) {
  const intent = await stripe.paymentIntents.create({ amount, currency: 'usd', customer, confirm: true });
  await prisma.order.update({ where: { id: orderId }, data: { status: 'paid', paymentIntentId: intent.id } }); // expect: missing-transaction:9
  await prisma.payment.create({ data: { orderId, amount } });
}

export async function closeAccount(userId: string) {
  await prisma.$executeRaw`DELETE FROM sessions WHERE user_id = ${userId}`; // expect: missing-transaction:9
  await prisma.user.delete({ where: { id: userId } });
}
