/**
 * The core's entry: parse once, facts once, one walk with every enabled rule, then suppressions. Never throws:
 * a rule that throws loses only its own findings and is reported once in `internalErrors`.
 */
// First: later `require('typescript')` calls then get plain properties (see typescript-plain.ts).
import './typescript-plain';
import * as ts from 'typescript';
import type { AnalysisInput, AnalysisResult, Finding, InternalError, ParseError, Range, Severity } from './types';
import type { OffsetFix, Report, Rule, RuleContext, UnitInputs } from './rule';
import { defaultConfig, ResolvedConfig, ruleOptions } from './config';
import { parse, syntaxErrors } from './parse';
import { rangeOf } from './positions';
import { rules as allRules } from './registry';
import { findSuppressions } from './suppression';
import { projectPathOf } from './project-path';
import { withLineEndingsOf } from './line-endings';
import { isStackOverflow, nestedTooDeeply } from './stack-overflow';
import { walk, type Subscriber, type WalkSpan } from './walker';
import { TreeIndex } from './traverse';
import { TimeBudget } from './time-budget';
import { buildFacts } from './facts/facts';
import { TextFacts } from './facts/text-facts';
import { PackageManifests } from './project/package-manifests';
import { type ProjectFacts, standaloneProject } from './project/project-facts';
import type { LibraryRef, ProjectExports } from './facts/libraries';
import { handleLookup, importedHandle } from './project/project-database';
import { importedReturnOf } from './project/imported-flow';
import { type Unit, unitAt, unitsOf } from './incremental/units';
import { inUnits, reachedUnits } from './incremental/reach';
import { type ReusePlan, TextChange, type UnitSpan, planReuse, sameLines } from './incremental/plan';
import { fileFactsDigest } from './incremental/digest';
import { WordPositions } from './incremental/word-positions';
import { LineStarts } from './incremental/line-starts';
import { type OffsetFinding, type UnitFinding, reachesOrHoldsRegion, shifted, toFinding, touchesRegion } from './incremental/offset-findings';

/** Larger files are skipped: generated bundles, not code a person reviews. */
export const maxFileBytes = 2 * 1024 * 1024;

/**
 * The CPU time one analysis may take (time-budget.ts). Past it the walk stops, the findings reported so far are
 * kept, and the result says the file was only partly analysed: a pathological file costs a few seconds, never
 * the session.
 */
export const analysisBudgetMs = 5000;

/**
 * Why `text` is not analysed, if it is not. `change`: from a text analysed before (neither too large nor holding a
 * NUL byte) to this one; then only the text the edit changed is searched for NUL bytes.
 */
export function skipReason(text: string, change?: TextChange): string | undefined {
  if (text.length > maxFileBytes) return `not analysed: larger than ${maxFileBytes / 1024 / 1024} MB`;
  const region = change?.region;
  const searched = change === undefined ? text : region ? text.slice(region.start, region.newEnd) : '';
  if (searched.includes('\u0000')) return 'not analysed: contains NUL bytes (binary?)';
  return undefined;
}

export function severityFor(rule: Rule, config: ResolvedConfig): Severity | undefined {
  const setting = config.rules[rule.meta.id];
  if (setting === 'off') return undefined;
  return setting ?? rule.meta.defaultSeverity;
}

export function analyze(input: AnalysisInput, rules: readonly Rule[] = allRules): AnalysisResult {
  return analyzeIncrementally(input, rules, undefined, false).result;
}

/**
 * What one analysis keeps for the next analysis of the same document: its text, its units, and the findings of the
 * declaration-scoped rules per unit (before suppressions), so that after an edit inside a function body only the
 * units the edit reaches are analysed again (incremental/plan.ts).
 */
