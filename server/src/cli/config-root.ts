/**
 * Where the config is read from: the nearest folder, from the working directory up, with a vigil.config.json or a
 * package.json with a "vigil" key (as ESLint looks up for its config file); else the working directory itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configFileName } from '../core/config-file';

function hasVigilKey(packageJson: string): boolean {
  try {
    const value = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null && 'vigil' in value;
  } catch {
    return false;
  }
}

export function findConfigRoot(cwd: string): string {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, configFileName))) return dir;
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && hasVigilKey(pkg)) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}
