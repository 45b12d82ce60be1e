/**
 * `npm run new-rule -- <category> <rule-id>`: writes a new rule's module, its flagged and clean fixtures and its
 * doc from tools/rule-templates/, and registers it in server/src/core/registry.ts (as oxc's and Biome's
 * `new-lintrule` do). What it writes builds and passes the meta-tests as it is, reporting a placeholder call, so
 * the author starts from green and changes the rule, the fixtures and the doc together. Runs on the repository
 * in the current folder (npm runs scripts at the package root).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** 'sql-injection' → 'sqlInjection'. */
export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The categories the core's `Category` type allows, read from its source so they cannot drift. */
function categories(root: string): string[] {
  const types = fs.readFileSync(path.join(root, 'server/src/core/types.ts'), 'utf8');
  const union = /export type Category\s*=([^;]+);/.exec(types)?.[1] ?? '';
  return [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

function fill(root: string, template: string, values: Readonly<Record<string, string>>): string {
  const text = fs.readFileSync(path.join(root, 'tools/rule-templates', template), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Adds the import (kept in path order) and the entry after the last rule of the same category. */
export function register(registry: string, category: string, id: string, exportName: string): string {
  const importLine = `import { ${exportName} } from './rules/${category}/${id}';`;
  const lines = registry.split('\n');
  const imports = lines.map((l, i) => ({ l, i, from: /^import \{ (\w+) \} from '\.\/rules\/([a-z-]+)\/([a-z0-9-]+)';$/.exec(l) })).filter((x) => x.from);
  if (imports.length === 0) throw new Error('registry.ts has no rule imports to add to');
  const after = imports.filter((x) => `${x.from![2]}/${x.from![3]}` < `${category}/${id}`).pop();
  lines.splice(after ? after.i + 1 : imports[0].i, 0, importLine);

  const categoryOf = new Map(imports.map((x) => [x.from![1], x.from![2]]));
  const start = lines.findIndex((l) => /^export const rules: readonly Rule\[\] = \[$/.test(l));
  const end = lines.indexOf('];', start);
  if (start === -1 || end === -1) throw new Error('registry.ts has no `export const rules: readonly Rule[] = [ … ];` list');
  let at = end;
  for (let i = start + 1; i < end; i++) if (categoryOf.get(lines[i].trim().replace(/,$/, '')) === category) at = i + 1;
  lines.splice(at, 0, `  ${exportName},`);
  return lines.join('\n');
}

export function newRule(root: string, category: string, id: string): string[] {
  const known = categories(root);
  if (!known.includes(category)) throw new Error(`the category must be one of ${known.join(', ')}, got "${category}"`);
  if (!/^[a-z]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`a rule id is kebab-case (as "sql-injection"), got "${id}"`);
  const exportName = camelCase(id);
  const exampleCall = camelCase(`unchecked-${id}`);
  const values = {
    id,
    category,
    exportName,
    exampleCall,
    ExampleCall: exampleCall[0].toUpperCase() + exampleCall.slice(1),
    title: `${id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}`,
  };
  const files: Record<string, string> = {
    [`server/src/core/rules/${category}/${id}.ts`]: fill(root, 'rule.ts.tmpl', values),
    [`test/rules/${id}/flagged/${id}.js`]: fill(root, 'flagged.js.tmpl', values),
    [`test/rules/${id}/clean/${id}.js`]: fill(root, 'clean.js.tmpl', values),
    [`docs/rules/${id}.md`]: fill(root, 'doc.md.tmpl', values),
  };
  for (const file of Object.keys(files)) {
    if (fs.existsSync(path.join(root, file))) throw new Error(`${file} already exists: is "${id}" a rule already?`);
  }
  const registryPath = path.join(root, 'server/src/core/registry.ts');
  const registry = register(fs.readFileSync(registryPath, 'utf8'), category, id, exportName);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  fs.writeFileSync(registryPath, registry);
  return [...Object.keys(files), 'server/src/core/registry.ts'];
}

if (require.main === module) {
  const [category, id] = process.argv.slice(2);
  if (category === undefined || id === undefined) {
    process.stderr.write('Usage: npm run new-rule -- <category> <rule-id>\n');
    process.exit(2);
  }
  try {
    const written = newRule(process.cwd(), category, id);
    process.stdout.write(`${written.map((f) => `  ${f}`).join('\n')}\n\nNext: make the rule ask its real question, change the fixtures and the doc with it, then\n  npm run manifest:rules && npm run readme:rules && npm run descriptions:rules && npm test\n`);
  } catch (error) {
    process.stderr.write(`new-rule: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
