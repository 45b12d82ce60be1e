/**
 * The property incremental analysis keeps: after any sequence of edits, each analysed from the previous
 * analysis's base on the tree `ts.updateSourceFile` made, the result is the one a fresh full analysis of the same
 * text gives. Edits are random but lean to where people type (inside function bodies), and many of them paste a
 * line from elsewhere in the file, which brings in the names that tie units together. A share are token edits
 * inside a body (a character typed into or deleted from an identifier or a string, a statement of the body
 * duplicated or deleted): the edits after which declaration-scoped rules that read other units still run only on
 * the units the edit reaches (`unitInputs` in rule.ts), and the project summary (export summaries, app hand-offs)
 * is made again only in part.
 *
 * `node out/test/harness/incremental-check.js [--sequences 200] [--edits 12] [--seed 1] [--tokens]` runs it long
 * and prints the mismatches (`--tokens`: token edits only); the mocha test runs a short, fixed sample.
 */
import '../../server/src/core/typescript-plain';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as ts from 'typescript';
import { type AnalysisBase, analyzeIncrementally } from '../../server/src/core/analyze';
import { parse } from '../../server/src/core/parse';
import { rules } from '../../server/src/core/registry';
import { TreeIndex } from '../../server/src/core/traverse';
import type { AnalysisResult } from '../../server/src/core/types';
import type { Facts } from '../../server/src/core/facts/facts';
import { importsOf, summarizeReusing } from '../../server/src/core/project/file-summary';
import { onlyAnIdentifier } from '../../server/src/core/incremental/identifier-edit';
import { TextChange } from '../../server/src/core/incremental/plan';
import { repoRoot } from './paths';

export interface Mismatch {
  file: string;
  seed: number;
  step: number;
  /**
   * The rule ids whose findings differ, `project summary` when the project summary made from the edit differs, and
   * `imports` when an edit taken to leave the imports changed them.
   */
  rules: string[];
}

export interface CheckOptions {
  files: readonly string[];
  seed: number;
  /** Edit sequences, each on one file drawn from `files`. */
  sequences: number;
  edits: number;
  /** Only token edits inside function bodies, instead of the mix. */
  tokensOnly?: boolean;
}

export interface CheckOutcome {
  mismatches: Mismatch[];
  /** Analyses that reused findings (not every edit can): a run that never reuses proves nothing. */
  reusing: number;
  /** Analyses after which the project summary was made again only for what the edit reached. */
  summariesReused: number;
  analyses: number;
}

