/**
 * One in-process measurement, run in a fresh Node process so each sample starts from the same state (cold JIT,
 * empty heap) as a CLI run does. Usage: node out/bench/in-process.js parse|analyze|flow <file-list.json>
 * Files are read before the clock starts: this measures the parser and the core, not the disk. Two passes over
 * the files: the first (`coldMs`) includes the JIT's warm-up, as a short CLI run does; the second (`ms`) is the
 * steady state a language server, or a long scan, runs in.
 * Prints one line: bench-result {"ms", "cpuMs", "coldMs", "files", "lines", "findings", "internalErrors", "maxRssKb"}.
 * Mode `flow` analyses as `analyze` does with the flow facts' entries timed (request data, browser sources:
 * their outermost calls), and adds "flowMs", the second pass's time inside them; the timing wraps every call,
 * so its "ms" is not the core's figure, only the whole the share is taken of.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/core/analyze';
import { parse } from '../server/src/core/parse';
import { RequestDataIndex } from '../server/src/core/facts/request-data';
import { DomSources } from '../server/src/core/facts/dom-sources';
import { countLines } from './corpus';
import { resultPrefix } from './markers';

export type InProcessMode = 'parse' | 'analyze' | 'flow';

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
  /** Mode `flow`: ms of the second pass spent answering flow questions. */
  flowMs?: number;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Wraps the flow facts' entry points with a clock that counts only the outermost call; returns the running total. */
function timeFlowFacts(): { total(): number; reset(): void } {
  let depth = 0;
  let total = 0;
  const wrap = (proto: object, name: string): void => {
    const methods = proto as Record<string, Method>;
    const original = methods[name];
    methods[name] = function (this: unknown, ...args: unknown[]): unknown {
      const start = depth++ === 0 ? performance.now() : undefined;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
        if (start !== undefined) total += performance.now() - start;
      }
    };
  };
  wrap(RequestDataIndex.prototype, 'origin');
  wrap(DomSources.prototype, 'of');
  return { total: () => total, reset: () => (total = 0) };
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
  const flow = mode === 'flow' ? timeFlowFacts() : undefined;
  const cold = pass(mode, inputs);
  flow?.reset();
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
    flowMs: flow?.total(),
  };
}

if (require.main === module) {
  const [mode, listFile] = process.argv.slice(2);
  if ((mode !== 'parse' && mode !== 'analyze' && mode !== 'flow') || !listFile) {
    process.stderr.write('usage: node out/bench/in-process.js parse|analyze|flow <file-list.json>\n');
    process.exit(2);
  }
  const paths = JSON.parse(fs.readFileSync(listFile, 'utf8')) as string[];
  process.stdout.write(resultPrefix + JSON.stringify(run(mode, paths)) + '\n');
}
