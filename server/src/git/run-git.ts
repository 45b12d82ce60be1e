/**
 * Runs git on a repository Vigil reads, without letting that repository run programs. A repository's config can
 * name programs that git starts on its own (core.fsmonitor on every status or diff, an external diff or textconv
 * driver, clean/smudge filters when a work-tree file is compared, a pager); a checkout from a pull request is
 * code nobody has reviewed yet, so none of them may run. The inherited GIT_* environment is dropped too (a hook
 * or a CI step can point it at another repository or an external diff; the author and committer names stay), and no
 * command may reach the network.
 */
import { spawn } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Config that wins over every file (command-line scope, passed through GIT_CONFIG_COUNT). */
const pinnedConfig: readonly (readonly [string, string])[] = [
  ['core.fsmonitor', 'false'],
  ['core.pager', 'cat'],
  ['diff.external', ''],
  ['core.quotePath', 'true'],
  ['protocol.allow', 'never'],
];

const timeoutMs = 30_000;

/** Who writes a note: identity only, nothing that points git elsewhere. */
const keptGitVariables = new Set(['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']);

function safeEnv(extraConfig: readonly (readonly [string, string])[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_') || keptGitVariables.has(key)) env[key] = value;
  const config = [...pinnedConfig, ...extraConfig];
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_PAGER = 'cat';
  return env;
}

function spawnGit(cwd: string, args: readonly string[], extraConfig: readonly (readonly [string, string])[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', args, { cwd, env: safeEnv(extraConfig), windowsHide: true, timeout: timeoutMs, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (error) {
      resolve({ ok: false, stdout: '', stderr: String(error) });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => resolve({ ok: false, stdout: '', stderr: error.message }));
    child.on('close', (code) => resolve({ ok: code === 0, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Every filter driver the repository's config defines, emptied: git then compares the file's bytes as they are. */
function filterOverrides(listing: string): [string, string][] {
  const drivers = new Set<string>();
  for (const line of listing.split('\0')) {
    const match = /^filter\.(.+)\.(?:clean|smudge|process|required)\n/.exec(line);
    if (match) drivers.add(match[1]);
  }
  return [...drivers].flatMap((d): [string, string][] => [
    [`filter.${d}.clean`, ''],
    [`filter.${d}.smudge`, ''],
    [`filter.${d}.process`, ''],
    [`filter.${d}.required`, 'false'],
  ]);
}

/** One repository, found from a folder inside its work tree. */
export interface Repository {
  /** The work tree's top folder, as git spells it (absolute, `/`-separated). */
  root: string;
  git(args: readonly string[], input?: string): Promise<GitResult>;
}

/** Undefined when `dir` is not in a git work tree, or git is not installed. */
export async function openRepository(dir: string): Promise<Repository | undefined> {
  const top = await spawnGit(dir, ['rev-parse', '--show-toplevel'], []);
  if (!top.ok) return undefined;
  const root = top.stdout.trim();
  const listing = await spawnGit(root, ['config', '-z', '--get-regexp', '^filter\\.'], []);
  const overrides = filterOverrides(listing.stdout);
  return { root, git: (args, input) => spawnGit(root, args, overrides, input) };
}
