// fix: Batch these queries
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function ordersWithCustomers() {
  const orders = await prisma.order.findMany({ where: { status: 'open' } });
  const customerRows = await prisma.customer.findMany({ where: { id: { in: orders.map((order) => order.customerId) } } });
  const customerById = new Map(customerRows.map((row) => [row.id, row] as const));
  for (const order of orders) {
    const customer = customerById.get(order.customerId);
    console.log(order.id, customer?.name);
  }
}
