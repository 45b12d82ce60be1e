/** The code blocks under a rule doc's "## Unsafe" and "## Safe" headings, run as tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export interface DocExample {
  kind: 'unsafe' | 'safe';
  lang: string;
  code: string;
}

export function docPath(ruleId: string): string {
  return path.join(repoRoot, 'docs', 'rules', `${ruleId}.md`);
}

export function docExamples(ruleId: string): DocExample[] {
  const text = fs.readFileSync(docPath(ruleId), 'utf8');
  const out: DocExample[] = [];
  let kind: DocExample['kind'] | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^##\s+(Unsafe|Safe)\b/i.exec(lines[i]);
    if (heading) {
      kind = heading[1].toLowerCase() as DocExample['kind'];
      continue;
    }
    if (/^##\s/.test(lines[i])) kind = undefined;
    const fence = /^```(js|jsx|ts|tsx)\s*$/.exec(lines[i]);
    if (fence && kind) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      out.push({ kind, lang: fence[1], code: body.join('\n') + '\n' });
    }
  }
  return out;
}
