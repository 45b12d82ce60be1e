import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Invoice } from './invoice.entity';

@Injectable()
export class BillingService {
  private readonly logger = new Logger(BillingService.name);

  constructor(@InjectRepository(Invoice) private readonly invoices: Repository<Invoice>) {}

  async markPaid(id: string): Promise<boolean> {
    try {
      await this.invoices.update({ id }, { paid: true });
    } catch (error) { // expect: swallowed-error:7
      this.logger.error(`could not mark ${id} paid`);
    }
    return true;
  }

  async archive(id: string): Promise<{ ok: boolean }> {
    try {
      await this.invoices.softDelete({ id });
    } catch {} // expect: swallowed-error:7
    return { ok: true };
  }

  async remind(id: string): Promise<void> {
    await this.sendReminder(id).catch(function () {}); // expect: swallowed-error:33
  }

  private async sendReminder(id: string): Promise<void> {
    await this.invoices.increment({ id }, 'reminders', 1);
  }
}
