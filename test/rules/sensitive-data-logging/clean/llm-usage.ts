// expect: none
import { Logger } from '@nestjs/common';

const logger = new Logger('Completion');

export function report(usage: { promptTokens: number; completionTokens: number; totalTokens: number }, maxTokens: number) {
  logger.log(`used ${usage.totalTokens} of ${maxTokens} tokens`);
  console.info('prompt tokens', usage.promptTokens, 'completion tokens', usage.completionTokens);
}

export function missing(secretName: string, apiKeyId: string) {
  console.warn(`secret ${secretName} not found; key id ${apiKeyId}`);
}

export function hashed(user: { id: string; passwordHash: string }) {
  console.debug('user', user.id, 'hash algorithm', user.passwordHash.startsWith('$2') ? 'bcrypt' : 'other');
}
