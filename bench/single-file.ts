/**
 * One file, as the editor sees it: a full parse against a full analysis, and the keystroke path the server takes
 * (`ts.updateSourceFile` with the change range, then analysis of that tree) against reparsing from scratch.
 * Usage: node out/bench/single-file.js [--lines 2000] [--runs 50] [--json]
 */
import * as ts from 'typescript';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { type AnalysisBase, analyze, analyzeIncrementally } from '../server/src/core/analyze';
import { rules } from '../server/src/core/registry';
import { parse } from '../server/src/core/parse';
import { countLines } from './corpus';
import { expressPgFile } from './express-pg-file';
import { Summary, formatMs, formatRatio, spread, summarize, table } from './stats';

export interface SingleFileResult {
  fileName: string;
  lines: number;
  runs: number;
  warmup: number;
  parse: Summary;
  analyze: Summary;
  fullReparse: Summary;
  update: Summary;
  updateAndAnalyze: Summary;
  /** The server's path: the update, then an analysis that reuses the previous one's findings where the edit allows. */
  updateAndIncremental: Summary;
  /** What the typing loop inserts and deletes, and where. */
  edit: string;
}

function time(runs: number, warmup: number, body: (i: number) => void): Summary {
  for (let i = 0; i < warmup; i++) body(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body(warmup + i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * A person typing in the middle of the file: one character typed, then deleted, over and over, each change
 * applied to the tree the previous one produced (as the server holds one tree per open document).
 */
class TypingLoop {
  private text: string;
  private tree: ts.SourceFile;

  constructor(
    private readonly base: string,
    private readonly at: number,
    fileName: string,
  ) {
    this.text = base;
    this.tree = parse(base, fileName);
  }

  /** The next edit, applied incrementally; returns the new text and tree. */
  step(i: number): { text: string; tree: ts.SourceFile } {
    const typing = i % 2 === 0;
    this.text = typing ? this.base.slice(0, this.at) + 'x' + this.base.slice(this.at) : this.base;
    const range = ts.createTextChangeRange(ts.createTextSpan(this.at, typing ? 0 : 1), typing ? 1 : 0);
    this.tree = ts.updateSourceFile(this.tree, this.text, range);
    return { text: this.text, tree: this.tree };
  }
}

export function measureSingleFile(lines: number, runs: number): SingleFileResult {
  const fileName = 'routes.ts';
  const text = expressPgFile(lines);
  const warmup = Math.max(10, Math.round(runs / 2));
  // Inside an identifier in a handler half-way down: an edit that changes a name, as typing does.
  const anchor = text.indexOf('const total', text.length >> 1);
  const at = (anchor === -1 ? text.length >> 1 : anchor) + 'const tot'.length;
  const edited = (i: number): string => (i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text);

  const parseTime = time(runs, warmup, () => parse(text, fileName));
  const analyzeTime = time(runs, warmup, () => analyze({ text, fileName }));
  const fullReparse = time(runs, warmup, (i) => analyze({ text: edited(i), fileName }));
  const updateLoop = new TypingLoop(text, at, fileName);
  const update = time(runs, warmup, (i) => updateLoop.step(i));
  const analyzeLoop = new TypingLoop(text, at, fileName);
  const updateAndAnalyze = time(runs, warmup, (i) => {
    const { text: current, tree } = analyzeLoop.step(i);
    analyze({ text: current, fileName, sourceFile: tree });
  });
  const incrementalLoop = new TypingLoop(text, at, fileName);
  let base: AnalysisBase | undefined;
  const updateAndIncremental = time(runs, warmup, (i) => {
    const { text: current, tree } = incrementalLoop.step(i);
    base = analyzeIncrementally({ text: current, fileName, sourceFile: tree }, rules, base).base;
  });
  const line = text.slice(0, at).split('\n').length;
  return {
    fileName,
    lines: countLines(text),
    runs,
    warmup,
    parse: parseTime,
    analyze: analyzeTime,
    fullReparse,
    update,
    updateAndAnalyze,
    updateAndIncremental,
    edit: `type and delete one character in an identifier on line ${line}`,
  };
}

export function formatSingleFile(r: SingleFileResult): string {
  const row = (name: string, s: Summary, base: Summary): string[] => [
    name,
    formatMs(s.median),
    spread(s),
    formatRatio(s.median / base.median),
  ];
  return [
    `single file: generated Express + pg handlers, ${r.fileName}, ${r.lines.toLocaleString('en-US')} lines ` +
      `(${r.warmup} warm-up runs, then ${r.runs} measured, in one process)`,
    table(
      ['', 'median ms', 'min–max ms', 'ratio to parse'],
      [row('ts.createSourceFile', r.parse, r.parse), row('vigil analyze (parse + facts + rules)', r.analyze, r.parse)],
    ),
    '',
    `incremental: ${r.edit}`,
    table(
      ['', 'median ms', 'min–max ms', 'ratio to full analyze'],
      [
        row('full analyze of the edited text (reparse)', r.fullReparse, r.fullReparse),
        row('ts.updateSourceFile alone', r.update, r.fullReparse),
        row('ts.updateSourceFile + analyze(sourceFile)', r.updateAndAnalyze, r.fullReparse),
        row('ts.updateSourceFile + incremental analysis (the server)', r.updateAndIncremental, r.fullReparse),
      ],
    ),
    `the server's keystroke path against the bare parse: ${formatRatio(r.updateAndIncremental.median / r.parse.median)}`,
  ].join('\n');
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '2000' },
      runs: { type: 'string', default: '50' },
      json: { type: 'boolean', default: false },
    },
  });
  const result = measureSingleFile(Number(values.lines), Number(values.runs));
  process.stdout.write((values.json ? JSON.stringify(result) : formatSingleFile(result)) + '\n');
}
