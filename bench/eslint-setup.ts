/**
 * The ESLint side of the comparison: ESLint 9 with eslint-plugin-security's and eslint-plugin-sonarjs's
 * recommended configs, written as a flat config above the copied corpus (ESLint 9 ignores files outside the
 * config file's folder, and always ignores node_modules, hence the copy).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const eslintDescription = 'ESLint 9 + eslint-plugin-security recommended + eslint-plugin-sonarjs recommended';

export interface EslintSetup {
  /** bin/eslint.js of the installed ESLint. */
  bin: string;
  config: string;
  /** Environment for the ESLint process. */
  env: NodeJS.ProcessEnv;
}

/**
 * Writes `<workDir>/eslint.config.cjs`, above the corpus copy and outside what Vigil scans; plugins are required
 * by absolute path, as the config lives in a temp dir. `.js` files are read as CommonJS, as published packages
 * mostly are; `javaScript: 'module'` writes `eslint.module.config.cjs` beside it, reading them as ES modules, for
 * the files the first config cannot parse (source trees written with `import`).
 */
export function setUpEslint(workDir: string, javaScript: 'commonjs' | 'module' = 'commonjs'): EslintSetup {
  const resolve = (id: string): string => require.resolve(id, { paths: [process.cwd(), __dirname] });
  const config = path.join(workDir, javaScript === 'commonjs' ? 'eslint.config.cjs' : 'eslint.module.config.cjs');
  fs.writeFileSync(
    config,
    `// Written by bench/eslint-setup.ts for one bench run.
const security = require(${JSON.stringify(resolve('eslint-plugin-security'))});
const sonarjs = require(${JSON.stringify(resolve('eslint-plugin-sonarjs'))});
module.exports = [
  // The corpus is published CommonJS (.js, .cjs) and ES modules (.mjs).
  { files: ['**/*.js'], languageOptions: { sourceType: '${javaScript}', ecmaVersion: 'latest' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest' } },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
  security.configs.recommended,
  sonarjs.configs.recommended,
];
`,
  );
  const bin = path.join(path.dirname(resolve('eslint/package.json')), 'bin', 'eslint.js');
  return { bin, config, env: process.env };
}

/** Arguments for linting `target` (a folder, or files) with that config: no cache, no inline directives, results to a JSON file. */
export function eslintArgs(setup: EslintSetup, target: string | readonly string[], output: string): string[] {
  // --no-inline-config: the published code carries `eslint-disable` comments for rules this config lacks.
  return ['--config', setup.config, '--no-inline-config', '--no-warn-ignored', '--format', 'json', '--output-file', output, ...[target].flat()];
}

export interface EslintOutcome {
  files: number;
  messages: number;
  /** Files ESLint could not parse: it linted nothing in them. */
  fatal: number;
}

export function readEslintOutput(output: string): EslintOutcome | undefined {
  if (!fs.existsSync(output)) return undefined;
  const results = JSON.parse(fs.readFileSync(output, 'utf8')) as Array<{ messages: Array<{ fatal?: boolean }> }>;
  return {
    files: results.length,
    messages: results.reduce((n, r) => n + r.messages.length, 0),
    fatal: results.filter((r) => r.messages.some((m) => m.fatal)).length,
  };
}
