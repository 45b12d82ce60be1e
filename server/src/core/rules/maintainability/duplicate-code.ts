import * as ts from 'typescript';
import type { Rule } from '../../rule';
import { factKey } from '../../facts/facts';
import { coarseFingerprint, combine, emptyHash, FineFingerprint, FineFingerprinter } from './token-fingerprints';
import { preorder } from '../../traverse';

const coarseFact = factKey<number>('coarse-fingerprint');
const fineFact = factKey<FineFingerprint | undefined>('fine-fingerprint');

/** Fewer tokens than PMD CPD's default minimum is an idiom (a few assignments, a guard and a return), not a copy. */
const minTokens = 100;

/** At least half the statements of a window must differ from each other. */
function minDistinct(minStatements: number): number {
  return Math.ceil(minStatements / 2);
}

/**
 * What the findings read of a unit but where things are: each block's length, and the fingerprints of each statement
 * listed in a block or the file. An edit that leaves them as they were (a name or a literal typed into) makes and
 * unmakes no copy.
 */
function shapeOf(unit: ts.Node): string {
  const fingerprinter = new FineFingerprinter(unit.getSourceFile());
  const out: string[] = [];
  preorder(unit, (node) => {
    if (ts.isBlock(node)) out.push(`{${node.statements.length}`);
    const parent = node.parent;
    if (!parent || !(ts.isBlock(parent) || ts.isSourceFile(parent))) return;
    const statement = node as ts.Statement;
    const fine = fingerprinter.of(statement);
    out.push(`${coarseFingerprint(statement)}:${fine ? `${fine.hash}:${fine.tokens}` : ''}`);
  });
  return out.join(' ');
}

interface Window {
  list: number;
  index: number;
}

interface Run {
  copy: { list: number; index: number };
  original: { list: number; index: number };
  length: number;
}

