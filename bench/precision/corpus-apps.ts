/**
 * The apps of the precision corpus (apps.json) and how this machine gets them: a bare git directory per app, as the
 * search tool's fetch leaves it (`<mirror>/<owner>+<name>/repo`), exported at the pinned commit with `git archive`.
 * Only what Vigil reads is exported (sources, package.json, .gitignore): snapshots may lack their largest blobs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A repository at one commit: what gets exported. */
export interface PinnedRepo {
  /** owner/name on GitHub. */
  repo: string;
  commit: string;
}

export interface CorpusApp extends PinnedRepo {
  stack: string;
  why: string;
}

const exportedPaths: ReadonlyArray<readonly [string, RegExp]> = [
  ['*.js', /\.js$/],
  ['*.mjs', /\.mjs$/],
  ['*.cjs', /\.cjs$/],
  ['*.jsx', /\.jsx$/],
  ['*.ts', /\.ts$/],
  ['*.mts', /\.mts$/],
  ['*.cts', /\.cts$/],
  ['*.tsx', /\.tsx$/],
  ['*package.json', /(^|\/)package\.json$/],
  ['*.gitignore', /(^|\/)\.gitignore$/],
];

export function readApps(file: string): CorpusApp[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { apps: CorpusApp[] };
  return parsed.apps;
}

/** The folder name an app gets here and in fingerprints: `owner+name`. */
export function appKey(app: Pick<PinnedRepo, 'repo'>): string {
  return app.repo.replace('/', '+');
}

/**
 * The git directory of `repo` in the mirror: fetch leaves most snapshots bare (`repo/`) and some as a clone
 * (`repo/.git`). Undefined when the repository is not on this machine.
 */
export function mirrorGitDir(repo: Pick<PinnedRepo, 'repo'>, mirror: string): string | undefined {
  const base = path.join(mirror, appKey(repo), 'repo');
  const cloned = path.join(base, '.git');
  if (fs.existsSync(cloned)) return cloned;
  return fs.existsSync(base) ? base : undefined;
}

/**
 * Exports `app` at its commit into `into` (emptied first). Returns undefined when done, or why the app is missing
 * from this machine.
 */
export function exportApp(app: PinnedRepo, mirror: string, into: string): string | undefined {
  const gitDir = mirrorGitDir(app, mirror);
  if (gitDir === undefined) return `no mirror at ${path.join(mirror, appKey(app), 'repo')}`;
  const known = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${app.commit}^{commit}`]);
  if (known.status !== 0) return `commit ${app.commit} is not in ${gitDir}`;
  // git archive fails on a pathspec that matches nothing, so only the patterns some file matches are passed.
  const files = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', app.commit], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const names = files.stdout.split('\n');
  const patterns = exportedPaths.filter(([, re]) => names.some((n) => re.test(n))).map(([pattern]) => pattern);
  fs.rmSync(into, { recursive: true, force: true });
  fs.mkdirSync(into, { recursive: true });
  if (patterns.length === 0) return undefined;
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format', 'tar', app.commit, '--', ...patterns], { maxBuffer: 1 << 30 });
  if (archive.status !== 0) return `git archive failed: ${archive.stderr.toString().trim()}`;
  const untar = spawnSync('tar', ['-x', '-C', into], { input: archive.stdout });
  if (untar.status !== 0) return `tar failed: ${untar.stderr.toString().trim()}`;
  return undefined;
}
