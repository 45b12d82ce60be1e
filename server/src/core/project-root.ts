/**
 * A file's project folder, for the path patterns rules test (project-path.ts): the nearest folder above it with
 * a package.json or a .git, cached per folder. The config search answers a different question (it may stop
 * higher, or find nothing and stop at the filesystem root), so it is not used for this.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class ProjectRoots {
  private readonly byFolder = new Map<string, string | undefined>();

  of(file: string): string | undefined {
    const visited: string[] = [];
    let answer: string | undefined;
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      if (this.byFolder.has(dir)) {
        answer = this.byFolder.get(dir);
        break;
      }
      visited.push(dir);
      if (fs.existsSync(path.join(dir, 'package.json')) || fs.existsSync(path.join(dir, '.git'))) {
        answer = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    for (const dir of visited) this.byFolder.set(dir, answer);
    return answer;
  }

  reset(): void {
    this.byFolder.clear();
  }
}
