import { PrismaClient } from '@prisma/client';
import { Order, Customer } from './models';
import { Sequelize } from 'sequelize';

const prisma = new PrismaClient();
export const sequelize = new Sequelize(process.env.DATABASE_URL!);

export async function ordersWithCustomers() {
  const orders = await prisma.order.findMany({ where: { status: 'open' } });
  for (const order of orders) {
    const customer = await prisma.customer.findUnique({ where: { id: order.customerId } }); // expect: n-plus-one-query:28
    console.log(order.id, customer?.name);
  }
}

export async function authorsOf(posts: { authorId: string }[]) {
  return Promise.all(posts.map((p) => prisma.user.findFirst({ where: { id: p.authorId } }))); // expect: n-plus-one-query:39
}

export async function commentCounts(postIds: string[]) {
  const counts: Record<string, number> = {};
  for (const id of postIds) {
    counts[id] = await prisma.comment.count({ where: { postId: id } }); // expect: n-plus-one-query:24
  }
  return counts;
}

export async function sequelizeCustomers(orderIds: number[]) {
  const out = [];
  for (const orderId of orderIds) {
    const order = await Order.findByPk(orderId); // expect: n-plus-one-query:25
    const customer = await Customer.findOne({ where: { id: order.customerId } }); // expect: n-plus-one-query:28
    out.push({ order, customer });
  }
  return out;
}

export async function audit(events: { type: string }[]) {
  for (const e of events) {
    await prisma.auditLog.create({ data: { type: e.type } }); // expect: n-plus-one-query:11
  }
}
