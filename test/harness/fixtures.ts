/**
 * A rule's fixtures, `test/rules/<rule-id>/`:
 *   flagged/*   lines carrying `// expect: <rule-id>` must be reported, and nothing else by that rule;
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

/** 0-based lines that carry `expect: <ruleId>` (a line may list several ids, comma-separated). */
export function expectedLines(text: string, ruleId: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /(?:\/\/|\/\*|\{\/\*)\s*expect:\s*([a-z0-9,\s-]+)/.exec(line);
    if (!m) return;
    const ids = m[1].split(/[\s,]+/).filter(Boolean);
    for (const id of ids) if (id === ruleId) lines.push(i);
  });
  return lines;
}

export function declaresClean(text: string): boolean {
  return /^\s*(\/\/|\{?\/\*)\s*expect: none\b/.test(text);
}
