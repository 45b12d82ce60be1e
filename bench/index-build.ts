/**
 * How long the project index takes to build, beside the bare TypeScript parse of the same files: each folder
 * given (default: the bench corpus packages) is indexed from scratch `--runs` times, each run beside a parse of the
 * files the index walks, and the time to take in one changed file. Prints medians and the ratio; asserts nothing. The index parses only files that can mount
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

/**
 * One file changed in an indexed project, as the editor's watcher reports it: its summary made again (the exports
 * part too, as an analysis had asked for it) and the files to re-validate listed. The file is the one most modules
 * import, the costliest to change; re-analysing the open ones among its dependants is the analysis's own cost.
 */
function changeOnce(root: string, version: number): { ms: number; dependants: number } {
  const index = new ProjectIndex(rootsAt(root), new PackageManifests());
  const project = index.ensure(path.join(root, 'package.json'));
  if (!project) return { ms: NaN, dependants: 0 };
  let file: string | undefined;
  let importers = -1;
  for (const candidate of project.files.keys()) {
    const count = project.importers(candidate).length;
    if (count > importers) [file, importers] = [candidate, count];
  }
  if (file === undefined) return { ms: NaN, dependants: 0 };
  index.exportsOf(file, project.files.get(file), root, 'all');
  const text = `${fs.readFileSync(file, 'utf8')}\nexport const benchEdit${version} = ${version};\n`;
  const started = performance.now();
  index.record(file, text);
  const dependants = index.dependantsOf(file).length;
  return { ms: performance.now() - started, dependants };
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
    const changeSamples: number[] = [];
    let last = { ms: 0, files: 0 };
    let dependants = 0;
    // Alternated, so that a shared machine's load hits both alike.
    for (let i = 0; i < runs; i++) {
      indexSamples.push((last = indexOnce(root)).ms);
      parseSamples.push(parseOnce(files));
      const change = changeOnce(root, i);
      changeSamples.push(change.ms);
      dependants = change.dependants;
    }
    const parse = summarize(parseSamples);
    const index = summarize(indexSamples);
    indexTotal += index.median;
    parseTotal += parse.median;
    const parsed = files.filter((f) => graphNeedsParse(fs.readFileSync(f, 'utf8'))).length;
    const change = summarize(changeSamples);
    rows.push([
      path.basename(root), formatCount(last.files), formatCount(parsed), formatMs(index.median), spread(index), formatMs(parse.median),
      formatRatio(index.median / parse.median), formatMs(change.median), formatCount(dependants),
    ]);
  }
  console.log(table(['folder', 'files', 'parsed by the index', 'index ms', 'index spread', 'bare parse ms', 'index / parse', 'one file changed ms', 'dependants'], rows));
  console.log('  one file changed: the most imported file edited, its summary made again and the files to re-validate listed (median).');
  console.log(`\ntotal: index ${formatMs(indexTotal)} ms, bare parse ${formatMs(parseTotal)} ms, ${formatRatio(indexTotal / parseTotal)}`);
}

main();
