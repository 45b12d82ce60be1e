/**
 * The whole benchmark in one run, figures side by side: the corpus, throughput of the bare parse, the core, the
 * CLI and ESLint over the same files, then one file and the keystroke path. Nothing here asserts: it measures
 * and prints. Usage: npm run bench -- [--runs 5] [--cli-runs 3] [--eslint-runs 1] [--single-runs 50] [--keep] [--skip-server-rss]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { rules } from '../server/src/core/registry';
import { skippedFolders } from '../server/src/core/project/skipped-paths';
import { CorpusFile, corpusPackages, inclusionRule, listCorpus } from './corpus';
import { eslintArgs, eslintDescription, readEslintOutput, setUpEslint } from './eslint-setup';
import { markedJson, resultPrefix, vigilStatsPrefix } from './markers';
import type { InProcessResult } from './in-process';
import { ProcessRun, runNode } from './processes';
import { serverMemory } from './server-memory';
import { SingleFileResult, formatSingleFile } from './single-file';
import { Summary, formatCount, formatMb, formatMs, formatRatio, spread, summarize, table } from './stats';

const repoRoot = path.resolve(__dirname, '..', '..');
const vigilBin = path.join(repoRoot, 'bin', 'vigil.js');
const vigilCliBuilt = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'vigil.js');

/** One row of a throughput table. */
interface Measured {
  name: string;
  time: Summary;
  /** Median CPU time, all threads. */
  cpuMs: number | undefined;
  lines: number;
  maxRssKb: number | undefined;
  note?: string;
}

interface VigilStats {
  files: number;
  lines: number;
  ms: number;
  workers: number;
}

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'cli-runs': { type: 'string', default: '3' },
      'eslint-runs': { type: 'string', default: '1' },
      'single-runs': { type: 'string', default: '50' },
      keep: { type: 'boolean', default: false },
      'skip-server-rss': { type: 'boolean', default: false },
    },
  });
  return {
    runs: Number(values.runs),
    cliRuns: Number(values['cli-runs']),
    eslintRuns: Number(values['eslint-runs']),
    singleRuns: Number(values['single-runs']),
    keep: values.keep ?? false,
    serverRss: !values['skip-server-rss'],
  };
}

/** Copies the corpus out of node_modules (which ESLint, and scanners generally, skip) into `<root>/{js,ts}/`. */
function copyCorpus(files: readonly CorpusFile[], root: string): { all: string[]; js: string[] } {
  const all: string[] = [];
  const js: string[] = [];
  for (const file of files) {
    const target = path.join(root, file.javaScript ? 'js' : 'ts', file.relativePath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file.path, target);
    all.push(target);
    if (file.javaScript) js.push(target);
  }
  return { all, js };
}

function maxOf(values: ReadonlyArray<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? Math.max(...known) : undefined;
}

/** Fresh-process in-process measurements, parse and analyze alternated so drift on a shared machine hits both. */
/** The flow facts' share of an analysis (in-process.ts, mode `flow`): medians of the time inside them and of the whole. */
interface FlowCost {
  flowMs: number;
  analysisMs: number;
}

async function measureInProcess(listFile: string, runs: number, label: string, withFlow = false): Promise<{ parse: Measured; core: Measured; flow?: FlowCost }> {
  const script = path.join(__dirname, 'in-process.js');
  const samples: Record<'parse' | 'analyze' | 'flow', InProcessResult[]> = { parse: [], analyze: [], flow: [] };
  const modes = withFlow ? (['parse', 'analyze', 'flow'] as const) : (['parse', 'analyze'] as const);
  for (let i = 0; i < runs; i++) {
    for (const mode of modes) {
      const run = await runNode(script, [mode, listFile], { keepStdout: true });
      const result = markedJson<InProcessResult>(run.stdout, resultPrefix);
      if (!result) throw new Error(`in-process ${mode} run failed (exit ${run.exitCode}):\n${run.stderr}`);
      samples[mode].push(result);
    }
    process.stderr.write(`  ${label}: in-process run ${i + 1}/${runs}\n`);
  }
  const toRow = (name: string, results: InProcessResult[], note = ''): Measured => ({
    name,
    time: summarize(results.map((r) => r.ms)),
    cpuMs: summarize(results.map((r) => r.cpuMs)).median,
    lines: results[0]?.lines ?? 0,
    maxRssKb: maxOf(results.map((r) => r.maxRssKb)),
    note: `first pass ${formatMs(summarize(results.map((r) => r.coldMs)).median)} ms${note}`,
  });
  const last = samples.analyze[samples.analyze.length - 1];
  const errors = last && last.internalErrors > 0 ? `, ${last.internalErrors} internal errors` : '';
  const flow = samples.flow.length > 0
    ? { flowMs: summarize(samples.flow.map((r) => r.flowMs ?? NaN)).median, analysisMs: summarize(samples.flow.map((r) => r.ms)).median }
    : undefined;
  return {
    parse: toRow('ts.createSourceFile (parent pointers on, as Vigil parses)', samples.parse),
    core: toRow(`vigil core analyze(), in-process, 1 thread`, samples.analyze, `; ${last?.findings ?? 0} findings${errors}`),
    flow,
  };
}

