/**
 * A scanned folder that is an app of its own inside a larger repository (`examples/express-pg-app` in this one):
 * the nearest folder with a package.json at or above it, below the repository root, and no member of a monorepo
 * (no package.json above it declares `workspaces`, and no pnpm or Lerna workspace file is there). Its files import
 * and mount only one another, so the project index of a scan of it covers it alone rather than the whole
 * repository. A monorepo's package is left to the whole repository: its packages import each other by name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ProjectRoots, isInside } from './project-roots';

const workspaceFiles = ['pnpm-workspace.yaml', 'lerna.json'];

/** The own project folder of a scanned path (a file or a folder), or undefined when its project is the repository's. */
export function ownProjectOf(scanned: string, roots: ProjectRoots): string | undefined {
  const absolute = path.resolve(scanned);
  const start = isFolder(absolute) ? absolute : path.dirname(absolute);
  const boundary = roots.boundaryOf(path.join(start, 'package.json'));
  if (boundary === undefined) return undefined;
  let own: string | undefined;
  for (let dir = start; dir !== boundary && isInside(dir, boundary); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      own = dir;
      break;
    }
  }
  if (own === undefined) return undefined;
  for (let dir = path.dirname(own); isInside(dir, boundary); dir = path.dirname(dir)) {
    if (declaresWorkspaces(dir)) return undefined;
    if (dir === boundary) break;
  }
  return own;
}

function declaresWorkspaces(dir: string): boolean {
  if (workspaceFiles.some((name) => fs.existsSync(path.join(dir, name)))) return true;
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest;
  } catch {
    return false;
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