export interface AnalysisBase {
  readonly text: string;
  /** The config and the rules it was made with: another config or rule set starts afresh. */
  readonly key: string;
  /** The file-wide facts a declaration-scoped rule reads (imports, routes, mounts): a change starts afresh. */
  readonly digest: string;
  readonly units: readonly UnitSpan[];
  readonly findings: ReadonlyMap<string, readonly UnitFinding[]>;
  /** What each declaration-scoped rule with `unitInputs` read of each unit: a change runs it on every unit. */
  readonly inputs: ReadonlyMap<string, readonly string[]>;
  /** The file-scoped rules' findings, reused only after a layout edit (incremental/plan.ts). */
  readonly fileFindings: ReadonlyMap<string, readonly UnitFinding[]>;
  /** The facts of its nodes' text, for the nodes the next reparse reuses (facts/text-facts.ts). */
  readonly textFacts: TextFacts;
  /** Where the names the reuse followed occur, moved past the next edit (incremental/word-positions.ts). */
  readonly words: WordPositions;
  /** Where its text's lines start, moved past the next edit (incremental/line-starts.ts). */
  readonly lines: LineStarts;
}

export interface IncrementalAnalysis {
  result: AnalysisResult;
  /** For the next analysis of the document; absent when this one is not one to build on (partial). */
  base?: AnalysisBase;
  /** Whether the previous findings were reused (the edit stayed inside one function body). */
  reused: boolean;
  /** Whether the edit changed only layout (no token, comment or line): what the file says to the project is as before. */
  layout: boolean;
  /**
   * After an edit whose findings were reused that kept every line where it was: whether the edit may have changed
   * what the facts say at a node (incremental/reach.ts). Absent when anything may have changed.
   */
  changed?: (node: ts.Node) => boolean;
}

/**
 * `analyze`, reusing `previous` (the base of the last analysis of the same document) where the edit allows, and
 * giving back the base for the next one (absent when this analysis is not one to build on: partial, or
 * `keepBase` is false). A rule that failed keeps nothing in the base, so the next analysis runs it on the whole
 * file again.
 */