export const duplicateCode: Rule = {
  meta: {
    id: 'duplicate-code',
    category: 'maintainability',
    defaultSeverity: 'info',
    title: 'Block of statements copied within the file',
    description:
      'A block pasted with only its names and literals changed must be fixed twice, and the second copy is the one that gets forgotten. Move it into a function both places call.',
    fixable: 'none',
    sources: ['PMD CPD', 'jscpd', 'SonarJS S4144'],
    options: {
      minStatements: { type: 'integer', default: 6, minimum: 2, description: 'the fewest consecutive statements that count as a copy' },
    },
    unitShape: shapeOf,
  },
  create(context) {
    const { sourceFile, facts } = context;
    const minStatements = context.options.minStatements;
    // Tests repeat arrange-act-assert blocks on purpose.
    if (facts.isTestFile) return {};
    const lists: (readonly ts.Statement[])[] = [];
    const addList = (statements: readonly ts.Statement[]): void => {
      if (statements.length >= minStatements) lists.push(statements);
    };
    return {
      Block(block) {
        addList(block.statements);
      },
      end() {
        addList(sourceFile.statements);
        if (lists.length === 0) return;

        // Coarse windows: a hash of `minStatements` consecutive coarse fingerprints, grouped.
        // Both fingerprints are of the statement's own tokens: after an edit, kept for every statement it left.
        const coarse = lists.map((list) => list.map((s) => facts.memoText(coarseFact, s, () => coarseFingerprint(s))));
        const byCoarse = new Map<number, Window[]>();
        coarse.forEach((prints, list) => {
          for (let index = 0; index + minStatements <= prints.length; index++) {
            let hash = emptyHash;
            for (let k = 0; k < minStatements; k++) hash = combine(hash, prints[index + k]);
            const group = byCoarse.get(hash);
            if (group) group.push({ list, index });
            else byCoarse.set(hash, [{ list, index }]);
          }
        });

        // Fine windows, only where coarse ones collided.
        const fingerprinter = new FineFingerprinter(sourceFile);
        const fineOf = (s: ts.Statement): FineFingerprint | undefined => facts.memoText(fineFact, s, () => fingerprinter.of(s));
        const byFine = new Map<string, Window[]>();
        for (const group of byCoarse.values()) {
          if (group.length < 2) continue;
          for (const w of group) {
            const statements = lists[w.list].slice(w.index, w.index + minStatements);
            const prints: FineFingerprint[] = [];
            for (const s of statements) {
              const print = fineOf(s);
              if (print) prints.push(print);
            }
            if (prints.length < statements.length || prints.reduce((n, p) => n + p.tokens, 0) < minTokens) continue;
            // A run of look-alike lines (`exports.Get = …; exports.Post = …;`, enum members) is a table, not a copy.
            if (new Set(prints.map((p) => p.hash)).size < minDistinct(minStatements)) continue;
            const key = prints.map((p) => p.hash.toString(36)).join('.');
            const same = byFine.get(key);
            if (same) same.push(w);
            else byFine.set(key, [w]);
          }
        }

        const startOf = (w: Window): number => lists[w.list][w.index].getStart(sourceFile);
        const endOf = (w: Window, length: number): number => lists[w.list][w.index + length - 1].end;
        // Each later copy pairs with the first; consecutive pairs merge into one run.
        const pairs = new Map<string, Window>();
        const copies: Window[] = [];
        for (const group of byFine.values()) {
          if (group.length < 2) continue;
          group.sort((a, b) => startOf(a) - startOf(b));
          // Windows of one group that overlap are a periodic pattern, not two copies.
          const overlapping = new Set<Window>();
          for (let i = 1; i < group.length; i++) {
            if (startOf(group[i]) < endOf(group[i - 1], minStatements)) overlapping.add(group[i]).add(group[i - 1]);
          }
          const separate = group.filter((w) => !overlapping.has(w));
          if (separate.length < 2) continue;
          const first = separate[0];
          for (const w of separate.slice(1)) {
            pairs.set(`${w.list}:${w.index}`, first);
            copies.push(w);
          }
        }
        copies.sort((a, b) => a.list - b.list || a.index - b.index);
        const runs: Run[] = [];
        for (const w of copies) {
          const original = pairs.get(`${w.list}:${w.index}`)!;
          const previous = pairs.get(`${w.list}:${w.index - 1}`);
          const last = runs[runs.length - 1];
          if (previous && previous.list === original.list && previous.index === original.index - 1 && last && last.copy.list === w.list && last.copy.index + last.length === w.index) {
            last.length++;
          } else {
            runs.push({ copy: w, original, length: 1 });
          }
        }

        // Copies of whole functions also match inside: report the outermost copy only.
        const spans = runs
          .map((run) => {
            const statements = run.length + minStatements - 1;
            return { run, statements, start: startOf(run.copy), end: endOf(run.copy, statements) };
          })
          .sort((a, b) => b.end - b.start - (a.end - a.start));
        const reported: { start: number; end: number }[] = [];
        for (const span of spans) {
          if (reported.some((r) => r.start <= span.start && span.end <= r.end)) continue;
          reported.push(span);
          const { run, statements } = span;
          const originalStart = startOf(run.original);
          const originalEnd = endOf(run.original, statements);
          // The copy's first line: a squiggle over the whole block would hide the code it is about.
          const lineEnd = sourceFile.text.indexOf('\n', span.start);
          context.report({
            at: { start: span.start, end: lineEnd === -1 || lineEnd > span.end ? span.end : lineEnd },
            message: `These ${statements} statements (lines ${facts.lineOf(span.start)}–${facts.lineOf(span.end)}) repeat lines ${facts.lineOf(originalStart)}–${facts.lineOf(originalEnd)} with only names and literals changed: a fix made in one copy will be missed in the other. Move them into a function both places call.`,
            related: [{ at: { start: originalStart, end: originalEnd }, message: 'The first copy' }],
          });
        }
      },
    };
  },
};
