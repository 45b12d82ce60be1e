/**
 * Recall of the injection rules on labelled cases (bench/recall/cases/<rule-id>/): each line marked
 * `// fault: <rule-id>` holds a fault a careful reviewer sees inside the file, and each line marked
 * `// safe: <rule-id>` a look-alike that must stay quiet. The cases are written from the shapes that data
 * arrives, moves and lands in (issue 12); they are not fixtures: a missed fault is a measure, not a failure.
 * Prints, per rule: faults, found, recall, and look-alikes flagged.
 * Usage: node out/bench/recall/recall.js [--cases DIR]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../../server/src/core/analyze';

interface Tally {
  faults: number;
  found: number;
  safe: number;
  flaggedSafe: number;
  missed: string[];
}

const label = /\/\/\s*(fault|safe):\s*([a-z-]+)/;

function casesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return casesIn(full);
    return /\.[cm]?[jt]sx?$/.test(e.name) ? [full] : [];
  });
}

function main(): void {
  const { values } = parseArgs({ options: { cases: { type: 'string' } } });
  const root = path.resolve(values.cases ?? path.join(__dirname, '..', '..', '..', 'bench', 'recall', 'cases'));
  const tallies = new Map<string, Tally>();
  const tallyOf = (rule: string): Tally => {
    let t = tallies.get(rule);
    if (!t) tallies.set(rule, (t = { faults: 0, found: 0, safe: 0, flaggedSafe: 0, missed: [] }));
    return t;
  };
  for (const file of casesIn(root).sort()) {
    const text = fs.readFileSync(file, 'utf8');
    // Named as a project's own source file, so the path says nothing about tests.
    const fileName = path.relative(root, file).split(path.sep).join('/');
    const flagged = new Set(analyze({ fileName, text }).findings.map((f) => `${f.ruleId}:${f.range.start.line}`));
    text.split('\n').forEach((line, i) => {
      const m = label.exec(line);
      if (!m) return;
      const [, kind, rule] = m;
      const t = tallyOf(rule);
      const hit = flagged.has(`${rule}:${i}`);
      if (kind === 'fault') {
        t.faults++;
        if (hit) t.found++;
        else t.missed.push(`${fileName}:${i + 1}`);
      } else {
        t.safe++;
        if (hit) t.flaggedSafe++;
      }
    });
  }
  const rows = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log('rule                  faults  found  recall   look-alikes  flagged');
  console.log('--------------------  ------  -----  -------  -----------  -------');
  for (const [rule, t] of rows) {
    const recall = t.faults === 0 ? '–' : `${((100 * t.found) / t.faults).toFixed(1)} %`;
    console.log(`${rule.padEnd(20)}  ${String(t.faults).padStart(6)}  ${String(t.found).padStart(5)}  ${recall.padStart(7)}  ${String(t.safe).padStart(11)}  ${String(t.flaggedSafe).padStart(7)}`);
  }
  for (const [rule, t] of rows) if (t.missed.length > 0) console.log(`\nmissed ${rule}: ${t.missed.join(', ')}`);
}

main();
