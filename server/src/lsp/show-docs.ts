/**
 * `vigil.openDocs <url>`: the "Show documentation" code action's command. The server runs it, so it works in
 * any editor: `window/showDocument` in the external browser where the client supports it, else a message
 * with the link.
 */
import { ClientCapabilities, Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { docsBaseUrl } from '../core/workspace';

export async function showDocs(connection: Connection, capabilities: ClientCapabilities, url: unknown): Promise<void> {
  // Only our own docs: a command argument is client input, and opening arbitrary URLs is not this command's job.
  if (typeof url !== 'string' || !url.startsWith(docsBaseUrl)) return;
  if (capabilities.window?.showDocument?.support) {
    const shown = await connection.window.showDocument({ uri: url, external: true });
    if (shown.success) return;
  }
  await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Vigil documentation: ${url}` });
}
