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

/** What a rule doc's header paragraph states: `# <id>`, then `**Category:** … · **Default severity:** … · **Fix:** …`. */
export interface DocHeader {
  title: string;
  category: string | undefined;
  severity: string | undefined;
  /** `none` for "**Fix:** none"; `safe` when the fix text says safe; `suggestion` when it says suggestion(s). */
  fix: 'none' | 'safe' | 'suggestion' | undefined;
}

export function docHeader(ruleId: string): DocHeader {
  const lines = fs.readFileSync(docPath(ruleId), 'utf8').split('\n');
  const title = /^#\s+(\S+)/.exec(lines[0] ?? '')?.[1] ?? '';
  const end = lines.indexOf('', 2);
  const paragraph = lines.slice(2, end === -1 ? undefined : end).join(' ');
  const category = /\*\*Category:\*\*\s*([a-z]+)/.exec(paragraph)?.[1];
  const severity = /\*\*Default severity:\*\*\s*([a-z]+)/.exec(paragraph)?.[1];
  const fixText = /\*\*Fix(?:es)?:\*\*\s*(.*)$/.exec(paragraph)?.[1] ?? '';
  // The tier is the word in the trailing parenthesis; fix titles before it may themselves contain "safe".
  const tierText = /\(([^()]*)\)\s*$/.exec(fixText)?.[1] ?? fixText;
  const fix = /^none\b/.test(fixText) ? 'none' : /^safe\b/.test(tierText) ? 'safe' : /\bsuggestions?\b/.test(tierText) ? 'suggestion' : undefined;
  return { title, category, severity, fix };
}
