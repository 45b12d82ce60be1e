/** One file, read → analysed (→ fixed and written back) → a plain report that can cross a worker boundary. */
import * as fs from 'node:fs';
import type { ResolvedConfig } from '../core/config';
import type { AnalysisResult, Finding, InternalError } from '../core/types';
import { analyze } from '../core/analyze';
import type { Attribution } from '../git/attribution';
import { rules as allRules } from '../core/registry';
import { applySafeFixes } from './apply-fixes';
import { fingerprints } from './fingerprint';

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
  /** Why the core did not analyse it (too large, binary). */
  skipped?: string;
  internalErrors: InternalError[];
  /** Could not be read, or a fixed text could not be written. */
  error?: string;
  fixesApplied: number;
}

export interface AnalyseOptions {
  config: ResolvedConfig;
  /** Only these rules; all registered rules when absent. */
  ruleIds?: readonly string[];
  fix: boolean;
}

function countLines(text: string): number {
  let n = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function analyseFile(file: string, options: AnalyseOptions): FileReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const empty: FileReport = { file, lines: 0, findings: [], syntaxErrors: 0, internalErrors: [], fixesApplied: 0 };
    return { ...empty, error: `could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  return analyseText(file, text, options);
}

/** `text` as the content of `file` (stdin, an agent's buffer); with `fix`, the fixed text is written to `file`. */
export function analyseText(file: string, text: string, options: AnalyseOptions): FileReport {
  const ruleIds = options.ruleIds;
  const rules = ruleIds ? allRules.filter((r) => ruleIds.includes(r.meta.id)) : allRules;
  const analyse = (t: string) => analyze({ text: t, fileName: file, config: options.config }, rules);

  let result: AnalysisResult;
  let fixesApplied = 0;
  let error: string | undefined;
  if (options.fix) {
    const outcome = applySafeFixes(text, analyse);
    result = outcome.result;
    if (outcome.fixesApplied > 0) {
      try {
        fs.writeFileSync(file, outcome.text);
        text = outcome.text;
        fixesApplied = outcome.fixesApplied;
      } catch (e) {
        error = `fixes could not be written: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
        result = analyse(text);
      }
    }
  } else {
    result = analyse(text);
  }
  const prints = fingerprints(result.findings, text);
  return {
    file,
    lines: countLines(text),
    findings: result.findings.map((f, i) => ({ ...f, fingerprint: prints[i] })),
    syntaxErrors: result.parseErrors.length,
    skipped: result.skipped,
    internalErrors: result.internalErrors,
    error,
    fixesApplied,
  };
}
