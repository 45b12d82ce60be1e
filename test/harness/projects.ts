/** The multi-file apps under test/projects/, what each checks, and the expectations written in their files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectations } from './fixtures';
import { repoRoot } from './paths';

export interface ProjectCase {
  name: string;
  rules: readonly string[];
  /** Files that are clean only thanks to the project: analysed alone, each has a finding of these rules. */
  cleanByComposition: readonly string[];
  /** Files flagged only thanks to the project (a guard applied app-wide, a helper or model of another file): alone, each is clean. */
  flaggedByComposition?: readonly string[];
}

export const projects: readonly ProjectCase[] = [
  { name: 'express-routers', rules: ['missing-rate-limit', 'missing-csrf'], cleanByComposition: ['src/routes/auth.js'] },
  { name: 'express-reexported-routers', rules: ['missing-rate-limit'], cleanByComposition: ['src/routes/auth.js', 'src/routes/account/router.ts'] },
  { name: 'fastify-autoload', rules: ['missing-rate-limit'], cleanByComposition: ['src/routes/auth/index.ts'] },
  { name: 'fastify-knex', rules: ['missing-rate-limit', 'sql-injection'], cleanByComposition: ['src/routes/accounts.js'] },
  { name: 'fastify-plugin-prefix', rules: ['missing-rate-limit'], cleanByComposition: ['src/routes/accounts.js'] },
  { name: 'fastify-unlimited', rules: ['missing-rate-limit'], cleanByComposition: [] },
  { name: 'monorepo', rules: ['missing-rate-limit'], cleanByComposition: ['packages/http/src/auth-router.ts'] },
  {
    name: 'nest-global-guard',
    rules: ['missing-rate-limit', 'missing-authorization'],
    cleanByComposition: ['src/auth/auth.controller.ts'],
    flaggedByComposition: ['src/messages/messages.controller.ts'],
  },
  {
    name: 'express-dao',
    rules: ['sql-injection', 'nosql-injection', 'command-injection', 'path-traversal', 'open-redirect', 'xss', 'ssrf', 'code-injection'],
    cleanByComposition: [],
    flaggedByComposition: ['src/routes/auth.js', 'src/routes/tools.ts', 'src/routes/profile.ts'],
  },
  {
    name: 'mern-models',
    rules: ['nosql-injection', 'unbounded-query', 'n-plus-one-query'],
    cleanByComposition: [],
    flaggedByComposition: ['src/routes/comments.js'],
  },
  {
    name: 'express-pg-services',
    rules: ['weak-password-hash', 'n-plus-one-query', 'missing-transaction'],
    cleanByComposition: [],
    flaggedByComposition: ['src/routes/auth.js', 'src/routes/reports.js', 'src/routes/checkout.js'],
  },
  { name: 'next-prisma', rules: ['unbounded-query', 'n-plus-one-query', 'sql-injection'], cleanByComposition: [] },
  {
    name: 'express-mysql-models',
    rules: ['missing-rate-limit', 'sql-injection', 'path-traversal'],
    cleanByComposition: ['src/app/routes/auth.routes.js'],
    flaggedByComposition: ['src/app/controllers/tutorial.controller.js'],
  },
];

export const projectsRoot = path.join(repoRoot, 'test', 'projects');

export function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** `path:line:column rule` for every expectation written in the project's files. */
export function expected(dir: string, rules: readonly string[]): string[] {
  return filesOf(dir).flatMap((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return rules.flatMap((rule) => expectations(text, rule).map((e) => `${file}:${e.line + 1}:${e.column} ${rule}`));
  }).sort();
}
