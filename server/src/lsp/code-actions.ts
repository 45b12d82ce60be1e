/**
 * Code actions, read from the analysis cache (never a new analysis for the lightbulb): a quickfix per fix of
 * each Vigil diagnostic in the request, "Ignore <rule-id> on this line", "Show documentation for <rule-id>", and
 * `source.fixAll.vigil` with the safe fixes.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../core/rule';
import { diagnosticSource, isDiagnosticData } from './diagnostics';
import { fixAllText, wholeDocumentEdit } from './fix-all';
import type { CachedAnalysis } from './validation';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.vigil`;
export const openDocsCommand = 'vigil.openDocs';

/** Whether the request's `only` filter admits actions of `kind` (a filter matches its sub-kinds). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export interface CodeActionSources {
  document: TextDocument;
  /** The analysis of the document's current version, if it is done. */
  current: CachedAnalysis | undefined;
  /** For fixAll when the current version has not been analysed yet (a save right after typing). */
  context(): Promise<{ config: CachedAnalysis['config']; fileName: string; active: boolean }>;
}

export async function codeActions(params: CodeActionParams, sources: CodeActionSources): Promise<CodeAction[]> {
  const { document, current } = sources;
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
      const finding = current && data.version === current.version ? current.result.findings[data.index] : undefined;
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
        tail.push(ignoreAction(document, diagnostic, data.ruleId, line));
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

async function fixAllEdit({ document, current, context }: CodeActionSources): Promise<TextEdit | undefined> {
  if (current) {
    if (current.result.skipped) return undefined;
    return wholeDocumentEdit(document, fixAllText(document.getText(), current.fileName, current.config, current.result));
  }
  const { config, fileName, active } = await context();
  if (!active) return undefined;
  return wholeDocumentEdit(document, fixAllText(document.getText(), fileName, config));
}

const ignoreDirective = 'vigil-ignore-next-line';

/** Adds the rule to a bare directive on the line above, or inserts one there with the line's indentation. */
function ignoreAction(document: TextDocument, diagnostic: Diagnostic, ruleId: string, line: number): CodeAction {
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  let edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// ${ignoreDirective} ${ruleId}${eol}` };
  if (line > 0) {
    const above = document.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).replace(/\r?\n$/, '');
    const bare = new RegExp(`^[ \\t]*//\\s*${ignoreDirective}\\s+([a-z][a-z0-9-]*(?:\\s*,\\s*[a-z][a-z0-9-]*)*)\\s*$`).exec(above);
    if (bare && !bare[1].split(/\s*,\s*/).includes(ruleId)) {
      const at = { line: line - 1, character: above.length };
      edit = { range: { start: at, end: at }, newText: `, ${ruleId}` };
    }
  }
  return {
    title: `Ignore ${ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [edit] } },
  };
}
