/**
 * Where the analysis of the bench corpus spends its time, by rule and by fact (`npm run bench:rules`). The corpus is
 * analysed once to warm up, then again under V8's sampling profiler (the profile `node --cpu-prof` writes, taken in
 * process so that reading files and warming up stay out of it). Each sample is charged twice: to the outermost rule
 * on its stack (a rule's share includes the facts it was the first to ask for, since facts are memoised per node
 * and the next rule gets them free), and to the outermost fact module on its stack (past facts.ts, the hub they are
 * asked through), whichever rule asked.
 * Usage: node out/bench/rule-profile.js [--top 10] [--files N] [--profile out.cpuprofile]
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../server/src/core/analyze';
import { listCorpus } from './corpus';
import { repoRoot } from '../test/harness/paths';
import { table } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: inspector.Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** The profile of `body`, sampled every 250 µs. */
export async function profiled(body: () => void): Promise<Profile> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 250 });
    await post(session, 'Profiler.start');
    body();
    return (await post<{ profile: Profile }>(session, 'Profiler.stop')).profile;
  } finally {
    session.disconnect();
  }
}

const rulePattern = /\/rules\/[\w-]+\/([\w-]+)\.js$/;
const factPattern = /\/core\/facts\/([\w-]+)\.js$/;

/** Milliseconds by rule and by fact module; what runs under no rule (parsing, the walk, facts built up front) by file. */
export function attribute(profile: Profile): { total: number; rules: Map<string, number>; facts: Map<string, number>; outside: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const rules = new Map<string, number>();
  const facts = new Map<string, number>();
  const outside = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number): void => void m.set(k, (m.get(k) ?? 0) + ms);
  let total = 0;
  profile.samples.forEach((leaf, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    let rule: string | undefined;
    let fact: string | undefined;
    let profiler = false;
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const url = byId.get(id)!.callFrame.url;
      rule = rulePattern.exec(url)?.[1] ?? rule;
      const module = factPattern.exec(url)?.[1];
      // facts.ts is the hub every fact is asked through: the module behind it is the one to name.
      if (module !== undefined && (module !== 'facts' || fact === undefined)) fact = module;
      profiler ||= url === 'node:inspector';
    }
    // The profiler's own work (stopping and serialising the profile), and the idle samples, are not the analysis's.
    const frame = byId.get(leaf)!.callFrame;
    if (profiler || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    total += ms;
    if (rule) add(rules, rule, ms);
    if (fact) add(facts, fact, ms);
    if (!rule) {
      add(outside, fact ? `facts/${fact}` : path.basename(frame.url) || frame.functionName, ms);
    }
  });
  return { total, rules, facts, outside };
}

export function top(m: ReadonlyMap<string, number>, total: number, n: number): string[][] {
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => [name, ms.toFixed(0), `${((100 * ms) / total).toFixed(1)} %`]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { top: { type: 'string', default: '10' }, files: { type: 'string' }, profile: { type: 'string' } } });
  const n = Number(values.top);
  const corpus = listCorpus(path.join(repoRoot, 'node_modules'));
  const chosen = values.files ? corpus.slice(0, Number(values.files)) : corpus;
  const inputs = chosen.map((f) => ({ fileName: f.path, text: fs.readFileSync(f.path, 'utf8') }));
  const lines = chosen.reduce((sum, f) => sum + f.lines, 0);
  process.stderr.write(`warming up on ${inputs.length} files…\n`);
  for (const input of inputs) analyze(input);
  process.stderr.write('profiling…\n');
  const cpuStart = process.cpuUsage();
  const profile = await profiled(() => {
    for (const input of inputs) analyze(input);
  });
  const cpu = process.cpuUsage(cpuStart);
  if (values.profile) fs.writeFileSync(values.profile, JSON.stringify(profile));
  const { total, rules, facts, outside } = attribute(profile);
  // Samples are taken on the wall clock: on a loaded machine the time the process waited for a CPU lands on whatever
  // it was doing, most often a system call. The CPU time beside it is the steadier figure.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`analyze() of the bench corpus, ${inputs.length} files, ${lines.toLocaleString('en-US')} lines: ${total.toFixed(0)} ms sampled, ${cpuMs.toFixed(0)} ms of CPU (second pass, profiler included)`);
  console.log('\nrules: samples under the rule (with the facts it asked for first)');
  console.log(table(['rule', 'ms', 'share'], top(rules, total, n)));
  console.log('\nfacts: samples under the fact module, whichever rule asked');
  console.log(table(['fact', 'ms', 'share'], top(facts, total, n)));
  console.log('\noutside any rule: parsing, the tree index, the walk, facts built before the walk');
  console.log(table(['where', 'ms', 'share'], top(outside, total, n)));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
