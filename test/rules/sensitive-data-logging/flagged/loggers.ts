import { readFileSync } from 'node:fs';
import pino from 'pino';
import winston from 'winston';
import { Injectable, Logger } from '@nestjs/common';

const log = pino();
const audit = winston.createLogger({ transports: [new winston.transports.Console()] });

export async function charge(card: { cardNumber: string; cvv: string; holder: string }, amount: number) {
  log.info({ holder: card.holder, cardNumber: card.cardNumber, amount }, 'charging card'); // expect: sensitive-data-logging:47
  audit.debug(`cvv ${card.cvv}`); // expect: sensitive-data-logging:22
}

export function onRefresh(refreshToken: string, userId: string) {
  log.info({ userId, refreshToken }, 'refreshing session'); // expect: sensitive-data-logging:22
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  async resetPassword(email: string, newPassword: string, resetCode: string) {
    this.logger.log(`reset for ${email}: code=${resetCode}`); // expect: sensitive-data-logging:49
    this.logger.debug({ email, password: newPassword }); // expect: sensitive-data-logging:42
  }

  connect(config: { apiKey: string; region: string }) {
    this.logger.verbose('connecting with key ' + config.apiKey); // expect: sensitive-data-logging:50
  }
}

export function announceKey(apikeyFilename: string) {
  const apikey = readFileSync(apikeyFilename, 'utf8');
  log.info(`Api key read: ${apikey}`); // expect: sensitive-data-logging:29
}
