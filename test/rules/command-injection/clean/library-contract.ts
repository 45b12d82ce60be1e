// expect: none
import { exec, execSync, execFile } from 'child_process';
import type { FastifyInstance } from 'fastify';

// The whole command is the wrapper's contract: its caller decides what runs.
export function run(cmd: string) {
  return execSync(cmd);
}

// A program and its arguments, without a shell.
export function version(bin: string, flag: string) {
  execFile(bin, [flag]);
}

// Not exported: only this module calls it, with its own values.
function echo(name: string) {
  exec('echo ' + name);
}
echo('ready');

// A framework instance and a number are not text from a caller.
export const plugin = (app: FastifyInstance) => exec('mkdir -p ' + app.config.UPLOAD_DIR);
export function kill(pid: number) {
  exec('kill ' + pid);
}

// A redirect target or an event of another library is not a shell command's source.
export function handler(emitter: { on(e: string, f: (n: string) => void): void }) {
  emitter.on('file', (name) => execFile('file', [name]));
}

// The whole command, only moved through a variable or started empty: still the wrapper's contract.
export function runLater(command: string) {
  let cmd = '';
  cmd += command;
  return execSync(cmd);
}
export function runParts(command: string) {
  const parts: string[] = [];
  parts.push(command);
  return execSync(parts.join(' '));
}
