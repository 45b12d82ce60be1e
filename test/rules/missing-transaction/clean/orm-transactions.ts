// expect: none
import { PrismaClient, Prisma } from '@prisma/client';
import { DataSource } from 'typeorm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import mongoose from 'mongoose';
import { Account, Transfer } from './models';
import { Wallet, Ledger } from './entities';
import { wallets, ledger } from './schema';

const prisma = new PrismaClient();
const db = drizzle(process.env.DATABASE_URL!);

export async function placeOrder(userId: string, items: { productId: string; qty: number }[]) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId } });
    for (const item of items) await decrementStock(tx, item.productId, item.qty);
    return order;
  });
}

// A helper handed the transaction by its caller.
async function decrementStock(tx: Prisma.TransactionClient, productId: string, qty: number) {
  await tx.product.update({ where: { id: productId }, data: { stock: { decrement: qty } } });
  await tx.stockMovement.create({ data: { productId, qty: -qty } });
}

export async function closeAccount(userId: string) {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { userId } }),
    prisma.user.delete({ where: { id: userId } }),
  ]);
}

export async function credit(dataSource: DataSource, walletId: string, amount: number) {
  await dataSource.transaction(async (manager) => {
    await manager.increment(Wallet, { id: walletId }, 'balance', amount);
    await manager.save(Ledger, { walletId, amount });
  });
}

export async function creditWithRunner(dataSource: DataSource, walletId: string, amount: number) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.increment(Wallet, { id: walletId }, 'balance', amount);
    await queryRunner.manager.save(Ledger, { walletId, amount });
    await queryRunner.commitTransaction();
  } catch (e) {
    await queryRunner.rollbackTransaction();
    throw e;
  } finally {
    await queryRunner.release();
  }
}

export async function debit(walletId: string, amount: number) {
  await db.transaction(async (tx) => {
    await tx.update(wallets).set({ balance: amount }).where(eq(wallets.id, walletId));
    await tx.insert(ledger).values({ walletId, amount: -amount });
  });
}

export async function transfer(from: string, to: string, amount: number) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Account.updateOne({ _id: from }, { $inc: { balance: -amount } }, { session });
      await Account.updateOne({ _id: to }, { $inc: { balance: amount } }, { session });
      await Transfer.create([{ from, to, amount }], { session });
    });
  } finally {
    await session.endSession();
  }
}
