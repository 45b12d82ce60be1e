/**
 * Where an edit's time goes on the keystroke path (`node out/bench/edit-profile.js`): the Workspace the language
 * server wraps, given the edits `bench:lsp` types on the same sequelize text (a space at the end of a line, or an `x`
 * at the end of an identifier in a function body, then taken away: real-text.ts), in process, with V8's sampling
 * profiler on. Prints the latency of each kind of edit beside the bare parse (to the analysis the server publishes,
 * and to the project summary it makes after publishing: `Workspace.settle`) and the profile charged as
 * `bench:rules` charges it: by rule, by fact module, and by module outside any rule (the incremental plan, the
 * tree index, the project summary).
 * Usage: node out/bench/edit-profile.js [--lines 2000,10000] [--kinds layout,token] [--edits 240] [--top 8] [--profile prefix]
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
import { type EditKind, isEditKind, realText, typingEdits } from './real-text';
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

interface EditTimes {
  /** Edit → analysis: what the server publishes as diagnostics. */
  analysed: number[];
  /** Edit → analysis and the project summary it owes, which the server makes once the diagnostics are out. */
  settled: number[];
}

/** Types the bench's edits into an open document, timing each edit → analysis, and → the summary made after it. */
function typeInto(workspace: Workspace, uri: string, text: string, edits: number, kind: EditKind): EditTimes {
  const starts = lineStarts(text);
  let current = text;
  const times: EditTimes = { analysed: [], settled: [] };
  for (const { version, line, character, insert, typed } of typingEdits(text, edits, kind)) {
    const at = starts[line] + character;
    const span: TextChangeSpan = insert ? { start: at, end: at, newLength: typed.length } : { start: at, end: at + typed.length, newLength: 0 };
    current = current.slice(0, span.start) + (insert ? typed : '') + current.slice(span.end);
    const t = performance.now();
    workspace.update(uri, version, current, [span]);
    workspace.analyze(uri);
    times.analysed.push(performance.now() - t);
    workspace.settle(uri);
    times.settled.push(performance.now() - t);
  }
  return times;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: '2000,10000' }, kinds: { type: 'string', default: 'layout,token' }, edits: { type: 'string', default: '240' }, top: { type: 'string', default: '8' }, profile: { type: 'string' } } });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-edit-profile-'));
  const source = path.join(repoRoot, 'node_modules', 'sequelize', 'lib');
  const edits = Number(values.edits);
  const n = Number(values.top);
  const kinds = values.kinds.split(',').filter(isEditKind);
  try {
    for (const lines of values.lines.split(',').map(Number)) {
      const text = realText(source, lines);
      const fileName = path.join(folder, `model-${lines / 1000}k.js`);
      const uri = `file://${fileName}`;
      const workspace = new Workspace({ indexOnDemand: false });
      workspace.open({ uri, fileName, version: 1, text });
      workspace.analyze(uri);
      // Warm-up: the same edits once, so that the JIT has settled before the clock and the profiler start.
      for (const kind of kinds) typeInto(workspace, uri, text, edits, kind);
      const parses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
        parses.push(performance.now() - t);
      }
      const parse = percentile(parses, 50);
      const row = (name: string, t: readonly number[]): string[] => [name, percentile(t, 50).toFixed(1), percentile(t, 95).toFixed(1), `${(percentile(t, 50) / parse).toFixed(2)}×`, `${(percentile(t, 95) / parse).toFixed(2)}×`];
      const rows = [['bare ts.createSourceFile', parse.toFixed(1), '', '1.00×', '']];
      const profiles: { kind: EditKind; profile: Awaited<ReturnType<typeof profiled>> }[] = [];
      for (const kind of kinds) {
        const plain = typeInto(workspace, uri, text, edits, kind);
        let times: number[] = [];
        const profile = await profiled(() => {
          times = typeInto(workspace, uri, text, edits, kind).settled;
        });
        if (values.profile) fs.writeFileSync(`${values.profile}-${lines}-${kind}.cpuprofile`, JSON.stringify(profile));
        rows.push(
          row(`${kind} edit → analysis`, plain.analysed),
          row(`${kind} edit → analysis and summary`, plain.settled),
          row(`${kind} edit → analysis and summary, profiled`, times),
        );
        profiles.push({ kind, profile });
      }
      console.log(`\n${lines} lines of sequelize's lib/, ${edits} edits of each kind, in process (load ${os.loadavg()[0].toFixed(1)})`);
      console.log(table(['', 'median ms', 'p95 ms', 'median / parse', 'p95 / parse'], rows));
      for (const { kind, profile } of profiles) {
        const { total, rules, facts, outside } = attribute(profile);
        console.log(`\n${kind} edits, profiled: ${total.toFixed(0)} ms sampled over ${edits} edits`);
        console.log(table(['rule', 'ms', 'share'], top(rules, total, n)));
        console.log(table(['fact', 'ms', 'share'], top(facts, total, n)));
        console.log(table(['outside any rule', 'ms', 'share'], top(outside, total, n)));
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
