/**
 * Writes into cases.json the lines each fix changed (`lines`, `patchedLines`), read from the mirror with
 * `git diff -U0 <vulnerable> <patched> -- <file>`, for the files a case names. Run it after adding a case; the
 * bench itself reads the lines from cases.json and needs no diff.
 * Usage: node out/bench/cve/fill-lines.js [--mirror DIR]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { mirrorGitDir } from '../precision/corpus-apps';
import { changedLines, readCases } from './cases';

function main(): void {
  const { values } = parseArgs({ options: { mirror: { type: 'string' } } });
  const mirror = values.mirror ?? process.env.VIGIL_MIRROR ?? '/work/.mirror';
  const file = path.join(__dirname, '..', '..', '..', 'bench', 'cve', 'cases.json');
  const cases = readCases(file);
  for (const c of cases) {
    const gitDir = mirrorGitDir(c, mirror);
    if (gitDir === undefined) {
      process.stderr.write(`${c.id}: ${c.repo} is not in ${mirror}; its lines are left as they are\n`);
      continue;
    }
    for (const f of c.files) {
      const changed = changedLines(gitDir, c.vulnerable, c.patched, f.path);
      if (changed.lines.length === 0 && changed.patchedLines.length === 0) throw new Error(`${c.id}: the fix does not change ${f.path}`);
      f.lines = changed.lines;
      f.patchedLines = changed.patchedLines;
    }
  }
  fs.writeFileSync(file, `${JSON.stringify({ cases }, null, 2)}\n`);
}

main();
