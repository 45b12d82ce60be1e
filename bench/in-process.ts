/**
 * One in-process measurement, run in a fresh Node process so each sample starts from the same state (cold JIT,
 * empty heap) as a CLI run does. Usage: node out/bench/in-process.js parse|analyze <file-list.json>
 * Files are read before the clock starts: this measures the parser and the core, not the disk. Two passes over
 * the files: the first (`coldMs`) includes the JIT's warm-up, as a short CLI run does; the second (`ms`) is the
 * steady state a language server, or a long scan, runs in.
 * Prints one line: bench-result {"ms", "cpuMs", "coldMs", "files", "lines", "findings", "internalErrors", "maxRssKb"}.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/core/analyze';
import { parse } from '../server/src/core/parse';
import { countLines } from './corpus';
import { resultPrefix } from './markers';

export type InProcessMode = 'parse' | 'analyze';

export interface InProcessResult {
  ms: number;
  /** CPU time of the second pass, all threads (the GC's included). */
  cpuMs: number;
  coldMs: number;
  files: number;
  lines: number;
  findings: number;
  internalErrors: number;
  maxRssKb: number;
}

function pass(mode: InProcessMode, inputs: ReadonlyArray<{ fileName: string; text: string }>) {
  let findings = 0;
  let internalErrors = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const input of inputs) {
    if (mode === 'parse') {
      parse(input.text, input.fileName);
    } else {
      const result = analyze(input);
      findings += result.findings.length;
      internalErrors += result.internalErrors.length;
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  return { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, findings, internalErrors };
}

function run(mode: InProcessMode, paths: readonly string[]): InProcessResult {
  const inputs = paths.map((fileName) => ({ fileName, text: fs.readFileSync(fileName, 'utf8') }));
  const cold = pass(mode, inputs);
  const warm = pass(mode, inputs);
  const lines = inputs.reduce((n, i) => n + countLines(i.text), 0);
  return {
    ms: warm.ms,
    cpuMs: warm.cpuMs,
    coldMs: cold.ms,
    files: inputs.length,
    lines,
    findings: warm.findings,
    internalErrors: warm.internalErrors,
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

if (require.main === module) {
  const [mode, listFile] = process.argv.slice(2);
  if ((mode !== 'parse' && mode !== 'analyze') || !listFile) {
    process.stderr.write('usage: node out/bench/in-process.js parse|analyze <file-list.json>\n');
    process.exit(2);
  }
  const paths = JSON.parse(fs.readFileSync(listFile, 'utf8')) as string[];
  process.stdout.write(resultPrefix + JSON.stringify(run(mode, paths)) + '\n');
}
