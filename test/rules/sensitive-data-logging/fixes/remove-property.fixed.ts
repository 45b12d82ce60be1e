// fix: Remove `refreshToken` from the log call
import pino from 'pino';

const log = pino();

export function onRefresh(refreshToken: string, userId: string) {
  log.info({ userId }, 'refreshing session');
}
