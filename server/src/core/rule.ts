/** What a rule module is: declarative metadata and a `create` that subscribes to node kinds. */
import type * as ts from 'typescript';
import type { Category, Severity } from './types';
import type { Facts } from './facts/facts';
import type { ProjectFacts } from './project/project-facts';
import type { NodeListeners } from './walker';
import type { RuleOptionSpecs, RuleOptions } from './config';

export type FixCapability = 'safe' | 'suggestion' | 'none';

/**
 * What a rule's findings depend on. `declaration`: a finding made while walking a unit (a top-level statement or
 * a class member, see incremental/units.ts) lies in that unit and depends only on its text and on what ties it to
 * other units by name, so after an edit inside one function body the rule runs again on the units the edit
 * reaches and the others' findings are moved. `file` (the default): it weighs the whole file (a route's limiter
 * mounted elsewhere, a style shared by the file, code copied between functions) and runs on every analysis.
 */
export type RuleScope = 'declaration' | 'file';

/** What a declaration-scoped rule reads of every unit (`RuleMeta.unitInputs`). */
export interface UnitInputs {
  /**
   * The kinds of node it reads, or `unit` for the unit's own node alone (a statement, a class member, a class for its
   * head): only those are asked, from the tree index's kinds, without loading the others.
   */
  of: readonly ts.SyntaxKind[] | 'unit';
  /** What it reads of `node`, as a string, or undefined for nothing. Cheap: it runs on every analysis that keeps a base. */
  read: (node: ts.Node, facts: Facts, project: ProjectFacts) => string | undefined;
}

export interface RuleMeta {
  /** Kebab-case, public and stable: the name users configure and suppress. */
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One line, for tables and SARIF's shortDescription. */
  title: string;
  /** Why it matters, in a sentence or two (the doc page holds the examples). */
  description: string;
  fixable: FixCapability;
  /** CWE, OWASP and peer-rule references. */
  sources: readonly string[];
  /** The options it accepts in the config (`["warning", { … }]`), with their defaults. */
  options?: RuleOptionSpecs;
  /** `file` when absent. */
  scope?: RuleScope;
  /**
   * For a `declaration` rule whose finding in one unit also reads nodes of other units beyond the names that tie
   * units (coupling.ts): what it reads of them (a jsonwebtoken `sign` call's key, which a `decode` elsewhere offers
   * as the secret to verify with). Asked of the units an edit reaches, before and after it: when a unit's strings
   * differ, the rule runs on every unit; when they are the same, only on the units the edit reaches.
   */
  unitInputs?: UnitInputs;
  /**
   * For a `declaration` rule: its messages name the line of something in another unit (the query inside a helper
   * a loop calls), so an edit that adds or removes a line break runs it on every unit.
   */
  namesLinesElsewhere?: boolean;
  /**
   * For a `file` rule: everything its findings read of a unit's own text but where things are (statement shapes, for
   * duplicate-code), with nothing resolved. Asked of the unit an edit is in, as it was (its previous text parsed
   * alone) and as it is: when the two read the same and the edit broke no line, the rule's findings are moved
   * rather than made again, unless one of them reaches or holds the edit.
   */
  unitShape?: (unit: ts.Node) => string;
  /**
   * For a `declaration` rule that reports a span once, the first report in walk order winning (a secret reached both
   * from the API using it, in one unit, and by its own name, in another): the analysis keeps every unit's reports and
   * drops the later ones at a span already reported, so that no unit's findings depend on what another reported.
   */
  firstReportPerSpan?: boolean;
}

/**
 * What a rule is to the outside, as plain data: what configs are validated against, what SARIF and the docs
 * describe. rule-descriptions.ts holds it for every rule, so that a process that analyses nothing need not load them.
 */
export type RuleDescription = Pick<RuleMeta, 'id' | 'category' | 'defaultSeverity' | 'title' | 'description' | 'fixable' | 'sources' | 'options'>;

/** An edit by offsets into the analysed text; converted to LSP ranges when the finding is made. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface OffsetFix {
  title: string;
  safe: boolean;
  edits: OffsetEdit[];
}

export interface Span {
  start: number;
  end: number;
}

export interface Report {
  /** Where: a node (from its first token) or a span. */
  at: ts.Node | Span;
  message: string;
  fixes?: OffsetFix[];
  related?: { at: ts.Node | Span; message: string }[];
  /** A lower severity for this one finding (a test fixture's secret, a test-mode key); never raises it. */
  severity?: Severity;
}

export interface RuleContext {
  readonly sourceFile: ts.SourceFile;
  readonly fileName: string;
  /** The path relative to the project folder, with `/` (project-path.ts): what a rule tests path patterns on. */
  readonly projectPath: string;
  readonly facts: Facts;
  /** What the rest of the project says of this file: app composition, its package's dependencies. */
  readonly project: ProjectFacts;
  /** Every option in `meta.options`: the configured value or the default. */
  readonly options: RuleOptions;
  report(report: Report): void;
  /**
   * Whether the analysis has spent its time. The walk asks between nodes; a rule asks inside its own loops over
   * many pairs or functions, and stops there (the result then says the file was only partly analysed).
   */
  outOfTime(): boolean;
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): NodeListeners;
}

export const docsBaseUrl = 'https://github.com/vigil-dev/vigil/blob/main/docs/rules/';

/** The docs URL is derived from the id, never typed twice. */
export function docsUrl(ruleId: string): string {
  return `${docsBaseUrl}${ruleId}.md`;
}
