/**
 * git on a repository Vigil reads, for what needs more than safe-git.ts's one-shot questions about commits: the
 * work tree diffed against a commit (`--changed`), blame of a work-tree file, and notes written from stdin. It runs
 * with safe-git's arguments and environment (no repository-configured program, no system or global config, no
 * inherited GIT_* variable, no network), and, since it does read the work tree, with every filter driver the
 * repository's config defines emptied. Notes are written under Vigil's own name: the global config, where a
 * user's name lives, is not read.
 */
import { spawn } from 'node:child_process';
import { safeGitArguments, safeGitEnvironment } from './safe-git';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

const timeoutMs = 30_000;

const identity: readonly (readonly [string, string])[] = [['user.name', 'Vigil'], ['user.email', 'vigil@localhost']];

function spawnGit(cwd: string, args: readonly string[], extraConfig: readonly (readonly [string, string])[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    const config = [...identity, ...extraConfig].flatMap(([key, value]) => ['-c', `${key}=${value}`]);
    let child;
    try {
      child = spawn('git', safeGitArguments([...config, ...args]), { cwd, env: safeGitEnvironment(), windowsHide: true, timeout: timeoutMs, stdio: ['pipe', 'pipe', 'pipe'] });
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
