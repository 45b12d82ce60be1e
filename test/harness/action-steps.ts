/**
 * The shell of a step of action.yml, run as GitHub runs a composite step (`bash --noprofile --norc -eo pipefail`),
 * with the step's inputs as the environment variables the action maps them to. Reads the block scalar after
 * `run: |` of the step with that `name:`; the action keeps its scripts in that one form.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export function stepScript(name: string): string {
  const lines = fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === `- name: ${name}`);
  if (start < 0) throw new Error(`no step "${name}" in action.yml`);
  const run = lines.findIndex((l, i) => i > start && l.trim() === 'run: |');
  const indent = (lines[run + 1].match(/^ */) ?? [''])[0].length;
  const body: string[] = [];
  for (let i = run + 1; i < lines.length && (lines[i].trim() === '' || lines[i].startsWith(' '.repeat(indent))); i++) {
    body.push(lines[i].slice(indent));
  }
  return body.join('\n');
}

export interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export function runStep(name: string, cwd: string, env: Record<string, string>): StepRun {
  const outputFile = path.join(cwd, '.github-output');
  fs.writeFileSync(outputFile, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', stepScript(name)], {
    cwd,
    env: { ...process.env, VIGIL: path.join(repoRoot, 'bin', 'vigil.js'), GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: cwd, ...env },
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    fs.readFileSync(outputFile, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}
