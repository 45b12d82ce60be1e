// expect: none
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
    } catch (error) {
      this.logger.error(`could not mark ${id} paid`, error);
      throw error;
    }
    return true;
  }

  async tryMarkPaid(id: string): Promise<boolean> {
    try {
      await this.invoices.update({ id }, { paid: true });
    } catch (error) {
      this.logger.warn(`could not mark ${id} paid: ${error}`);
      return false;
    }
    return true;
  }

  async refreshStats(): Promise<void> {
    try {
      await this.invoices.query('REFRESH MATERIALIZED VIEW invoice_stats');
    } catch (error) {
      this.logger.warn('stats refresh failed; the next run retries', error);
    }
  }

  async notify(id: string): Promise<void> {
    await this.sendReminder(id).catch((error) => this.logger.error(`reminder for ${id} failed`, error));
    this.sendReminder(id).catch(() => {
      // best effort: the nightly job sends any reminder missed here
    });
  }

  private async sendReminder(id: string): Promise<void> {
    await this.invoices.increment({ id }, 'reminders', 1);
  }
}
