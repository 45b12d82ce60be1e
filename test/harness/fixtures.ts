/**
 * A rule's fixtures, `test/rules/<rule-id>/`:
 *   flagged/*   `// expect: <rule-id>:<column>` marks where a finding must start, and nothing else by that rule
 *               is reported;
 *   clean/*     start with `// expect: none` (so an empty run cannot pass by accident) and are not reported;
 *   fixes/<name>.<ext> with `// fix: <title>` on the first line, and `<name>.fixed.<ext>`, the exact result
 *               of applying that fix until no finding offers it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export interface FixtureFile {
  file: string;
  text: string;
}

export interface FixCase {
  input: FixtureFile;
  expected: FixtureFile;
  title: string;
}

export function fixtureDir(ruleId: string): string {
  return path.join(repoRoot, 'test', 'rules', ruleId);
}

/**
 * The name a fixture is analysed under: relative to its rule's folder (`flagged/login.js`), as a file of a
 * project would be, so that living under this repository's `test/` does not make every fixture test code.
 */
export function fixtureName(ruleId: string, file: string): string {
  return path.relative(fixtureDir(ruleId), file).split(path.sep).join('/');
}

function filesIn(dir: string): FixtureFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.[cm]?[jt]sx?$/.test(f))
    .sort()
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export function flaggedFixtures(ruleId: string): FixtureFile[] {
  return filesIn(path.join(fixtureDir(ruleId), 'flagged'));
}

export function cleanFixtures(ruleId: string): FixtureFile[] {
  return filesIn(path.join(fixtureDir(ruleId), 'clean'));
}

export function fixCases(ruleId: string): FixCase[] {
  const all = filesIn(path.join(fixtureDir(ruleId), 'fixes'));
  return all
    .filter((f) => !/\.fixed\.[cm]?[jt]sx?$/.test(f.file))
    .map((input) => {
      const expectedFile = input.file.replace(/(\.[cm]?[jt]sx?)$/, '.fixed$1');
      const expected = all.find((f) => f.file === expectedFile);
      if (!expected) throw new Error(`${input.file} has no ${path.basename(expectedFile)}`);
      const title = /^\/\/ fix: (.+)$/m.exec(input.text)?.[1]?.trim();
      if (!title) throw new Error(`${input.file} does not start with "// fix: <title>"`);
      return { input, expected, title };
    });
}

/** Where a finding is expected: 0-based line, 1-based column (as editors show it). */
export interface Expectation {
  line: number;
  column: number;
}

/**
 * The expectations of `ruleId` in a fixture: `// expect: <rule-id>:<column>` on the line where the finding starts
 * (a line may list several, comma-separated). A marker without its column is an error, so a finding cannot
 * drift along its line unnoticed.
 */
export function expectations(text: string, ruleId: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /(?:\/\/|\/\*|\{\/\*)\s*expect:\s*([a-z0-9:,\s-]+)/.exec(line);
    if (!m) return;
    for (const item of m[1].split(/[\s,]+/).filter(Boolean)) {
      if (item === 'none') continue;
      const [id, column] = item.split(':');
      if (id !== ruleId) continue;
      if (!/^[1-9][0-9]*$/.test(column ?? '')) throw new Error(`line ${i + 1}: "expect: ${item}" needs its column, as "${id}:<column>"`);
      out.push({ line: i, column: Number(column) });
    }
  });
  return out;
}

/** `line:column` (both 1-based) of each expectation, the form tests compare. */
export function expectedPlaces(text: string, ruleId: string): string[] {
  return expectations(text, ruleId).map((e) => `${e.line + 1}:${e.column}`);
}

/** The same form for a finding's LSP range start. */
export function placeOf(start: { line: number; character: number }): string {
  return `${start.line + 1}:${start.character + 1}`;
}

export function declaresClean(text: string): boolean {
  return /^\s*(\/\/|\{?\/\*)\s*expect: none\b/.test(text);
}
