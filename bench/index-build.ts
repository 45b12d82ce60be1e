/**
 * How long the project index takes to build, beside the bare TypeScript parse of the same files: each folder
 * given (default: the bench corpus packages) is indexed from scratch `--runs` times. Prints medians and the
 * ratio; asserts nothing. Usage: node out/bench/index-build.js [--runs 5] [folder…]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { needsFullSummary } from '../server/src/core/project/file-summary';
import { PackageManifests } from '../server/src/core/project/package-manifests';
import { ProjectIndex } from '../server/src/core/project/project-index';
import { ProjectRoots } from '../server/src/core/project/project-roots';
import { corpusPackages } from './corpus';
import { formatCount, formatMs, formatRatio, spread, summarize, table } from './stats';

const repoRoot = path.resolve(__dirname, '..', '..');

function indexOnce(root: string): { ms: number; files: number } {
  const roots = new ProjectRoots();
  roots.setRoots([root]);
  const index = new ProjectIndex(roots, new PackageManifests());
  const started = performance.now();
  index.ensure(path.join(root, 'package.json'));
  const ms = performance.now() - started;
  const files = index.indexedProjects()[0]?.files ?? 0;
  return { ms, files };
}

function parseOnce(files: readonly string[]): number {
  const started = performance.now();
  for (const file of files) ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  return performance.now() - started;
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, allowPositionals: true });
  const runs = Number(values.runs);
  const folders = positionals.length > 0 ? positionals.map((p) => path.resolve(p)) : corpusPackages.map((p) => path.join(repoRoot, 'node_modules', p.name));
  const rows: string[][] = [];
  let indexTotal = 0;
  let parseTotal = 0;
  for (const root of folders) {
    const samples: number[] = [];
    let last = { ms: 0, files: 0 };
    for (let i = 0; i < runs; i++) samples.push((last = indexOnce(root)).ms);
    const files = listFiles(root);
    const parse = summarize(Array.from({ length: runs }, () => parseOnce(files)));
    const index = summarize(samples);
    indexTotal += index.median;
    parseTotal += parse.median;
    rows.push([path.basename(root), formatCount(last.files), formatCount(files.filter((f) => needsFullSummary(fs.readFileSync(f, 'utf8'))).length), formatMs(index.median), spread(index), formatMs(parse.median), formatRatio(index.median / parse.median)]);
  }
  console.log(table(['folder', 'files', 'parsed by the index', 'index ms', 'index spread', 'bare parse ms', 'index / parse'], rows));
  console.log(`\ntotal: index ${formatMs(indexTotal)} ms, bare parse ${formatMs(parseTotal)} ms, ${formatRatio(indexTotal / parseTotal)}`);
}

/** The files the index reads (the same walk, approximately: code files outside node_modules and hidden folders). */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (/\.(m|c)?(j|t)sx?$/.test(entry.name) && !/\.d\.(m|c)?ts$/.test(entry.name)) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out;
}

main();
