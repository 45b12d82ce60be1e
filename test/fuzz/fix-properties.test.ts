/**
 * Every fix of every finding in the examples (and in the rule fixtures' flagged files), applied one at a time to
 * the file as written and to the same file with CRLF line endings: the result parses, the finding is gone, no
 * finding is added, the text outside the edited region is what it was, a CRLF file gets no bare \n, and the same
 * fix is not offered again at the same place (applying it twice changes nothing more).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fix';
import type { Fix, Position } from '../../server/src/core/types';
import { checkFix } from '../harness/apply-fix';
import { repoRoot } from '../harness/paths';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return /\.[cm]?[jt]sx?$/.test(e.name) && !/\.fixed\./.test(e.name) ? [full] : [];
  });
}

const files = [
  ...sources(path.join(repoRoot, 'examples')),
  ...fs.readdirSync(path.join(repoRoot, 'test', 'rules')).flatMap((id) => {
    const flagged = path.join(repoRoot, 'test', 'rules', id, 'flagged');
    return fs.existsSync(flagged) ? sources(flagged) : [];
  }),
];

function offsetOf(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + p.character;
}

const bareLineFeeds = (text: string): number => (text.match(/(?<!\r)\n/g) ?? []).length;
const sameFix = (a: Fix, b: Fix): boolean => a.title === b.title && JSON.stringify(a.edits) === JSON.stringify(b.edits);

describe('fix properties: every fix of every finding, one at a time', function () {
  this.timeout(300_000);

  it(`holds for the examples and the flagged fixtures (${files.length} files), with LF and with CRLF`, () => {
    let applied = 0;
    for (const file of files) {
      const relative = path.relative(repoRoot, file);
      const original = fs.readFileSync(file, 'utf8');
      for (const text of [original, original.replace(/\r?\n/g, '\r\n')]) {
        const crlf = text.includes('\r\n');
        // A fixture is analysed under its name inside the rule's folder, as the fixture harness does (a path under
        // test/ would make it a test file).
        const fileName = /^test[\\/]rules[\\/][^\\/]+[\\/]/.test(relative) ? relative.split(/[\\/]/).slice(3).join('/') : relative;
        const before = analyze({ text, fileName });
        for (const finding of before.findings) {
          for (const fix of finding.fixes) {
            const fixed = checkFix(text, fileName, finding, fix);
            applied++;
            const where = `"${fix.title}" for ${finding.ruleId} at ${relative}:${finding.range.start.line + 1}${crlf ? ' (CRLF)' : ''}`;
            const start = Math.min(...fix.edits.map((e) => offsetOf(text, e.range.start)));
            const end = Math.max(...fix.edits.map((e) => offsetOf(text, e.range.end)));
            const tail = text.length - end;
            assert.equal(fixed.slice(0, start), text.slice(0, start), `${where}: text before the edit changed`);
            assert.equal(fixed.slice(fixed.length - tail), text.slice(end), `${where}: text after the edit changed`);
            if (crlf) assert.equal(bareLineFeeds(fixed), 0, `${where}: a bare \\n in a CRLF file`);
            const again = analyze({ text: fixed, fileName });
            assert.ok(!again.findings.some((f) => f.fixes.some((x) => sameFix(x, fix))), `${where}: the same fix is offered again`);
            assert.equal(applyEdits(text, fix.edits), fixed);
          }
        }
      }
    }
    assert.ok(applied > 100, `only ${applied} fixes applied`);
  });
});
