/**
 * The README's rules table, made from the registry so it cannot drift: a test checks the README holds it, and
 * `npm run readme:rules` rewrites it between its markers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/registry';
import { repoRoot } from './paths';

export const begin = '<!-- rules-table:begin (npm run readme:rules) -->';
export const end = '<!-- rules-table:end -->';

export function rulesTable(): string {
  const fixLabel = { safe: 'safe fix', suggestion: 'suggestion', none: '—' } as const;
  const rows = rules.map(
    (r) => `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.category} | ${r.meta.defaultSeverity} | ${r.meta.title} | ${fixLabel[r.meta.fixable]} |`,
  );
  return [begin, '| rule | category | default | what it reports | fix |', '| --- | --- | --- | --- | --- |', ...rows, end].join('\n');
}

export function readmePath(): string {
  return path.join(repoRoot, 'README.md');
}

if (require.main === module) {
  const text = fs.readFileSync(readmePath(), 'utf8');
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start === -1 || stop === -1) throw new Error(`README.md has no ${begin} … ${end} markers`);
  fs.writeFileSync(readmePath(), text.slice(0, start) + rulesTable() + text.slice(stop + end.length));
}
