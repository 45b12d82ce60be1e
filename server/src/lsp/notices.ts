/**
 * What Vigil tells the user about itself: a bad setting or config file as one `window/showMessage` warning (not
 * one per document or keystroke), and its own internal errors once each in the output channel.
 */
import { Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';

export class Notices {
  private readonly warned = new Set<string>();
  private readonly logged = new Set<string>();

  constructor(private readonly connection: Connection) {}

  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    // A notification, not window/showMessageRequest: nothing to answer, and no client can leave it pending.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** Settings or config changed: a problem that is still there after the change may be shown again. */
  resetWarnings(): void {
    this.warned.clear();
  }

  /** Logs an internal error once per key (rule and file), with its stack, and keeps serving. */
  logOnce(key: string, message: string, stack?: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.connection.console.error(stack ? `${message}\n${stack}` : message);
  }
}