export function analyzeIncrementally(input: AnalysisInput, rules: readonly Rule[], previous?: AnalysisBase, keepBase = true): IncrementalAnalysis {
  const budget = new TimeBudget(input.budgetMs ?? analysisBudgetMs);
  const internalErrors: InternalError[] = [];
  try {
    const change = !previous ? undefined : input.change?.before === previous.text && input.change.after === input.text ? input.change : new TextChange(previous.text, input.text);
    const skipped = skipReason(input.text, change);
    if (skipped) return { result: { findings: [], parseErrors: [], internalErrors, skipped }, reused: false, layout: false };
    const config = input.config ?? defaultConfig;
    const sourceFile = input.sourceFile ?? parseOrOverflow(input.text, input.fileName);
    if (!sourceFile) return { result: { findings: [], parseErrors: [], internalErrors, skipped: nestedTooDeeply }, reused: false, layout: false };
    // Without a base to make or use (a one-off analysis: the CLI, fix-all), units, digests, text facts and lines are
    // not needed: it asks the tree for positions.
    const incremental = keepBase || previous !== undefined;
    const lines = !incremental ? undefined : previous && change ? previous.lines.after(change) : LineStarts.of(input.text);
    const rangeIn = (start: number, end: number): Range => (lines ? lines.range(start, end) : rangeOf(sourceFile, start, end));
    const parseErrors: ParseError[] = syntaxErrors(sourceFile).map((d) => ({
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      range: rangeIn(d.start, d.start + d.length),
    }));
    const tree = input.sourceFile && input.treeIndex ? input.treeIndex : new TreeIndex(sourceFile);
    const projectPath = projectPathOf(input.fileName, config.root);
    const project = input.project ?? standaloneProject(input.fileName, new PackageManifests());
    const textFacts = incremental ? (previous?.textFacts ?? new TextFacts()) : undefined;
    const units = incremental ? unitsOf(sourceFile, tree) : [];
    const facts = buildFacts(sourceFile, projectPath, tree, (call, f) => importedReturnOf(call, f, project), input.project && projectExportsOf(input.project, input.fileName), project.isTestCode, textFacts && lines && { textFacts, units, lines });
    input.onFacts?.(facts);
    const key = incremental ? analysisKey(config, rules) : '';
    const digest = incremental ? fileFactsDigest(facts) : '';
    const words = previous && change ? previous.words.after(change) : new WordPositions(input.text);
    const plan = previous && change && previous.key === key && previous.digest === digest ? planReuse(change, previous.units, sourceFile, units, words) : undefined;
    const touched = plan && previous ? rerunTouched(plan, previous) : undefined;
    const layout = plan?.layout ?? false;

    /** What `inputs` reads of one unit's nodes (a class head's own, not its members'). */
    const unitInput = (inputs: UnitInputs, unit: number): string => {
      const { from, to } = units[unit];
      if (inputs.of === 'unit') return inputs.read(tree.nodes[from], facts, project) ?? '';
      const out: string[] = [];
      for (let i = from; i < to; i++) {
        if (!inputs.of.includes(tree.kinds[i])) continue;
        const found = inputs.read(tree.nodes[i], facts, project);
        if (found !== undefined) out.push(found);
      }
      return out.join('\u0000');
    };
    /**
     * Records the rule's inputs per unit for the next analysis, and says whether they are the ones the previous
     * analysis had: only the units the edit reaches are read again when the plan reuses findings.
     */
    const keepsInputs = (reads: UnitInputs, id: string): boolean => {
      const before = plan ? previous?.inputs.get(id) : undefined;
      if (before && plan && before.length === units.length) {
        const now = [...before];
        for (const i of plan.rerun) now[i] = unitInput(reads, i);
        if (now.every((v, i) => v === before[i])) {
          inputs.set(id, now);
          return true;
        }
      }
      inputs.set(id, units.map((_, i) => unitInput(reads, i)));
      return false;
    };

    const fileWide: Subscriber[] = [];
    // Declaration-scoped rules: on every unit, or (reusing the previous findings) on the units the edit reaches.
    const everyUnit: Subscriber[] = [];
    const someUnits: Subscriber[] = [];
    const found = new Map<Rule, UnitFinding[]>();
    const inputs = new Map<string, string[]>();
    const tooDeep: string[] = [];
    let currentUnit = -1;
    let attributed = true;
    for (const rule of rules) {
      const severity = severityFor(rule, config);
      if (!severity) continue;
      const isLocal = rule.meta.scope === 'declaration';
      // After a layout edit a file-scoped rule would find what it found, moved, unless a finding reaches or holds the
      // edit; so would one whose shape of the edited unit is as it was, after an edit that broke no line.
      const shape = !isLocal ? rule.meta.unitShape : undefined;
      const sameShape = shape && plan?.edited ? sameLines(previous?.text ?? '', plan.region, input.text) && shape(plan.edited.before) === shape(units[plan.edited.unit].node) : false;
      const fileKept = !isLocal && (plan?.layout || sameShape) ? previous?.fileFindings.get(rule.meta.id) : undefined;
      if (fileKept && plan && !fileKept.some((entry) => reachesOrHoldsRegion(entry.finding, plan.region))) {
        found.set(rule, reused(fileKept, plan));
        continue;
      }
      const kept: UnitFinding[] = [];
      found.set(rule, kept);
      const context: RuleContext = {
        sourceFile,
        fileName: input.fileName,
        projectPath,
        facts,
        project,
        options: ruleOptions(rule.meta.options, config.options?.[rule.meta.id]),
        report: (report) => {
          const finding = toOffsetFinding(severity, report, sourceFile);
          const unit = !isLocal ? -1 : currentUnit >= 0 ? currentUnit : unitAt(units, finding.start);
          if (unit === undefined) attributed = false;
          kept.push({ unit: unit ?? -1, atEnd: isLocal && currentUnit < 0, finding });
        },
        outOfTime: () => budget.exceeded(),
      };
      const onError = (error: unknown): void => {
        found.delete(rule);
        if (isStackOverflow(error)) tooDeep.push(rule.meta.id);
        else internalErrors.push(internalError(error, rule.meta.id, input.fileName));
      };
      try {
        // A rule that failed last time has nothing kept, and one whose file inputs changed keeps nothing: either runs on every unit.
        const reads = isLocal && incremental ? rule.meta.unitInputs : undefined;
        const sameInputs = (!reads || keepsInputs(reads, rule.meta.id)) && !(rule.meta.namesLinesElsewhere && plan && !sameLines(previous?.text ?? '', plan.region, input.text));
        const before = isLocal && plan && sameInputs ? previous?.findings.get(rule.meta.id) : undefined;
        if (before && plan) kept.push(...reused(before, plan));
        (!isLocal ? fileWide : before ? someUnits : everyUnit).push({ listeners: rule.create(context), onError });
      } catch (error) {
        onError(error);
      }
    }
    /** The runs of the units `selected` (in order), each telling the findings reported in it which unit they belong to. */
    const spansOf = (selected: readonly number[]): WalkSpan[] => [
      ...selected.map((i) => ({ from: units[i].from, to: units[i].to, enter: () => (currentUnit = i) })),
      // Before the `end` listeners: what they report belongs to the unit it is in.
      { from: 0, to: 0, enter: () => (currentUnit = -1) },
    ];
    const walkUnits = (subscribers: Subscriber[], selected: () => number[]): boolean => subscribers.length === 0 || walk(tree, subscribers, budget, spansOf(selected()));
    // A one-off analysis has no units to track, so every rule shares one walk of the tree. A rule that stopped its
    // own loop for time finished its walk, but not its work.
    const walked = incremental
      ? walk(tree, fileWide, budget) &&
        walkUnits(everyUnit, () => units.map((_, i) => i)) &&
        walkUnits(someUnits, () => (plan ? [...plan.rerun].sort((a, b) => a - b) : units.map((_, i) => i)))
      : walk(tree, [...fileWide, ...everyUnit], budget);
    const finished = walked && !budget.wasExceeded;

    const suppressions = findSuppressions(input.text);
    const findings: Finding[] = [];
    for (const [rule, list] of found) {
      const ordered = rule.meta.scope === 'declaration' && incremental ? inUnitOrder(list) : list;
      for (const { finding } of rule.meta.firstReportPerSpan ? firstPerSpan(ordered) : ordered) {
        const f = toFinding(rule, finding, rangeIn);
        if (!suppressions.isSuppressed(rule.meta.id, f.range.start.line)) findings.push(f);
      }
    }
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const reasons = [
      ...(tooDeep.length > 0 ? [`nested too deeply for ${tooDeep.join(', ')}`] : []),
      ...(finished ? [] : [`stopped after ${budget.ms / 1000} s of CPU time, the time one file may take`]),
    ];
    const incomplete = reasons.length > 0 ? `partly analysed: ${reasons.join('; ')}` : undefined;
    const result: AnalysisResult = { findings, parseErrors, internalErrors, ...(incomplete ? { incomplete } : {}) };
    if (!incremental || !textFacts || !lines || incomplete || !attributed) return { result, reused: plan !== undefined, layout };
    const kept = new Map<string, UnitFinding[]>();
    const fileKept = new Map<string, UnitFinding[]>();
    for (const [rule, list] of found) (rule.meta.scope === 'declaration' ? kept : fileKept).set(rule.meta.id, list);
    // A rule that failed has no findings kept, so its inputs do not matter: it runs on every unit next time.
    for (const id of inputs.keys()) if (!kept.has(id)) inputs.delete(id);
    const spansOfUnits: UnitSpan[] = units.map(({ pos, end, head, isHead }) => ({ pos, end, head, isHead }));
    const changed = plan && previous && touched && !layout && sameLines(previous.text, plan.region, input.text) ? reachedBy(words, units, plan.rerun, touched) : undefined;
    return { result, base: { text: input.text, key, digest, units: spansOfUnits, findings: kept, inputs, fileFindings: fileKept, textFacts, words, lines }, reused: plan !== undefined, layout, ...(changed ? { changed } : {}) };
  } catch (error) {
    if (isStackOverflow(error)) return { result: { findings: [], parseErrors: [], internalErrors, skipped: nestedTooDeeply }, reused: false, layout: false };
    internalErrors.push(internalError(error, undefined, input.fileName));
    return { result: { findings: [], parseErrors: [], internalErrors }, reused: false, layout: false };
  }
}

