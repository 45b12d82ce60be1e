/**
 * The core's entry: parse once, facts once, one walk with every enabled rule, then suppressions. Never throws:
 * a rule that throws loses only its own findings and is reported once in `internalErrors`.
 */
// First: later `require('typescript')` calls then get plain properties (see typescript-plain.ts).
import './typescript-plain';
import * as ts from 'typescript';
import type { AnalysisInput, AnalysisResult, Finding, InternalError, ParseError, Severity } from './types';
import type { OffsetFix, Report, Rule, RuleContext } from './rule';
import { defaultConfig, ResolvedConfig, ruleOptions } from './config';
import { parse, syntaxErrors } from './parse';
import { rangeOf } from './positions';
import { rules as allRules } from './registry';
import { findSuppressions } from './suppression';
import { projectPathOf } from './project-path';
import { withLineEndingsOf } from './line-endings';
import { isStackOverflow, nestedTooDeeply } from './stack-overflow';
import { walk, Subscriber } from './walker';
import { TreeIndex } from './traverse';
import { TimeBudget } from './time-budget';
import { buildFacts } from './facts/facts';

/** Larger files are skipped: generated bundles, not code a person reviews. */
export const maxFileBytes = 2 * 1024 * 1024;

/**
 * The CPU time one analysis may take (time-budget.ts). Past it the walk stops, the findings reported so far are
 * kept, and the result says the file was only partly analysed: a pathological file costs a few seconds, never
 * the session.
 */
export const analysisBudgetMs = 5000;

export function skipReason(text: string): string | undefined {
  if (text.length > maxFileBytes) return `not analysed: larger than ${maxFileBytes / 1024 / 1024} MB`;
  if (text.includes('\u0000')) return 'not analysed: contains NUL bytes (binary?)';
  return undefined;
}

export function severityFor(rule: Rule, config: ResolvedConfig): Severity | undefined {
  const setting = config.rules[rule.meta.id];
  if (setting === 'off') return undefined;
  return setting ?? rule.meta.defaultSeverity;
}

export function analyze(input: AnalysisInput, rules: readonly Rule[] = allRules): AnalysisResult {
  const budget = new TimeBudget(input.budgetMs ?? analysisBudgetMs);
  const internalErrors: InternalError[] = [];
  try {
    const skipped = skipReason(input.text);
    if (skipped) return { findings: [], parseErrors: [], internalErrors, skipped };
    const config = input.config ?? defaultConfig;
    const sourceFile = input.sourceFile ?? parseOrOverflow(input.text, input.fileName);
    if (!sourceFile) return { findings: [], parseErrors: [], internalErrors, skipped: nestedTooDeeply };
    const parseErrors: ParseError[] = syntaxErrors(sourceFile).map((d) => ({
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      range: rangeOf(sourceFile, d.start, d.start + d.length),
    }));
    const tree = new TreeIndex(sourceFile);
    const projectPath = projectPathOf(input.fileName, config.root);
    const facts = buildFacts(sourceFile, projectPath, tree);
    const suppressions = findSuppressions(input.text);

    const subscribers: Subscriber[] = [];
    const findingsByRule = new Map<Rule, Finding[]>();
    const tooDeep: string[] = [];
    for (const rule of rules) {
      const severity = severityFor(rule, config);
      if (!severity) continue;
      const found: Finding[] = [];
      findingsByRule.set(rule, found);
      const context: RuleContext = {
        sourceFile,
        fileName: input.fileName,
        projectPath,
        facts,
        options: ruleOptions(rule.meta.options, config.options?.[rule.meta.id]),
        report: (report) => {
          const finding = toFinding(rule, severity, report, sourceFile);
          if (!suppressions.isSuppressed(rule.meta.id, finding.range.start.line)) found.push(finding);
        },
        outOfTime: () => budget.exceeded(),
      };
      const onError = (error: unknown): void => {
        findingsByRule.delete(rule);
        if (isStackOverflow(error)) tooDeep.push(rule.meta.id);
        else internalErrors.push(internalError(error, rule.meta.id, input.fileName));
      };
      try {
        subscribers.push({ listeners: rule.create(context), onError });
      } catch (error) {
        onError(error);
      }
    }
    // A rule that stopped its own loop for time finished its walk, but not its work.
    const finished = walk(tree.nodes, subscribers, budget) && !budget.wasExceeded;

    const findings = [...findingsByRule.values()].flat();
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const reasons = [
      ...(tooDeep.length > 0 ? [`nested too deeply for ${tooDeep.join(', ')}`] : []),
      ...(finished ? [] : [`stopped after ${budget.ms / 1000} s of CPU time, the time one file may take`]),
    ];
    const incomplete = reasons.length > 0 ? `partly analysed: ${reasons.join('; ')}` : undefined;
    return { findings, parseErrors, internalErrors, ...(incomplete ? { incomplete } : {}) };
  } catch (error) {
    if (isStackOverflow(error)) return { findings: [], parseErrors: [], internalErrors, skipped: nestedTooDeeply };
    internalErrors.push(internalError(error, undefined, input.fileName));
    return { findings: [], parseErrors: [], internalErrors };
  }
}

/** TypeScript's parser recurses; thousands of nested blocks exhaust the stack. That is the input's limit, not a bug. */
function parseOrOverflow(text: string, fileName: string): ts.SourceFile | undefined {
  try {
    return parse(text, fileName);
  } catch (error) {
    if (isStackOverflow(error)) return undefined;
    throw error;
  }
}

function internalError(error: unknown, ruleId: string | undefined, fileName: string): InternalError {
  const e = error instanceof Error ? error : new Error(String(error));
  const where = ruleId ? `rule ${ruleId}` : 'analysis';
  return { ruleId, message: `${where} failed on ${fileName}: ${e.message}`, stack: e.stack };
}

function spanOf(at: Report['at'], sourceFile: ts.SourceFile): { start: number; end: number } {
  return 'kind' in at ? { start: at.getStart(sourceFile), end: at.getEnd() } : at;
}

const severityRank: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

/** The configured severity, lowered (never raised) by the report's own. */
function reportSeverity(configured: Severity, report: Report): Severity {
  return report.severity !== undefined && severityRank[report.severity] < severityRank[configured] ? report.severity : configured;
}

function toFinding(rule: Rule, severity: Severity, report: Report, sourceFile: ts.SourceFile): Finding {
  const span = spanOf(report.at, sourceFile);
  return {
    ruleId: rule.meta.id,
    category: rule.meta.category,
    severity: reportSeverity(severity, report),
    message: report.message,
    range: rangeOf(sourceFile, span.start, span.end),
    fixes: (report.fixes ?? []).map((fix) => toFix(fix, sourceFile)),
    related: (report.related ?? []).map((r) => {
      const s = spanOf(r.at, sourceFile);
      return { range: rangeOf(sourceFile, s.start, s.end), message: r.message };
    }),
  };
}

function toFix(fix: OffsetFix, sourceFile: ts.SourceFile): Finding['fixes'][number] {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  return {
    title: fix.title,
    safe: fix.safe,
    edits: edits.map((e) => ({ range: rangeOf(sourceFile, e.start, e.end), newText: withLineEndingsOf(sourceFile.text, e.start, e.text) })),
  };
}
