// fix: Batch these queries
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function ordersWithCustomers() {
  const orders = await prisma.order.findMany({ where: { status: 'open' } });
  for (const order of orders) {
    const customer = await prisma.customer.findUnique({ where: { id: order.customerId } });
    console.log(order.id, customer?.name);
  }
}