/**
 * Whether a node lies in a unit the edit reached (incremental/reach.ts), worked out when first asked: the plan's units,
 * which are what the edit reaches, and what the units that ran again for a finding touching the edit reach.
 */
function reachedBy(words: WordPositions, units: readonly Unit[], rerun: ReadonlySet<number>, touched: ReadonlySet<number>): (node: ts.Node) => boolean {
  let reached: ReadonlySet<number> | undefined;
  const reach = (): ReadonlySet<number> => (touched.size === 0 ? rerun : new Set([...rerun, ...reachedUnits(words, units, touched)]));
  return (node) => inUnits(units, (reached ??= reach()), node);
}

function analysisKey(config: ResolvedConfig, rules: readonly Rule[]): string {
  return JSON.stringify([config, rules.map((r) => r.meta.id)]);
}

/**
 * A kept finding that reaches into the edited text belongs to a unit that must run again; after a layout edit, which
 * runs no unit again by itself, one at its edges or holding the edit too (see `reachesOrHoldsRegion`). Gives the units
 * it added.
 */
function rerunTouched(plan: ReusePlan, previous: AnalysisBase): Set<number> {
  const touches = plan.layout ? reachesOrHoldsRegion : touchesRegion;
  const added = new Set<number>();
  for (const list of previous.findings.values()) {
    for (const { unit, finding } of list) {
      if (plan.rerun.has(unit) || !touches(finding, plan.region)) continue;
      plan.rerun.add(unit);
      added.add(unit);
    }
  }
  return added;
}

