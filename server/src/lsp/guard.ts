/**
 * Every handler runs guarded: an exception is Vigil's bug, not the client's, so it is logged once and the
 * request gets an empty answer instead of taking the server down or leaving the editor waiting.
 */
import type { Notices } from './notices';

export function guarded<P extends unknown[], R>(notices: Notices, name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      notices.logOnce(`${name}:${e.message}`, `Vigil: ${name} failed: ${e.message}`, e.stack);
      return fallback;
    }
  };
}
