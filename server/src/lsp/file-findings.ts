/**
 * `vigil/fileFindings`: the findings of files an agent just edited, answered from the running server. An open
 * document is answered from its cached analysis (or analysed at its current version); a file not open is read
 * from disk and analysed with the same config and settings, so the answer matches what the editor shows.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Workspace } from '../core/workspace';
import type { FileFinding, FileFindingsParams, FileFindingsResult } from '../../../shared/src/protocol';
import { fileNameFor } from './documents';
import type { Validator } from './validation';

function view(finding: Finding): FileFinding {
  const { start, end } = finding.range;
  return {
    line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
    ruleId: finding.ruleId, severity: finding.severity, message: finding.message,
    fixes: finding.fixes.map((f) => ({ title: f.title, safe: f.safe })),
  };
}

async function findingsOf(uri: string, documents: TextDocuments<TextDocument>, workspace: Workspace, validator: Validator): Promise<{ findings: Finding[]; error?: string }> {
  const open = documents.get(uri);
  let document = open;
  if (!document) {
    try {
      document = TextDocument.create(uri, 'typescript', 0, fs.readFileSync(fileURLToPath(uri), 'utf8'));
    } catch (error) {
      return { findings: [], error: `could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }
  const { options, active } = await validator.contextFor(document);
  if (!active) return { findings: [], error: 'not analysed: Vigil is off for this file (vigil.enable or an ignore glob)' };
  const result = open ? workspace.analyze(uri, options)?.result : workspace.analyzeText(fileNameFor(uri, document.languageId), document.getText(), options);
  if (result?.skipped) return { findings: [], error: result.skipped };
  return { findings: result?.findings ?? [] };
}

export async function fileFindings(
  params: FileFindingsParams, documents: TextDocuments<TextDocument>, workspace: Workspace, validator: Validator,
): Promise<FileFindingsResult> {
  const files: FileFindingsResult['files'] = [];
  for (const uri of params.uris ?? []) {
    const { findings, error } = await findingsOf(uri, documents, workspace, validator);
    files.push({ uri, findings: findings.map(view), ...(error !== undefined ? { error } : {}) });
  }
  return { files };
}
