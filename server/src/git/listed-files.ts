/**
 * The files git counts as the repository's, under one folder: those it tracks and the untracked ones no ignore
 * rule excludes (`git ls-files --cached --others --exclude-standard`). A tracked file is the repository's even
 * when a .gitignore line matches it (a `db` line added after `server/db/*.js` was committed), which a walk that
 * reads .gitignore files cannot know. git runs as run-git.ts runs it: no repository-configured program, no
 * system or global config, pathspecs taken literally.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openRepository } from './run-git';

/**
 * The absolute paths git lists under `folder`, or undefined when git cannot answer for it: not in a work tree,
 * git missing or failing, or the folder itself ignored (a named `node_modules/lib` is walked as it always was).
 */
export async function gitListedFiles(folder: string): Promise<string[] | undefined> {
  let real: string;
  try {
    real = fs.realpathSync(folder);
  } catch {
    return undefined;
  }
  const repo = await openRepository(real);
  if (!repo) return undefined;
  // git spells its top folder through symbolic links resolved; the files are given back under `folder` as named.
  const top = path.resolve(repo.root);
  const relative = path.relative(top, real).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const spec = relative === '' ? '.' : relative;
  // check-ignore takes no pathspec magic: its argument is a plain path. --no-index: a folder holding tracked files counts too.
  if (spec !== '.' && (await repo.git(['check-ignore', '-q', '--no-index', '--', spec])).ok) return undefined;
  const listed = await repo.git(['--literal-pathspecs', 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', spec]);
  if (!listed.ok) return undefined;
  const files = new Set<string>();
  for (const name of listed.stdout.split('\0')) {
    if (name !== '') files.add(path.join(folder, path.relative(real, path.join(top, ...name.split('/')))));
  }
  return [...files];
}
