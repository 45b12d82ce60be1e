/**
 * `vigil.openDocs <url>`: the "Show documentation" code action's command. The server runs it, so it works in
 * any editor: `window/showDocument` in the external browser where the client supports it, else a message
 * with the link.
 */
import { ClientCapabilities, Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { Workspace, docsUrl } from '../core/workspace';

export async function showDocs(connection: Connection, capabilities: ClientCapabilities, url: unknown): Promise<void> {
  // Only the page of a registered rule: a command argument is client input, and a prefix check would let
  // `…/docs/rules/../../anything` through.
  if (typeof url !== 'string' || !Workspace.ruleIds.some((id) => docsUrl(id) === url)) return;
  if (capabilities.window?.showDocument?.support) {
    const shown = await connection.window.showDocument({ uri: url, external: true });
    if (shown.success) return;
  }
  await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Vigil documentation: ${url}` });
}
