/**
 * Code actions, read from the analysis cache (never a new analysis for the lightbulb): a quickfix per fix of
 * each Vigil diagnostic in the request, "Ignore <rule-id> on this line", "Show documentation for <rule-id>", and
 * `source.fixAll.vigil` with the safe fixes.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Workspace, docsUrl } from '../core/workspace';
import { diagnosticSource, isDiagnosticData } from './diagnostics';
import type { DocumentContext } from './validation';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.vigil`;
export const openDocsCommand = 'vigil.openDocs';

/** Whether the request's `only` filter admits actions of `kind` (a filter matches its sub-kinds). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export interface CodeActionSources {
  document: TextDocument;
  workspace: Workspace;
  /** How the document is analysed, for fix-all (a save right after typing comes before the analysis). */
  context(): Promise<DocumentContext>;
}

export async function codeActions(params: CodeActionParams, sources: CodeActionSources): Promise<CodeAction[]> {
  const { document, workspace } = sources;
  const current = workspace.analysis(document.uri, document.version);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const uri = document.uri;
  const ours = params.context.diagnostics.filter((d) => d.source === diagnosticSource && isDiagnosticData(d.data));

  if (wanted(only, CodeActionKind.QuickFix)) {
    const fixActions: CodeAction[] = [];
    const ignored = new Set<string>();
    const documented = new Set<string>();
    const tail: CodeAction[] = [];
    for (const diagnostic of ours) {
      const data = diagnostic.data as { ruleId: string; version: number; index: number };
      const finding = workspace.finding(uri, data);
      if (finding && finding.ruleId === data.ruleId) {
        const preferred = finding.fixes.find((f) => f.safe) ?? finding.fixes[0];
        for (const fix of finding.fixes) {
          fixActions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix === preferred,
            edit: { changes: { [uri]: fix.edits } },
          });
        }
      }
      const line = diagnostic.range.start.line;
      if (!ignored.has(`${data.ruleId}:${line}`)) {
        ignored.add(`${data.ruleId}:${line}`);
        const edit = workspace.ignoreEdit(uri, data.ruleId, line);
        if (edit) tail.push({ title: `Ignore ${data.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [edit] } } });
      }
      if (!documented.has(data.ruleId)) {
        documented.add(data.ruleId);
        const url = docsUrl(data.ruleId);
        tail.push({
          title: `Show documentation for ${data.ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `Show documentation for ${data.ruleId}`, command: openDocsCommand, arguments: [url] },
        });
      }
    }
    actions.push(...fixActions, ...tail);
  }

  // Offered in the lightbulb only when the cache shows a safe fix; always computed when asked for by kind (on save).
  const askedForFixAll = only !== undefined && wanted(only, fixAllKind);
  const cachedSafe = current?.result.findings.some((f) => f.fixes.some((x) => x.safe)) ?? false;
  if (askedForFixAll || (only === undefined && cachedSafe)) {
    const edit = await fixAllEdit(sources);
    if (edit) actions.push({ title: 'Fix all safe Vigil findings', kind: fixAllKind, edit: { changes: { [uri]: [edit] } } });
  }
  return actions;
}

async function fixAllEdit({ document, workspace, context }: CodeActionSources) {
  const { options, active } = await context();
  return active ? workspace.fixAll(document.uri, options) : undefined;
}
