/**
 * The `vigil_findings` language-model tool: Copilot's agent mode (or any chat participant) asks Vigil about the files
 * it just edited and gets the running server's findings, with their fixes' titles, as text it can act on.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fileFindingsRequest, type FileFindingsResult } from '../../shared/src/protocol';
import type { VigilServer } from './language-client';

export const findingsToolName = 'vigil_findings';

export interface FindingsToolInput {
  files: string[];
}

/** Relative paths are taken from the first workspace folder, as an agent names the files it edited. */
function uriOf(file: string): vscode.Uri {
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, file) : vscode.Uri.file(path.resolve(file));
}

export function describeFindings(result: FileFindingsResult, shown: (uri: string) => string): string {
  return result.files.map((file) => {
    const name = shown(file.uri);
    if (file.error !== undefined) return `${name}: ${file.error}`;
    if (file.findings.length === 0) return `${name}: no findings.`;
    const lines = file.findings.map((f) => {
      const fixes = f.fixes.length > 0 ? ` Fixes: ${f.fixes.map((x) => `${x.title}${x.safe ? ' (safe)' : ''}`).join('; ')}.` : '';
      return `  ${f.line}:${f.column} ${f.severity} ${f.ruleId}: ${f.message}${fixes}`;
    });
    return `${name}: ${file.findings.length} finding${file.findings.length === 1 ? '' : 's'}\n${lines.join('\n')}`;
  }).join('\n');
}

export function registerFindingsTool(server: VigilServer): vscode.Disposable {
  return vscode.lm.registerTool<FindingsToolInput>(findingsToolName, {
    prepareInvocation(options) {
      const files = options.input.files ?? [];
      return { invocationMessage: `Checking ${files.length} file${files.length === 1 ? '' : 's'} with Vigil` };
    },
    async invoke(options) {
      const uris = (options.input.files ?? []).map(uriOf);
      const result = await server.request<FileFindingsResult>(fileFindingsRequest, { uris: uris.map((u) => u.toString()) });
      const text = result
        ? describeFindings(result, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false))
        : 'Vigil\'s language server is not running (vigil.enable is off, or it is starting): no findings to report.';
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
    },
  });
}