/** The rule fixtures (every rule's flagged and clean code) and the example apps: code with findings to keep. */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
      } else if (/\.(?:[cm]?[jt]sx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  visit(path.join(repoRoot, 'test', 'rules'));
  visit(path.join(repoRoot, 'examples'));
  return out;
}

function random(seed: number): () => number {
  // Scrambled, so that neighbouring seeds do not start alike.
  let s = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** No time limit: on a busy machine a stopped analysis would differ from a finished one for a reason other than reuse. */
const budgetMs = Number.MAX_SAFE_INTEGER;

const typed = ['x', ' ', '\n', ';', '(', ')', '{', '}', "'", '`', 'await ', 'return ', 'req.body', 'this.', '.id', '// ', '/* vigil-ignore-next-line */\n'];

/** Offsets inside function bodies, where an edit can be analysed incrementally. */
function bodyOffsets(sourceFile: ts.SourceFile): number[] {
  const out: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent)) {
      const start = node.getStart(sourceFile) + 1;
      for (let i = 0; i < 3; i++) out.push(start + Math.floor(((i + 1) / 4) * Math.max(0, node.end - 1 - start)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What a token edit works on: the identifiers, string literals and statements inside function bodies. */
interface BodyTokens {
  identifiers: ts.Identifier[];
  strings: ts.StringLiteralLike[];
  statements: ts.Statement[];
}

function bodyTokens(sourceFile: ts.SourceFile): BodyTokens {
  const out: BodyTokens = { identifiers: [], strings: [], statements: [] };
  const visit = (node: ts.Node, inBody: boolean): void => {
    if (inBody) {
      if (ts.isIdentifier(node)) out.identifiers.push(node);
      else if (ts.isStringLiteralLike(node)) out.strings.push(node);
      if (ts.isBlock(node.parent) && ts.isStatement(node)) out.statements.push(node);
    }
    const body = ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body) ? node.body : undefined;
    ts.forEachChild(node, (child) => visit(child, inBody || child === body));
  };
  visit(sourceFile, false);
  return out;
}

const identifierChars = 'xyzAbQ_$0';

/**
 * A token edit inside a function body, or undefined when the file has no body: a character typed into or deleted
 * from an identifier or a string's contents, or a statement of a body duplicated after itself or deleted.
 */
function tokenEdit(sourceFile: ts.SourceFile, rand: () => number): Edit | undefined {
  const { identifiers, strings, statements } = bodyTokens(sourceFile);
  const pick = <T>(list: readonly T[]): T | undefined => (list.length > 0 ? list[Math.floor(rand() * list.length)] : undefined);
  const kind = rand();
  if (kind < 0.5) {
    const id = pick(identifiers);
    if (!id) return undefined;
    const start = id.getStart(sourceFile);
    const at = start + Math.floor(rand() * (id.end - start + 1));
    if (rand() < 0.3 && at < id.end && id.end - start > 1) return { start: at, end: at + 1, text: '' };
    return { start: at, end: at, text: identifierChars[Math.floor(rand() * identifierChars.length)] };
  }
  if (kind < 0.75) {
    const literal = pick(strings);
    if (!literal) return undefined;
    // Between the quotes: the contents change, the token stays a string.
    const open = literal.getStart(sourceFile) + 1;
    const at = open + Math.floor(rand() * Math.max(1, literal.end - 1 - open + 1));
    if (rand() < 0.4 && at < literal.end - 1) return { start: at, end: at + 1, text: '' };
    return { start: at, end: at, text: rand() < 0.5 ? 'a' : ' ' };
  }
  const statement = pick(statements);
  if (!statement) return undefined;
  const start = statement.getStart(sourceFile);
  if (rand() < 0.5) return { start, end: statement.end, text: '' };
  return { start: statement.end, end: statement.end, text: `\n${sourceFile.text.slice(start, statement.end)}` };
}

function nextEdit(text: string, sourceFile: ts.SourceFile, rand: () => number, tokensOnly: boolean): Edit {
  if (tokensOnly || rand() < 0.3) {
    const token = tokenEdit(sourceFile, rand);
    if (token) return token;
  }
  const bodies = bodyOffsets(sourceFile);
  const at = bodies.length > 0 && rand() < 0.85 ? bodies[Math.floor(rand() * bodies.length)] : Math.floor(rand() * (text.length + 1));
  const kind = rand();
  if (kind < 0.4) {
    const lines = text.split('\n');
    const line = lines[Math.floor(rand() * lines.length)];
    return { start: at, end: at, text: `${line}\n` };
  }
  if (kind < 0.6) {
    const length = Math.min(text.length - at, Math.floor(rand() * 12));
    return { start: at, end: at + length, text: '' };
  }
  if (kind < 0.7) {
    // Layout anywhere in the file, in or between declarations: a space or a line break, at the end of a line or not.
    const anywhere = Math.floor(rand() * (text.length + 1));
    const lineEnd = text.indexOf('\n', anywhere);
    const where = rand() < 0.5 || lineEnd === -1 ? anywhere : lineEnd;
    return { start: where, end: where, text: rand() < 0.5 ? ' ' : '\n' };
  }
  return { start: at, end: at, text: typed[Math.floor(rand() * typed.length)] };
}

function comparable(result: AnalysisResult): string {
  return JSON.stringify({ findings: result.findings, parseErrors: result.parseErrors.length, internal: result.internalErrors.length });
}

function differingRules(a: AnalysisResult, b: AnalysisResult): string[] {
  const ids = new Set([...a.findings, ...b.findings].map((f) => f.ruleId));
  return [...ids].filter((id) => {
    const of = (r: AnalysisResult): string => JSON.stringify(r.findings.filter((f) => f.ruleId === id));
    return of(a) !== of(b);
  });
}

export function checkEditSequences(options: CheckOptions): CheckOutcome {
  const outcome: CheckOutcome = { mismatches: [], reusing: 0, summariesReused: 0, analyses: 0 };
  for (let sequence = 0; sequence < options.sequences; sequence++) {
    const seed = options.seed * 100_003 + sequence;
    const rand = random(seed);
    const file = options.files[Math.floor(rand() * options.files.length)];
    const fileName = path.basename(file);
    let text = fs.readFileSync(file, 'utf8');
    let tree = parse(text, fileName);
    // Kept across reparses as the server keeps it (document-trees.ts): the reused statements' runs are not walked again.
    let index = new TreeIndex(tree);
    // The fact model of the last analysis: what its summary is made from.
    let built: Facts | undefined;
    const onFacts = (f: Facts): void => {
      built = f;
    };
    const taken = (): Facts | undefined => {
      const facts = built;
      built = undefined;
      return facts;
    };
    let base: AnalysisBase | undefined = analyzeIncrementally({ text, fileName, sourceFile: tree, treeIndex: index, budgetMs, onFacts }, rules).base;
    // The project summary, made again after each edit only for what the edit reached (as the Workspace makes it).
    const first = taken();
    let summaryBase = first && summarizeReusing(first, undefined, undefined, undefined).base;
    for (let step = 0; step < options.edits; step++) {
      const edit = nextEdit(text, tree, rand, options.tokensOnly ?? false);
      const previousText = text;
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      tree = ts.updateSourceFile(tree, text, ts.createTextChangeRange(ts.createTextSpan(edit.start, edit.end - edit.start), edit.text.length));
      const previous = base;
      index = new TreeIndex(tree, index);
      const incremental = analyzeIncrementally({ text, fileName, sourceFile: tree, treeIndex: index, budgetMs, onFacts }, rules, previous);
      const incrementalFacts = taken();
      const full = analyzeIncrementally({ text, fileName, budgetMs, onFacts }, rules).result;
      const fullFacts = taken();
      outcome.analyses++;
      if (previous && incremental.reused) outcome.reusing++;
      if (incremental.changed) outcome.summariesReused++;
      const summary = incrementalFacts && summarizeReusing(incrementalFacts, incremental.layout ? undefined : summaryBase, incremental.changed, undefined);
      const differing = [
        ...(comparable(incremental.result) !== comparable(full) ? differingRules(incremental.result, full) : []),
        ...(JSON.stringify(summary?.summary) !== JSON.stringify(fullFacts && summarizeReusing(fullFacts, undefined, undefined, undefined).summary) ? ['project summary'] : []),
        // The Workspace keeps the imports after an edit of one name (identifier-edit.ts).
        ...(onlyAnIdentifier(new TextChange(previousText, text), tree) && JSON.stringify(importsOf(previousText)) !== JSON.stringify(importsOf(text)) ? ['imports'] : []),
      ];
      if (differing.length > 0) {
        outcome.mismatches.push({ file: path.relative(repoRoot, file), seed, step, rules: differing });
        break;
      }
      base = incremental.base;
      summaryBase = summary?.base;
    }
  }
  return outcome;
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { sequences: { type: 'string', default: '200' }, edits: { type: 'string', default: '12' }, seed: { type: 'string', default: '1' }, dir: { type: 'string' }, tokens: { type: 'boolean', default: false } },
  });
  const files = values.dir ? listed(values.dir) : fixtureFiles();
  const outcome = checkEditSequences({ files, seed: Number(values.seed), sequences: Number(values.sequences), edits: Number(values.edits), tokensOnly: values.tokens });
  process.stdout.write(`${outcome.analyses} analyses after edits, ${outcome.reusing} reused findings, ${outcome.summariesReused} reused project summaries, ${outcome.mismatches.length} mismatches\n`);
  const byRule = new Map<string, number>();
  for (const m of outcome.mismatches) for (const r of m.rules) byRule.set(r, (byRule.get(r) ?? 0) + 1);
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${rule}: ${n}\n`);
  for (const m of outcome.mismatches.slice(0, 20)) process.stdout.write(`  ${m.file} seed ${m.seed} step ${m.step}: ${m.rules.join(', ')}\n`);
  process.exitCode = outcome.mismatches.length === 0 ? 0 : 1;
}

function listed(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listed(full));
    else if (/\.(?:[cm]?[jt]sx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}
