/**
 * Suppression comments:
 *   // vigil-ignore-next-line <rule-id>[, <rule-id>] -- reason
 *   // vigil-ignore-line <rule-id>
 *   /* vigil-ignore-file <rule-id> *\/
 * Without a rule id the comment covers every rule.
 */
const directive = /(?:\/\/|\/\*)\s*vigil-ignore-(next-line|line|file)\b([^\n]*)/g;

export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const all = '*';

function ruleIds(rest: string): string[] {
  const text = rest.replace(/\*\/.*$/, '').split(/\s--\s?|\s--$/)[0];
  const ids = text.split(/[\s,]+/).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
  return ids.length > 0 ? ids : [all];
}

export function findSuppressions(text: string): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const fileWide = new Set<string>();
  if (!text.includes('vigil-ignore')) return { isSuppressed: () => false };
  let line = 0;
  let lineStart = 0;
  for (const match of text.matchAll(directive)) {
    const at = match.index ?? 0;
    for (let i = text.indexOf('\n', lineStart); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const ids = ruleIds(match[2]);
    if (match[1] === 'file') {
      ids.forEach((id) => fileWide.add(id));
      continue;
    }
    const target = match[1] === 'next-line' ? line + 1 : line;
    let set = byLine.get(target);
    if (!set) byLine.set(target, (set = new Set()));
    ids.forEach((id) => set!.add(id));
  }
  return {
    isSuppressed(ruleId, findingLine) {
      if (fileWide.has(all) || fileWide.has(ruleId)) return true;
      const set = byLine.get(findingLine);
      return set !== undefined && (set.has(all) || set.has(ruleId));
    },
  };
}
