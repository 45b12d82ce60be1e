/**
 * Running git on a repository Vigil did not write, without letting the repository run anything. Git executes
 * programs named in its configuration: `core.fsmonitor` whenever it reads the index, `filter.*.clean` and
 * `diff.*.textconv` / `diff.external` whenever it reads or diffs the work tree, hooks, pagers, and transports
 * for a lazy fetch. A repository's own `.git/config` and `.gitattributes` are written by whoever wrote the
 * repository, so Vigil only asks git about commits (never the index, never the work tree), turns each of those
 * settings off on the command line, and gives git an environment that names no system or global config.
 */
import { execFile } from 'node:child_process';
import * as os from 'node:os';

/** Command-line settings, which override every config file the repository could bring. */
const overrides = [
  'core.fsmonitor=false',
  `core.hooksPath=${os.devNull}`,
  'core.untrackedCache=false',
  `core.attributesFile=${os.devNull}`,
  'core.pager=cat',
  'diff.external=',
  'protocol.allow=never',
];

/** The environment git runs with: no inherited GIT_* variable, no system or global config, no prompt, no lazy fetch. */
export function safeGitEnvironment(inherited: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'Path', 'SystemRoot', 'TEMP', 'TMP']) {
    if (inherited[name] !== undefined) env[name] = inherited[name];
  }
  return {
    ...env,
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_CONFIG_SYSTEM: os.devNull,
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_PAGER: 'cat',
  };
}

export function safeGitArguments(args: readonly string[]): string[] {
  return [...overrides.flatMap((setting) => ['-c', setting]), '--no-pager', ...args];
}

export interface GitAnswer {
  ok: boolean;
  stdout: string;
}

/** Runs `git <args>` in `cwd` as above; never rejects (no git, a timeout or a failure is `ok: false`). */
export function safeGit(cwd: string, args: readonly string[]): Promise<GitAnswer> {
  return new Promise((resolve) => {
    execFile(
      'git',
      safeGitArguments(args),
      { cwd, env: safeGitEnvironment(), timeout: 5000, maxBuffer: 16 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout) => resolve({ ok: !error, stdout: String(stdout) }),
    );
  });
}
