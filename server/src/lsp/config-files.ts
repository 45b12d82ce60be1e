/**
 * vigil.config.json and package.json#vigil at each workspace folder's root, read through the core's loader (the
 * one the CLI uses, so the editor and CI agree), cached per folder and dropped when the watcher reports a change.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoadedConfig, configFileName, loadConfig } from '../core/config-file';
import type { RuleOptionSpecs } from '../core/config';
import { matchesAnyGlob } from '../core/glob';

export const watchedConfigGlobs: readonly string[] = [`**/${configFileName}`, '**/package.json'];

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class FolderConfigs {
  private folders: string[] = [];
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(
    private readonly knownRuleIds: readonly string[],
    private readonly warn: (message: string) => void,
    private readonly optionSpecs: Readonly<Record<string, RuleOptionSpecs>> = {},
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOf).filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
    this.loaded.clear();
  }

  /** A config file changed somewhere: read them all again on next use. */
  reset(): void {
    this.loaded.clear();
  }

  /** The config of the innermost folder holding the document, and whether the config ignores the document. */
  forDocument(uri: string): { loaded?: LoadedConfig; ignored: boolean } {
    const file = pathOf(uri);
    const root = file === undefined ? undefined : this.folders.find((f) => file.startsWith(f + path.sep));
    if (root === undefined || file === undefined) return { ignored: false };
    let loaded = this.loaded.get(root);
    if (!loaded) {
      loaded = loadConfig(root, this.knownRuleIds, this.optionSpecs);
      loaded.problems.forEach((p) => this.warn(`Vigil: ${p.message}`));
      this.loaded.set(root, loaded);
    }
    const relative = path.relative(root, file);
    return { loaded, ignored: matchesAnyGlob(relative, loaded.config.ignorePatterns) };
  }
}
