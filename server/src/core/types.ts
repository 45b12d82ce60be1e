/** The core's public contract (DESIGN.md "Contracts"): what `analyze()` takes and gives back. */
import type * as ts from 'typescript';
import type { ResolvedConfig } from './config';
import type { Facts } from './facts/facts';
import type { ProjectFacts } from './project/project-facts';
import type { TreeIndex } from './traverse';
import type { TextChange } from './incremental/plan';

export type Category = 'security' | 'reliability' | 'performance' | 'maintainability' | 'confidence';
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Positions are 0-based, as LSP counts (UTF-16 code units); one definition for client, server and core. */
export type { Position, Range } from '../../../shared/src/protocol';
import type { Range } from '../../../shared/src/protocol';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Imperative, as the lightbulb shows it: "Parameterize query". */
  title: string;
  /** Non-overlapping, against the text that was analysed. */
  edits: TextEdit[];
  /** true: behaviour-preserving, fine for source.fixAll and `vigil scan --fix`. */
  safe: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  related: RelatedLocation[];
}

export interface ParseError {
  message: string;
  range: Range;
}

/** A fault of Vigil's, never of the user's code: reported once, never as a finding. */
export interface InternalError {
  ruleId?: string;
  message: string;
  stack?: string;
}

export interface AnalysisInput {
  text: string;
  fileName: string;
  config?: ResolvedConfig;
  /** A tree the caller already holds for exactly this text (the server's incremental reparse). */
  sourceFile?: ts.SourceFile;
  /** The index of `sourceFile` (traverse.ts), when the caller keeps one across reparses. */
  treeIndex?: TreeIndex;
  /** How much CPU time, in ms, the rules may take (analysisBudgetMs when absent). */
  budgetMs?: number;
  /** What the rest of the project says of this file (the project index); nothing of other files when absent. */
  project?: ProjectFacts;
  /** From the text of the base an incremental analysis is given to `text`, when the caller has compared them already. */
  change?: TextChange;
  /** Hears the file's facts once they are built, before the rules run: the project index summarises them. */
  onFacts?: (facts: Facts) => void;
}

export interface AnalysisResult {
  findings: Finding[];
  parseErrors: ParseError[];
  internalErrors: InternalError[];
  /** Why the file was not analysed at all (too large, binary); the caller shows it once as info. */
  skipped?: string;
  /** Why some rules did not finish (nested too deeply, out of time): the findings are those that did. Shown once as info. */
  incomplete?: string;
}
