// fix: Batch these queries
import { Repository, In } from 'typeorm';
import { User } from './user.entity';

export async function withBuyers(users: Repository<User>, orders: { buyerId: number }[]) {
  const result = [];
  const buyerRows = await users.findBy({ id: In(orders.map((order) => order.buyerId)) });
  const buyerById = new Map(buyerRows.map((row) => [row.id, row] as const));
  for (const order of orders) {
    const buyer = buyerById.get(order.buyerId);
    result.push({ ...order, buyer });
  }
  return result;
}
