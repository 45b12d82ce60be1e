/** One file, read → analysed (→ fixed and written back) → a plain report that can cross a worker boundary. */
import type { AnalysisResult, Finding, InternalError, Workspace } from '../core/workspace';
import type { Attribution } from '../git/attribution';
import { fingerprints } from './fingerprint';
import { writeFixes } from './fix-writes';
import { readSourceFile, type SourceFile } from './source-file';

export interface ReportedFinding extends Finding {
  fingerprint: string;
  /** Who wrote its lines, from Agent Trace notes (when the repository has them). */
  attribution?: Attribution;
}

export interface FileReport {
  /** Absolute. */
  file: string;
  lines: number;
  findings: ReportedFinding[];
  syntaxErrors: number;
  /** The first of them, 1-based, so that the summary can say where the file stops being read as written. */
  firstSyntaxError?: SyntaxErrorAt;
  /** Why the core did not analyse it (too large, binary). */
  skipped?: string;
  /** Why some rules did not finish on it (nested too deeply, out of time). */
  incomplete?: string;
  internalErrors: InternalError[];
  /** Could not be read, or a fixed text could not be written. */
  error?: string;
  /** Why `--fix` left the file as it was although it had fixes (a link out of the scanned paths, not UTF-8). */
  notFixed?: string;
  fixesApplied: number;
}

export interface SyntaxErrorAt {
  line: number;
  column: number;
  message: string;
}

export interface AnalyseOptions {
  /** Only these rules, run even where the config turns them off; all registered rules when absent. */
  ruleIds?: readonly string[];
  fix: boolean;
  /** The real paths `--fix` may write under (see fix-writes.ts). */
  fixRoots?: readonly string[];
}

function countLines(text: string): number {
  let n = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** `workspace` resolves the file's config (the nearest one walking up, as the editor does). */
export function analyseFile(file: string, options: AnalyseOptions, workspace: Workspace): FileReport {
  const empty: FileReport = { file, lines: 0, findings: [], syntaxErrors: 0, internalErrors: [], fixesApplied: 0 };
  let source: SourceFile;
  try {
    source = readSourceFile(file);
  } catch (error) {
    return { ...empty, error: `could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  return analyseSource(file, source, options, workspace);
}

/** A text as the content of `file` (stdin, an agent's buffer), never written: `fix` is not applied. */
export function analyseText(file: string, text: string, options: AnalyseOptions, workspace: Workspace): FileReport {
  // As readSourceFile does: a byte order mark is not part of the text columns count in.
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  return analyseSource(file, { bytes: Buffer.from(text, 'utf8'), text: body, bomBytes: bom ? 3 : 0, validUtf8: true }, { ...options, fix: false }, workspace);
}

function analyseSource(file: string, source: SourceFile, options: AnalyseOptions, workspace: Workspace): FileReport {
  let text = source.text;
  const analyzeOptions = { only: options.ruleIds };
  const analyse = (t: string) => workspace.analyzeText(file, t, analyzeOptions);

  let result: AnalysisResult;
  let fixesApplied = 0;
  let error: string | undefined;
  let notFixed: string | undefined;
  if (options.fix) {
    const outcome = workspace.fixText(file, text, analyzeOptions);
    result = outcome.result;
    if (outcome.fixesApplied > 0) {
      const write = writeFixes(file, source, outcome.text, options.fixRoots ?? []);
      if (write.written) {
        text = outcome.text;
        fixesApplied = outcome.fixesApplied;
      } else {
        if ('error' in write) error = write.error;
        else notFixed = write.skipped;
        result = analyse(text);
      }
    }
  } else {
    result = analyse(text);
  }
  const prints = fingerprints(result.findings, text);
  const first = result.parseErrors[0];
  return {
    file,
    lines: countLines(text),
    findings: result.findings.map((f, i) => ({ ...f, fingerprint: prints[i] })),
    syntaxErrors: result.parseErrors.length,
    firstSyntaxError: first && { line: first.range.start.line + 1, column: first.range.start.character + 1, message: first.message },
    skipped: result.skipped,
    incomplete: result.incomplete,
    internalErrors: result.internalErrors,
    error,
    notFixed,
    fixesApplied,
  };
}
