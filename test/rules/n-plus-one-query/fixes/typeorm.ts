// fix: Batch these queries
import { Repository } from 'typeorm';
import { User } from './user.entity';

export async function withBuyers(users: Repository<User>, orders: { buyerId: number }[]) {
  const result = [];
  for (const order of orders) {
    const buyer = await users.findOneBy({ id: order.buyerId });
    result.push({ ...order, buyer });
  }
  return result;
}
