/**
 * Where an edit's time goes on the keystroke path (`node out/bench/edit-profile.js`): the Workspace the language
 * server wraps, given the edits `bench:lsp` types (a space at the end of a line, then taken away) on the same
 * sequelize text, in process, with V8's sampling profiler on. Prints the latency beside the bare parse and the
 * profile charged as `bench:rules` charges it: by rule, by fact module, and by module outside any rule (the
 * incremental plan, the tree index, the project summary).
 * Usage: node out/bench/edit-profile.js [--lines 2000,10000] [--edits 240] [--top 8] [--profile prefix]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { Workspace } from '../server/src/core/workspace';
import type { TextChangeSpan } from '../server/src/core/document-trees';
import { repoRoot } from '../test/harness/paths';
import { attribute, profiled, top } from './rule-profile';
import { realText, typingEdits } from './real-text';
import { table } from './stats';

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Offsets of the starts of the lines of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Types the bench's edits into an open document, timing each edit → analysis. */
function typeInto(workspace: Workspace, uri: string, text: string, edits: number): number[] {
  const starts = lineStarts(text);
  let current = text;
  const times: number[] = [];
  for (const { version, line, character, insert } of typingEdits(text, edits)) {
    const at = starts[line] + character;
    const span: TextChangeSpan = insert ? { start: at, end: at, newLength: 1 } : { start: at, end: at + 1, newLength: 0 };
    current = current.slice(0, span.start) + (insert ? ' ' : '') + current.slice(span.end);
    const t = performance.now();
    workspace.update(uri, version, current, [span]);
    workspace.analyze(uri);
    times.push(performance.now() - t);
  }
  return times;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: '2000,10000' }, edits: { type: 'string', default: '240' }, top: { type: 'string', default: '8' }, profile: { type: 'string' } } });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-edit-profile-'));
  const source = path.join(repoRoot, 'node_modules', 'sequelize', 'lib');
  const edits = Number(values.edits);
  const n = Number(values.top);
  try {
    for (const lines of values.lines.split(',').map(Number)) {
      const text = realText(source, lines);
      const fileName = path.join(folder, `model-${lines / 1000}k.js`);
      const uri = `file://${fileName}`;
      const workspace = new Workspace({ indexOnDemand: false });
      workspace.open({ uri, fileName, version: 1, text });
      workspace.analyze(uri);
      // Warm-up: the same edits once, so that the JIT has settled before the clock and the profiler start.
      typeInto(workspace, uri, text, edits);
      const parses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
        parses.push(performance.now() - t);
      }
      const plain = typeInto(workspace, uri, text, edits);
      let times: number[] = [];
      const profile = await profiled(() => {
        times = typeInto(workspace, uri, text, edits);
      });
      if (values.profile) fs.writeFileSync(`${values.profile}-${lines}.cpuprofile`, JSON.stringify(profile));
      const parse = percentile(parses, 50);
      const row = (name: string, t: readonly number[]): string[] => [name, percentile(t, 50).toFixed(1), percentile(t, 95).toFixed(1), `${(percentile(t, 50) / parse).toFixed(2)}×`, `${(percentile(t, 95) / parse).toFixed(2)}×`];
      console.log(`\n${lines} lines of sequelize's lib/, ${edits} edits, in process (load ${os.loadavg()[0].toFixed(1)})`);
      console.log(table(['', 'median ms', 'p95 ms', 'median / parse', 'p95 / parse'], [['bare ts.createSourceFile', parse.toFixed(1), '', '1.00×', ''], row('edit → analysis', plain), row('edit → analysis, profiled', times)]));
      const { total, rules, facts, outside } = attribute(profile);
      console.log(`\nprofiled: ${total.toFixed(0)} ms sampled over ${edits} edits`);
      console.log(table(['rule', 'ms', 'share'], top(rules, total, n)));
      console.log(table(['fact', 'ms', 'share'], top(facts, total, n)));
      console.log(table(['outside any rule', 'ms', 'share'], top(outside, total, n)));
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
