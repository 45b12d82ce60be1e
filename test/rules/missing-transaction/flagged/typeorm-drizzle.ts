import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { Wallet, Ledger } from './entities';
import { wallets, ledger } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

@Injectable()
export class WalletService {
  constructor(
    @InjectRepository(Wallet) private readonly wallets: Repository<Wallet>,
    @InjectRepository(Ledger) private readonly ledger: Repository<Ledger>,
  ) {}

  async credit(walletId: string, amount: number) {
    await this.wallets.increment({ id: walletId }, 'balance', amount); // expect: missing-transaction:11
    await this.ledger.save({ walletId, amount, kind: 'credit' });
  }
}

export async function debit(walletId: string, amount: number) {
  await db.update(wallets).set({ balance: amount }).where(eq(wallets.id, walletId)); // expect: missing-transaction:9
  await db.insert(ledger).values({ walletId, amount: -amount });
}
