/**
 * How long the project index takes to build, beside the bare TypeScript parse of the same files: each folder
 * given (default: the bench corpus packages) is indexed from scratch `--runs` times, each run beside a parse of the
 * files the index walks. Prints medians and the ratio; asserts nothing. The index parses only files that can mount
 * something; what exports do is summarised later, when an analysis asks (project-index.ts). Usage: node out/bench/index-build.js [--runs 5] [folder…]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { graphNeedsParse } from '../server/src/core/project/file-summary';
import { PackageManifests } from '../server/src/core/project/package-manifests';
import { ProjectIndex } from '../server/src/core/project/project-index';
import { ProjectRoots } from '../server/src/core/project/project-roots';
import { corpusPackages } from './corpus';
import { formatCount, formatMs, formatRatio, spread, summarize, table } from './stats';

const repoRoot = path.resolve(__dirname, '..', '..');

function indexOnce(root: string): { ms: number; files: number } {
  const index = new ProjectIndex(rootsAt(root), new PackageManifests());
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

function rootsAt(root: string): ProjectRoots {
  const roots = new ProjectRoots();
  roots.setRoots([root]);
  return roots;
}

/** The files the index walks (build output and nested dependencies left out), so that both figures read the same files. */
function indexedFiles(root: string): string[] {
  return new ProjectIndex(rootsAt(root), new PackageManifests()).unindexedProjects([path.join(root, 'package.json')])[0]?.files ?? [];
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, allowPositionals: true });
  const runs = Number(values.runs);
  const folders = positionals.length > 0 ? positionals.map((p) => path.resolve(p)) : corpusPackages.map((p) => path.join(repoRoot, 'node_modules', p.name));
  const rows: string[][] = [];
  let indexTotal = 0;
  let parseTotal = 0;
  for (const root of folders) {
    const files = indexedFiles(root);
    const indexSamples: number[] = [];
    const parseSamples: number[] = [];
    let last = { ms: 0, files: 0 };
    // Alternated, so that a shared machine's load hits both alike.
    for (let i = 0; i < runs; i++) {
      indexSamples.push((last = indexOnce(root)).ms);
      parseSamples.push(parseOnce(files));
    }
    const parse = summarize(parseSamples);
    const index = summarize(indexSamples);
    indexTotal += index.median;
    parseTotal += parse.median;
    const parsed = files.filter((f) => graphNeedsParse(fs.readFileSync(f, 'utf8'))).length;
    rows.push([path.basename(root), formatCount(last.files), formatCount(parsed), formatMs(index.median), spread(index), formatMs(parse.median), formatRatio(index.median / parse.median)]);
  }
  console.log(table(['folder', 'files', 'parsed by the index', 'index ms', 'index spread', 'bare parse ms', 'index / parse'], rows));
  console.log(`\ntotal: index ${formatMs(indexTotal)} ms, bare parse ${formatMs(parseTotal)} ms, ${formatRatio(indexTotal / parseTotal)}`);
}

main();
