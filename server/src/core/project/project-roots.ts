/**
 * Where a file's project is, asked two ways, from one set of boundaries (the workspace folders, repository roots
 * and the CLI's working folder):
 *
 *   packageRootOf   the nearest folder above the file with a package.json or a .git: what rules read paths
 *                   relative to (project-path.ts);
 *   boundaryOf      the workspace folder or repository root holding the file, else the fallback folder holding it:
 *                   where the config search stops (config-lookup.ts) and what the project index covers.
 *
 * Answers are cached per folder until `reset` (a package.json or config file changed, or the folders did).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class ProjectRoots {
  private roots: ReadonlySet<string> = new Set();
  private fallbackFolder: string | undefined;
  private readonly packageRoots = new Map<string, string | undefined>();
  /** Per folder: whether it is a boundary (a `.git` looked for once, not once per file below it). */
  private readonly boundaries = new Map<string, boolean>();
  /** Per folder holding files: the boundary above it (every file of a scan asks, several times). */
  private readonly boundaryAbove = new Map<string, string | undefined>();

  /** The workspace folders: no search goes above the one holding a file. */
  setRoots(roots: readonly string[]): void {
    this.roots = new Set(roots.map((r) => path.resolve(r)));
    this.reset();
  }

  /** Where a file is placed when no workspace folder or repository root holds it (the CLI's working folder). */
  setFallback(folder: string | undefined): void {
    this.fallbackFolder = folder === undefined ? undefined : path.resolve(folder);
    this.reset();
  }

  get fallback(): string | undefined {
    return this.fallbackFolder;
  }

  /** A workspace folder or a repository root: the config search and the project index stop there. */
  isBoundary(dir: string): boolean {
    let known = this.boundaries.get(dir);
    if (known === undefined) this.boundaries.set(dir, (known = this.roots.has(dir) || fs.existsSync(path.join(dir, '.git'))));
    return known;
  }

  /** The workspace folder or repository root holding `file`; else the fallback when it holds the file. */
  boundaryOf(file: string): string | undefined {
    const start = path.dirname(path.resolve(file));
    if (this.boundaryAbove.has(start)) return this.boundaryAbove.get(start);
    let answer: string | undefined;
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (this.isBoundary(dir)) {
        answer = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    answer ??= this.fallbackFolder !== undefined && isInside(start, this.fallbackFolder) ? this.fallbackFolder : undefined;
    this.boundaryAbove.set(start, answer);
    return answer;
  }

  packageRootOf(file: string): string | undefined {
    const visited: string[] = [];
    let answer: string | undefined;
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      if (this.packageRoots.has(dir)) {
        answer = this.packageRoots.get(dir);
        break;
      }
      visited.push(dir);
      if (fs.existsSync(path.join(dir, 'package.json')) || fs.existsSync(path.join(dir, '.git'))) {
        answer = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    for (const dir of visited) this.packageRoots.set(dir, answer);
    return answer;
  }

  reset(): void {
    this.packageRoots.clear();
    this.boundaries.clear();
    this.boundaryAbove.clear();
  }
}

/** Whether `folder` is `ancestor` or below it. */
export function isInside(folder: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
