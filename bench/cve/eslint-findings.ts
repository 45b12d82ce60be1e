/**
 * ESLint's side of the CVE yardstick: eslint-plugin-security and eslint-plugin-sonarjs (recommended configs, as
 * bench/eslint-setup.ts writes them) over an exported tree, and which of their rules stand for each fault class.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eslintArgs, setUpEslint } from '../eslint-setup';
import type { FaultClass } from './cases';

/** The rules of the two plugins that report each class; an ESLint finding of another rule is not counted. */
export const eslintRulesOf: Readonly<Record<FaultClass, readonly string[]>> = {
  'command-injection': ['security/detect-child-process', 'sonarjs/os-command', 'sonarjs/no-os-command-from-path'],
  'path-traversal': ['security/detect-non-literal-fs-filename'],
  'code-injection': ['security/detect-eval-with-expression', 'sonarjs/code-eval'],
  'prototype-pollution': ['security/detect-object-injection'],
  xss: ['security/detect-disable-mustache-escape', 'sonarjs/disabled-auto-escaping', 'sonarjs/no-angular-bypass-sanitization'],
};

export interface EslintFinding {
  /** Relative to the linted folder, with `/`. */
  path: string;
  line: number;
  ruleId: string;
}

export interface EslintScan {
  findings: EslintFinding[];
  /** Files neither config could parse. */
  unparsable: string[];
}

interface EslintResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; fatal?: boolean }>;
}

export function eslintInstalled(): boolean {
  try {
    for (const id of ['eslint/package.json', 'eslint-plugin-security', 'eslint-plugin-sonarjs']) require.resolve(id, { paths: [process.cwd(), __dirname] });
    return true;
  } catch {
    return false;
  }
}

function lint(workDir: string, files: readonly string[], javaScript: 'commonjs' | 'module'): EslintResult[] {
  const setup = setUpEslint(workDir, javaScript);
  const output = path.join(workDir, `eslint-${javaScript}.json`);
  fs.rmSync(output, { force: true });
  const run = spawnSync(process.execPath, [setup.bin, ...eslintArgs(setup, files, output)], { cwd: workDir, env: setup.env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if ((run.status !== 0 && run.status !== 1) || !fs.existsSync(output)) throw new Error(`ESLint failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(fs.readFileSync(output, 'utf8')) as EslintResult[];
}

/**
 * Lints, in `folder` (which must lie inside `workDir`, where the configs are written), the JavaScript files of
 * `files` (relative paths: the files Vigil scanned, so both tools are measured on the same code), reading `.js`
 * as CommonJS and then, for the files that did not parse so, as ES modules.
 */
export function lintFolder(workDir: string, folder: string, files: readonly string[]): EslintScan {
  const javaScript = files.filter((f) => /\.[cm]?js$/.test(f)).map((f) => path.join(folder, f));
  if (javaScript.length === 0) return { findings: [], unparsable: [] };
  const relative = (file: string): string => path.relative(folder, file).split(path.sep).join('/');
  const fatal = (r: EslintResult): boolean => r.messages.some((m) => m.fatal);
  const first = lint(workDir, javaScript, 'commonjs');
  const retry = first.filter(fatal).map((r) => r.filePath);
  const second = retry.length === 0 ? [] : lint(workDir, retry, 'module');
  const results = [...first.filter((r) => !retry.includes(r.filePath)), ...second];
  return {
    findings: results.flatMap((r) =>
      r.messages.flatMap((m) => (m.fatal || m.ruleId === null ? [] : [{ path: relative(r.filePath), line: m.line, ruleId: m.ruleId }])),
    ),
    unparsable: results.filter(fatal).map((r) => relative(r.filePath)),
  };
}