/** The previous findings of the units that do not run again, moved to where the edit put them. */
function reused(previous: readonly UnitFinding[], plan: ReusePlan): UnitFinding[] {
  const out: UnitFinding[] = [];
  for (const entry of previous) if (!plan.rerun.has(entry.unit)) out.push({ ...entry, finding: shifted(entry.finding, plan.region) });
  return out;
}

/** Walk reports in unit order, then `end` reports in unit order: the same order whichever units ran again. */
function inUnitOrder(list: readonly UnitFinding[]): UnitFinding[] {
  return list
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => Number(a.entry.atEnd) - Number(b.entry.atEnd) || a.entry.unit - b.entry.unit || a.i - b.i)
    .map(({ entry }) => entry);
}

/** The first finding at each span, in the order given. */
function firstPerSpan(list: readonly UnitFinding[]): UnitFinding[] {
  const seen = new Set<string>();
  return list.filter(({ finding }) => {
    const span = `${finding.start}:${finding.end}`;
    if (seen.has(span)) return false;
    seen.add(span);
    return true;
  });
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

function toOffsetFinding(severity: Severity, report: Report, sourceFile: ts.SourceFile): OffsetFinding {
  const span = spanOf(report.at, sourceFile);
  return {
    severity: reportSeverity(severity, report),
    message: report.message,
    start: span.start,
    end: span.end,
    fixes: (report.fixes ?? []).map((fix) => toOffsetFix(fix, sourceFile)),
    related: (report.related ?? []).map((r) => ({ ...spanOf(r.at, sourceFile), message: r.message })),
  };
}

function toOffsetFix(fix: OffsetFix, sourceFile: ts.SourceFile): OffsetFinding['fixes'][number] {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  return {
    title: fix.title,
    safe: fix.safe,
    edits: edits.map((e) => ({ start: e.start, end: e.end, text: withLineEndingsOf(sourceFile.text, e.start, e.text) })),
  };
}

/** What the project says the exports of the file's imports are, for its facts (asked once per export). */
function projectExportsOf(project: ProjectFacts, fileName: string): ProjectExports {
  const known = new Map<string, LibraryRef | undefined>();
  return (module, exportName) => {
    const key = `${module}\u0000${exportName ?? ''}`;
    if (!known.has(key)) known.set(key, project.mayExportHandle(module) ? importedHandle(handleLookup(project), fileName, module, exportName) : undefined);
    return known.get(key);
  };
}
