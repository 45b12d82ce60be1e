/** Findings → LSP diagnostics. Parse errors are not published: the editor's TS/JS features already show them. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { type AnalysisResult, type Category, type Finding, type Severity, docsUrl } from '../core/workspace';

import { diagnosticSource } from '../../../shared/src/protocol';

export { diagnosticSource };

/** What a code action needs to find a diagnostic's finding in the cache again. */
export interface DiagnosticData {
  ruleId: string;
  category: Category;
  /** The document version the finding was made for, and its index in that result's findings. */
  version: number;
  index: number;
}

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(uri: string, finding: Finding, version: number, index: number): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, category: finding.category, version, index };
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  return diagnostic;
}

/** Vigil's own word about the document (not analysed, partly analysed): no finding behind it, so no data. */
function notice(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: diagnosticSource,
    message: `Vigil: ${message}.`,
  };
}

export function toDiagnostics(uri: string, result: AnalysisResult, version: number): Diagnostic[] {
  if (result.skipped) return [notice(result.skipped)];
  const diagnostics = result.findings.map((f, i) => toDiagnostic(uri, f, version, i));
  return result.incomplete ? [notice(result.incomplete), ...diagnostics] : diagnostics;
}

export function isDiagnosticData(data: unknown): data is DiagnosticData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.ruleId === 'string' && typeof d.version === 'number' && typeof d.index === 'number';
}