/** The bare parse as a process (parse-process.ts), `runs` times: the denominator of the CLI rows. */
async function measureParseProcess(listFile: string, runs: number): Promise<Measured> {
  const samples: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runNode(path.join(__dirname, 'parse-process.js'), [listFile]);
    if (run.exitCode !== 0) throw new Error(`parse-process failed (exit ${run.exitCode}):\n${run.stderr}`);
    samples.push(run);
  }
  const cpu = samples.map((r) => r.cpuMs).filter((c): c is number => c !== undefined);
  return {
    name: 'bare parse as a process (start-up, read, parse once)',
    time: summarize(samples.map((r) => r.wallMs)),
    cpuMs: cpu.length ? summarize(cpu).median : undefined,
    lines: 0,
    maxRssKb: maxOf(samples.map((r) => r.maxRssKb)),
  };
}

/** Whether the CLI answers with the planned `--stats` line; if not, why not, to print instead of figures. */
async function cliUnavailable(probeDir: string): Promise<string | undefined> {
  if (!fs.existsSync(vigilBin) || !fs.existsSync(vigilCliBuilt)) return 'the CLI is not built in this checkout';
  const run = await runNode(vigilBin, ['scan', probeDir, '--format', 'json', '--stats', '--workers', '0']);
  if (markedJson<VigilStats>(run.stderr, vigilStatsPrefix)) return undefined;
  const firstLine = run.stderr.trim().split('\n')[0] ?? '';
  return `\`vigil scan --stats\` printed no vigil-stats line (exit ${run.exitCode}${firstLine ? `: ${firstLine}` : ''})`;
}

/**
 * The scan's targets: `dir`, and every folder below it that the CLI's walk would skip as build output (rxjs ships
 * its CommonJS build in `dist/`), named explicitly because a path named on the command line is always scanned.
 */
function cliTargets(dir: string, files: readonly string[]): string[] {
  const named = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(dir + path.sep)) continue;
    const segments = path.relative(dir, file).split(path.sep);
    const skipped = segments.slice(0, -1).findIndex((s) => skippedFolders.has(s));
    if (skipped !== -1) named.add(path.join(dir, ...segments.slice(0, skipped + 1)));
  }
  return [dir, ...named];
}

/** The worker counts the CLI rows compare: in-process, one worker (the pool's own cost), two (both cores). */
const cliWorkers = [0, 1, 2] as const;

/**
 * `vigil scan` as a process, from `cwd`: run from the corpus's root, the CLI indexes the whole corpus as one project
 * before analysing it (a folder outside the working directory and any repository would not be indexed at all).
 */
async function measureCli(targets: readonly string[], workers: number, runs: number, expectedFiles: number, cwd: string): Promise<Measured> {
  const stats: VigilStats[] = [];
  const wall: number[] = [];
  const rss: Array<number | undefined> = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run: ProcessRun = await runNode(vigilBin, ['scan', ...targets, '--format', 'json', '--stats', '--workers', String(workers)], { cwd });
    const s = markedJson<VigilStats>(run.stderr, vigilStatsPrefix);
    if (!s || (run.exitCode !== 0 && run.exitCode !== 1)) {
      throw new Error(`vigil scan --workers ${workers} failed (exit ${run.exitCode}):\n${run.stderr}`);
    }
    stats.push(s);
    wall.push(run.wallMs);
    rss.push(run.maxRssKb);
    if (run.cpuMs !== undefined) cpu.push(run.cpuMs);
    process.stderr.write(`  vigil scan --workers ${workers}: run ${i + 1}/${runs}\n`);
  }
  const s = stats[0];
  const inTool = summarize(stats.map((x) => x.ms));
  const missing = s.files === expectedFiles ? '' : `; scanned ${s.files} of ${expectedFiles} files!`;
  return {
    name: `vigil scan CLI, --workers ${workers}`,
    time: summarize(wall),
    cpuMs: cpu.length ? summarize(cpu).median : undefined,
    lines: s.lines,
    maxRssKb: maxOf(rss),
    note: `scan itself ${formatMs(inTool.median)} ms${missing}`,
  };
}

