// expect: none
import { PrismaClient } from '@prisma/client';
import { Sequelize, Model } from 'sequelize';

const prisma = new PrismaClient();
const sequelize = new Sequelize(process.env.DATABASE_URL!);
class Charge extends Model {}

export async function recordCharge(orderId: string, amountCents: number) {
  // Database rows named after payments are not payment calls.
  await prisma.charges.create({ data: { orderId, amountCents } });
  await prisma.refunds.create({ data: { orderId } });
  return Charge.create({ orderId, amountCents });
}

export async function recordTransfer(db: { transfers: { create(row: object): Promise<void> } }, amountCents: number) {
  await db.transfers.create({ amountCents });
  await sequelize.models.payouts.create({ amountCents });
}
