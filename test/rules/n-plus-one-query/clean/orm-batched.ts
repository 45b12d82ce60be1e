// expect: none
import { Op } from 'sequelize';
import { In, Repository } from 'typeorm';
import { inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { User, Order } from './models';
import { users } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function sequelizeBatched(orders: Order[]) {
  const buyers = await User.findAll({ where: { id: { [Op.in]: orders.map((o) => o.buyerId) } } });
  const byId = new Map(buyers.map((u) => [u.id, u] as const));
  for (const order of orders) console.log(byId.get(order.buyerId));
}

export async function typeormBatched(repo: Repository<User>, groups: { ids: number[] }[]) {
  for (const group of groups) {
    await repo.findBy({ id: In(group.ids) });
  }
}

export async function drizzleBatched(groups: { ids: number[] }[]) {
  for (const group of groups) {
    await db.select().from(users).where(inArray(users.id, group.ids));
  }
}

export async function bulk(batches: { email: string }[][]) {
  for (const batch of batches) {
    await User.bulkCreate(batch);
  }
}
