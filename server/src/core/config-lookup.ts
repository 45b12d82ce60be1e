/**
 * Which config applies to a file: the nearest folder holding a vigil.config.json, or a package.json with a
 * "vigil" key, walking up from the file's folder and stopping at the first workspace root or repository root
 * (a folder with `.git`). The server and the CLI both ask here, so the editor and CI read the same config for
 * the same file. Answers are cached per folder until `reset` (a config file changed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ResolvedConfig, RuleOptionSpecs, defaultConfig } from './config';
import { LoadedConfig, configFileName, loadConfig, readPackageJson } from './config-file';
import { matchesAnyGlob } from './glob';
import { type ProjectRoots, isInside } from './project/project-roots';

/** The config that applies to a file: resolved, with where it came from and whether it ignores the file. */
export interface FileSettings {
  config: ResolvedConfig;
  /** The config file (`…/vigil.config.json` or `…/package.json#vigil`); undefined for the defaults. */
  source?: string;
  /** The folder the config's `ignore` globs are relative to. */
  root: string;
  ignored: boolean;
}

export interface FileConfig {
  loaded: LoadedConfig;
  /** The folder the config's `ignore` globs are relative to: the config's own, else where the search stopped. */
  root: string;
  /** Whether the config's `ignore` globs name the file (or folder). */
  ignored: boolean;
}

function holdsConfig(dir: string): boolean {
  if (fs.existsSync(path.join(dir, configFileName))) return true;
  const pkg = path.join(dir, 'package.json');
  return fs.existsSync(pkg) && readPackageJson(pkg).hasVigil;
}

export class ConfigLookup {
  /** Folder → the folder whose config applies to it (itself or an ancestor), or the stop folder when none does. */
  private readonly owner = new Map<string, { dir: string; found: boolean }>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(
    private readonly knownRuleIds: readonly string[],
    private readonly optionSpecs: Readonly<Record<string, RuleOptionSpecs>>,
    /** Called once per config file read, for each problem in it. */
    private readonly onProblem: (message: string) => void,
    /**
     * Where a search stops: the workspace folders and repository roots; and where one that meets none settles
     * (the CLI's working folder). Call `reset` when they change.
     */
    private readonly boundaries: ProjectRoots,
  ) {}

  /** A config file, or the boundaries, changed: read them again on next use. */
  reset(): void {
    this.owner.clear();
    this.loaded.clear();
  }

  /** The config of a file or folder, as the Workspace and the CLI tell it. */
  settingsFor(file: string): FileSettings {
    // An untitled buffer has no folder to search from: the defaults apply.
    if (!path.isAbsolute(file)) return { config: defaultConfig, root: path.dirname(file), ignored: false };
    const { loaded, root, ignored } = this.forPath(file);
    return { config: loaded.config, source: loaded.file, root, ignored };
  }

  /** The config of `file` (an absolute path; a folder too, for a walk that prunes ignored folders). */
  forPath(file: string): FileConfig {
    const absolute = path.resolve(file);
    const { dir, found } = this.ownerOf(path.dirname(absolute));
    let loaded = this.loaded.get(dir);
    if (!loaded) {
      loaded = found ? loadConfig(dir, this.knownRuleIds, this.optionSpecs) : { config: defaultConfig, problems: [] };
      for (const problem of loaded.problems) this.onProblem(problem.message);
      this.loaded.set(dir, loaded);
    }
    const relative = path.relative(dir, absolute);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    return { loaded, root: dir, ignored: inside && matchesAnyGlob(relative, loaded.config.ignorePatterns) };
  }

  private ownerOf(start: string): { dir: string; found: boolean } {
    const visited: string[] = [];
    let answer: { dir: string; found: boolean } | undefined;
    for (let dir = start; ; dir = path.dirname(dir)) {
      answer = this.owner.get(dir);
      if (answer) break;
      visited.push(dir);
      if (holdsConfig(dir)) {
        answer = { dir, found: true };
        break;
      }
      const parent = path.dirname(dir);
      if (this.boundaries.isBoundary(dir) || parent === dir) {
        const fallback = this.boundaries.fallback;
        answer = { dir: parent === dir && fallback && isInside(start, fallback) ? fallback : dir, found: false };
        break;
      }
    }
    // Folders above a fallback would search from themselves another time: only those the answer covers are kept.
    for (const dir of visited) if (dir === answer.dir || isInside(dir, answer.dir)) this.owner.set(dir, answer);
    return answer;
  }
}
