/**
 * The edges of the server's life the protocol library leaves open: requests before `initialize` (the protocol
 * says to answer them with -32002), a byte stream whose framing is broken (the library goes deaf), and a client
 * that closed the server's output (nothing can be said to it any more, so the server leaves without a word).
 */
import { ConnectionError, ConnectionErrors, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { FramingCheck } from './framing-check';

export class Lifecycle {
  private initialized = false;

  markInitialized(): void {
    this.initialized = true;
  }

  get isInitialized(): boolean {
    return this.initialized;
  }

  /** A request handler that answers ServerNotInitialized (-32002) until `initialize` has been answered. */
  afterInitialize<P extends unknown[], R>(handler: (...args: P) => R): (...args: P) => R {
    return (...args: P): R => {
      if (!this.initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Vigil: the server has not been initialized yet.');
      return handler(...args);
    };
  }
}

/** Follows the framing of `input` and calls `broken` once with the first fault. */
export function watchFraming(input: NodeJS.ReadableStream, broken: (fault: string) => void): void {
  const check = new FramingCheck();
  let reported = false;
  input.on('data', (chunk: Buffer | string) => {
    if (reported) return;
    const fault = check.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (fault === undefined) return;
    reported = true;
    broken(fault);
  });
}

/** Whether `reason` is the library saying the connection is closed (the client went away). */
export function isClosedConnection(reason: unknown): boolean {
  return reason instanceof ConnectionError && (reason.code === ConnectionErrors.Closed || reason.code === ConnectionErrors.Disposed);
}