/** Every worker count, `runs` times, alternated so that drift in the machine's load hits them alike. */
async function measureCliSeries(targets: readonly string[], runs: number, expectedFiles: number, cwd: string): Promise<Measured[]> {
  const samples = new Map<number, Measured[]>(cliWorkers.map((w) => [w, []]));
  for (let i = 0; i < runs; i++) {
    for (const workers of cliWorkers) samples.get(workers)!.push(await measureCli(targets, workers, 1, expectedFiles, cwd));
  }
  return cliWorkers.map((workers) => {
    const rows = samples.get(workers)!;
    const cpu = rows.map((r) => r.cpuMs).filter((c): c is number => c !== undefined);
    return {
      ...rows[0],
      time: summarize(rows.map((r) => r.time.median)),
      cpuMs: cpu.length ? summarize(cpu).median : undefined,
      maxRssKb: maxOf(rows.map((r) => r.maxRssKb)),
      note: rows[rows.length - 1].note,
    };
  });
}

async function measureEslint(corpusRoot: string, workDir: string, runs: number, expectedFiles: number): Promise<Measured> {
  const setup = setUpEslint(workDir);
  const output = path.join(workDir, 'eslint-results.json');
  const wall: number[] = [];
  const rss: Array<number | undefined> = [];
  const cpu: number[] = [];
  let note = '';
  for (let i = 0; i < runs; i++) {
    fs.rmSync(output, { force: true });
    const run = await runNode(setup.bin, eslintArgs(setup, path.join(corpusRoot, 'js'), output), {
      cwd: workDir,
      env: setup.env,
    });
    const outcome = readEslintOutput(output);
    if (!outcome || (run.exitCode !== 0 && run.exitCode !== 1)) {
      throw new Error(`ESLint failed (exit ${run.exitCode}):\n${run.stderr}`);
    }
    wall.push(run.wallMs);
    rss.push(run.maxRssKb);
    if (run.cpuMs !== undefined) cpu.push(run.cpuMs);
    const missing = outcome.files === expectedFiles ? '' : `, of ${expectedFiles}!`;
    note = `linted ${outcome.files} files${missing}, ${formatCount(outcome.messages)} messages, ${outcome.fatal} unparsable`;
    process.stderr.write(`  eslint: run ${i + 1}/${runs}\n`);
  }
  const cpuMs = cpu.length ? summarize(cpu).median : undefined;
  return { name: 'eslint + security + sonarjs (CLI)', time: summarize(wall), cpuMs, lines: 0, maxRssKb: maxOf(rss), note };
}

function throughputTable(rows: readonly Measured[], parse: Measured, lines: number): string {
  return table(
    ['', 'median ms', 'min–max ms', 'CPU ms', 'lines/s', 'ratio to parse', 'peak RSS', 'notes'],
    rows.map((r) => [
      r.name,
      formatMs(r.time.median),
      spread(r.time),
      formatMs(r.cpuMs ?? NaN),
      formatCount((r.lines || lines) / (r.time.median / 1000)),
      formatRatio(r.time.median / parse.time.median),
      formatMb(r.maxRssKb),
      r.note ?? '',
    ]),
  );
}

function corpusSection(files: readonly CorpusFile[]): string {
  const rows = corpusPackages.map((pkg) => {
    const mine = files.filter((f) => f.relativePath.startsWith(pkg.name + path.sep));
    const js = mine.filter((f) => f.javaScript);
    const sum = (fs: readonly CorpusFile[]): number => fs.reduce((n, f) => n + f.lines, 0);
    return [pkg.name, formatCount(mine.length), formatCount(sum(mine)), formatCount(js.length), formatCount(sum(js))];
  });
  const js = files.filter((f) => f.javaScript);
  const total = (fs: readonly CorpusFile[]): number => fs.reduce((n, f) => n + f.lines, 0);
  rows.push(['total', formatCount(files.length), formatCount(total(files)), formatCount(js.length), formatCount(total(js))]);
  return [
    'corpus: published sources of the pinned devDependencies (package.json), copied to a temp dir',
    `  included: ${inclusionRule}`,
    table(['package', 'files', 'lines', 'js files', 'js lines'], rows),
  ].join('\n');
}

