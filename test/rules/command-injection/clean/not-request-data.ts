// expect: none
import { exec, execSync } from 'child_process';
import { execa, $ } from 'execa';
import path from 'node:path';

// A build script runs commands from its own arguments and config: that is its job, not an injection.
const [, , target] = process.argv;
execSync(`npm run build -- --target ${target}`, { stdio: 'inherit' });

const root = path.resolve(__dirname, '..');
exec(`git -C ${root} rev-parse HEAD`, (err, sha) => console.log(sha));

export async function release(version: string) {
  await execa('npm', ['version', version]);
  await $`git tag v${version}`;
}

// RegExp#exec is not child_process.
export function firstWord(req: { body: { text: string } }) {
  return /\w+/.exec(req.body.text)?.[0];
}

export function compileAll() {
  const cmd = 'tsc -p tsconfig.build.json';
  return execSync(cmd).toString();
}
