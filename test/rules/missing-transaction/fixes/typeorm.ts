// fix: Wrap in transaction
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Wallet, Ledger } from './entities';

@Injectable()
export class WalletService {
  constructor(
    @InjectRepository(Wallet) private readonly wallets: Repository<Wallet>,
    @InjectRepository(Ledger) private readonly ledger: Repository<Ledger>,
  ) {}

  async credit(walletId: string, amount: number) {
    await this.wallets.increment({ id: walletId }, 'balance', amount);
    await this.ledger.save({ walletId, amount, kind: 'credit' });
  }
}