function heading(title: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(0, 100 - title.length))}`;
}

async function main(): Promise<void> {
  const opts = options();
  const started = performance.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  const corpusRoot = path.join(workDir, 'corpus');
  try {
    const files = listCorpus(path.join(repoRoot, 'node_modules'));
    const lists = copyCorpus(files, corpusRoot);
    const allList = path.join(workDir, 'all.json');
    const jsList = path.join(workDir, 'js.json');
    fs.writeFileSync(allList, JSON.stringify(lists.all));
    fs.writeFileSync(jsList, JSON.stringify(lists.js));
    const allLines = files.reduce((n, f) => n + f.lines, 0);
    const jsLines = files.filter((f) => f.javaScript).reduce((n, f) => n + f.lines, 0);

    console.log(
      `vigil bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown cpu'}, ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()}; ${rules.length} rule(s) registered: ` +
        rules.map((r) => r.meta.id).join(', '),
    );
    console.log(heading('corpus'));
    console.log(corpusSection(files));

    const cliMissing = await cliUnavailable(path.join(corpusRoot, 'js', 'express'));

    process.stderr.write('measuring all corpus files…\n');
    const all = await measureInProcess(allList, opts.runs, 'all files', true);
    const parseProcess = await measureParseProcess(allList, opts.cliRuns);
    const allRows = [all.parse, all.core, parseProcess];
    if (!cliMissing) {
      const targets = cliTargets(corpusRoot, lists.all);
      // Alternated run by run, so that load on a shared machine hits every worker count alike.
      const byWorkers = await measureCliSeries(targets, opts.cliRuns, files.length, corpusRoot);
      allRows.push(...byWorkers);
    }

    process.stderr.write('measuring the .js subset…\n');
    const js = await measureInProcess(jsList, opts.runs, '.js subset');
    const jsParseProcess = await measureParseProcess(jsList, opts.cliRuns);
    const jsRows = [js.parse, js.core, jsParseProcess];
    if (!cliMissing) jsRows.push(await measureCli(cliTargets(path.join(corpusRoot, 'js'), lists.js), 0, opts.cliRuns, lists.js.length, corpusRoot));
    const eslint = opts.eslintRuns > 0 ? await measureEslint(corpusRoot, workDir, opts.eslintRuns, lists.js.length) : undefined;
    if (eslint) jsRows.push(eslint);

    process.stderr.write('measuring the language server with 200 files open…\n');
    const server = opts.serverRss ? await serverMemory(fs.mkdtempSync(path.join(workDir, 'server-')), undefined) : undefined;

    process.stderr.write('measuring one file…\n');
    const single = await runNode(path.join(__dirname, 'single-file.js'), ['--json', '--runs', String(opts.singleRuns)], {
      keepStdout: true,
    });
    if (single.exitCode !== 0) throw new Error(`single-file bench failed:\n${single.stderr}`);
    const singleResult = JSON.parse(single.stdout) as SingleFileResult;

    process.stderr.write('measuring the project index…\n');
    const indexBuild = await runNode(path.join(__dirname, 'index-build.js'), ['--runs', String(opts.runs)], { keepStdout: true });
    if (indexBuild.exitCode !== 0) throw new Error(`index-build bench failed:\n${indexBuild.stderr}`);

    console.log(heading(`throughput: all ${formatCount(files.length)} files, ${formatCount(allLines)} lines`));
    console.log(throughputTable(allRows, all.parse, allLines));
    if (cliMissing) console.log(`  vigil scan CLI rows: not measured, ${cliMissing}.`);

    console.log(
      heading(`throughput: the .js subset, ${formatCount(lists.js.length)} files, ${formatCount(jsLines)} lines (what ESLint lints without a TS parser)`),
    );
    console.log(throughputTable(jsRows, js.parse, jsLines));
    if (cliMissing) console.log(`  vigil scan CLI row: not measured, ${cliMissing}.`);
    console.log(
      '  In-process rows: a fresh process per run reads the files, then times two passes over them in memory (no start-up,\n' +
        '  no disk); the figures are the second, steady-state pass, the notes give the first (JIT warm-up included).\n' +
        '  CLI and ESLint rows are wall time of the whole process: Node start-up, module loading, reading files, output.\n' +
        '  CPU ms: median user + system time, all threads; on a busy machine it moves less than wall time.\n' +
        `  ESLint: ${eslintDescription}; its .ts files would need @typescript-eslint/parser, which is not installed.`,
    );

    console.log(heading('budgets'));
    const coreRatio = js.core.time.median / js.parse.time.median;
    const allCoreRatio = all.core.time.median / all.parse.time.median;
    console.log(`  core / bare parse: ${formatRatio(allCoreRatio)} on all files, ${formatRatio(coreRatio)} on .js (budget ≤ 1.50×)`);
    if (eslint) {
      const vigil = jsRows.find((r) => r.name.startsWith('vigil scan')) ?? js.core;
      console.log(
        `  ${vigil.name} vs ESLint throughput on .js: ${formatRatio(eslint.time.median / vigil.time.median)} (budget ≥ 25×; ` +
          `by CPU time ${formatRatio((eslint.cpuMs ?? NaN) / (vigil.cpuMs ?? NaN))}); ` +
          `ESLint peak RSS ${formatMb(eslint.maxRssKb)}`,
      );
      console.log(
        `  the bare parse as a process on .js is ${formatRatio(eslint.time.median / jsParseProcess.time.median)} faster than ESLint: ` +
          'no scan that parses each file can be faster than that',
      );
    }
    if (all.flow) {
      const { flowMs, analysisMs } = all.flow;
      console.log(
        `  flow facts (request data and browser sources, outermost calls timed) on all files: ${formatMs(flowMs)} ms of ` +
          `${formatMs(analysisMs)} ms analysis, ${((100 * flowMs) / analysisMs).toFixed(1)} % (target < 10 %); ` +
          `the bare parse of the same files: ${formatMs(all.parse.time.median)} ms (flow / parse ${formatRatio(flowMs / all.parse.time.median)})`,
      );
    }
    const cliRow = (workers: number): Measured | undefined => allRows.find((r) => r.name.endsWith(`--workers ${workers}`));
    const w0 = cliRow(0);
    if (w0) {
      // CPU against CPU: the parse row's is its steady-state pass; the scan's is the whole process, cold start included.
      console.log(
        `  vigil scan --workers 0, CPU / bare parse CPU: ${formatRatio((w0.cpuMs ?? NaN) / (parseProcess.cpuMs ?? NaN))} against the parse as a ` +
          `process, like for like (budget ≤ 1.60×); ${formatRatio((w0.cpuMs ?? NaN) / (all.parse.cpuMs ?? NaN))} against the in-process ` +
          'parse\'s steady state',
      );
      // V8 compiles and collects garbage on threads of its own: what they take is what workers cannot add.
      const busy = (w0.cpuMs ?? NaN) / w0.time.median;
      const cores = os.availableParallelism();
      console.log(
        `  vigil scan --workers 0 keeps ${busy.toFixed(2)} cores busy (CPU / wall): on ${cores} cores, workers can be at most ` +
          `${formatRatio(cores / busy)} faster, before each pays its own warm-up`,
      );
      for (const workers of cliWorkers.slice(1)) {
        const row = cliRow(workers);
        if (!row) continue;
        console.log(
          `  --workers ${workers} vs 0: wall ${formatRatio(w0.time.median / row.time.median)} faster (budget ≥ 1.60× with 2), ` +
            `CPU ${formatRatio((row.cpuMs ?? NaN) / (w0.cpuMs ?? NaN))} of in-process (${formatRatio((row.cpuMs ?? NaN) / (all.parse.cpuMs ?? NaN))} ` +
            `the bare parse's CPU); peak RSS ${formatMb(row.maxRssKb)} ` +
            `against ${formatMb(w0.maxRssKb)} in-process (budget ≤ 250 MB with both cores busy)`,
        );
      }
    } else {
      console.log('  vigil scan rows: not measured');
    }
    if (server) {
      console.log(
        `  server RSS (out/, as the editor starts it), ${server.files} typeorm files open and analysed: ` +
          `${server.open.toFixed(0)} MB, idle ${server.idle.toFixed(0)} MB (budget ≤ 150 MB)`,
      );
    }
    console.log('  edit → diagnostics at 2,000 and 10,000 lines, through out/ and the shipped bundle: npm run bench:lsp');

    console.log(heading('project index: build beside the bare parse, one file changed'));
    console.log(indexBuild.stdout.trimEnd());

    console.log(heading('single file and incremental'));
    console.log(formatSingleFile(singleResult));
    console.log(`\nbench took ${Math.round((performance.now() - started) / 1000)} s; temp dir ${opts.keep ? workDir : 'removed'}`);
  } finally {
    if (!opts.keep) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exitCode = 2;
});
