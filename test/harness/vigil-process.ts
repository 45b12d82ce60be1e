/** Runs the built `vigil` as a user does (`node bin/vigil.js …`) on throwaway project folders. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

export interface VigilRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runVigil(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, input?: string): VigilRun {
  const baseEnv = { ...process.env };
  delete baseEnv.NO_COLOR;
  delete baseEnv.FORCE_COLOR;
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'vigil.js'), ...args], {
    cwd,
    env: { ...baseEnv, ...env },
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `files` (relative path → content); removed by `removeProjects`. */
const made: string[] = [];
export function makeProject(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-')));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function removeProjects(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A file with one jwt-missing-expiry finding, on line 3. */
export const unsafeJwt = "const jwt = require('jsonwebtoken');\n/** Signs a session token for the user. */ function issue(user) {\n  return jwt.sign({ sub: user.id }, process.env.SECRET);\n}\nmodule.exports = { issue };\n";

/** The same code, correct (its export documented, so that no other rule has a finding in it either). */
export const safeJwt = "const jwt = require('jsonwebtoken');\n/** Signs a session token for the user. */ function issue(user) {\n  return jwt.sign({ sub: user.id }, process.env.SECRET, { expiresIn: '1h' });\n}\nmodule.exports = { issue };\n";

export interface JsonFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  category: string;
  severity: string;
  message: string;
  fixes: { title: string; safe: boolean }[];
}

export interface JsonOutput {
  version: string;
  findings: JsonFinding[];
  summary: { files: number; problems: number; fixesApplied: number; filesWithSyntaxErrors: number; syntaxErrorFiles: { path: string; line: number; column: number; message: string }[]; skipped: { path: string; reason: string }[] };
}

/** `vigil scan --format json` restricted to jwt-missing-expiry, so the assertions hold as rules are added. */
export function scanJson(cwd: string, extra: readonly string[] = []): { run: VigilRun; json: JsonOutput } {
  const run = runVigil(['scan', ...extra, '--format', 'json', '--rules', 'jwt-missing-expiry'], cwd);
  return { run, json: JSON.parse(run.stdout) as JsonOutput };
}
