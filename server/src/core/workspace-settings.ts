/**
 * The share of the core's entry that analyses nothing and so loads neither the rules nor TypeScript: every file's
 * config (resolved as the Workspace resolves it: the nearest config walking up), the rules' public metadata, and
 * which files are analysable. A scan's main thread needs only this while its worker threads analyse
 * (cli/scan.ts); it spares that thread TypeScript's load and about 50 MB of memory.
 */
import { ConfigLookup, type FileSettings } from './config-lookup';
import { ProjectRoots } from './project/project-roots';
import { describedOptionSpecs, describedRuleIds } from './rule-descriptions';

export type { FileSettings } from './config-lookup';
export type { RuleDescription } from './rule';
export type { Severity } from './types';
export { docsUrl } from './rule';
export { describedRuleIds, ruleDescriptions } from './rule-descriptions';
export { hasAnalysableExtension, isAnalysable, skippedFolders } from './project/skipped-paths';
export { globToRegExp } from './glob';

export interface SettingsOptions {
  /** As `WorkspaceOptions.fallbackRoot`. */
  fallbackRoot?: string;
  /** A problem in a config file, once per read of the file. */
  onConfigProblem?: (message: string) => void;
}

export class WorkspaceSettings {
  private readonly configs: ConfigLookup;

  constructor(options: SettingsOptions = {}) {
    const projects = new ProjectRoots();
    projects.setFallback(options.fallbackRoot);
    this.configs = new ConfigLookup(describedRuleIds, describedOptionSpecs, options.onConfigProblem ?? (() => undefined), projects);
  }

  /** The config of a file or folder (absolute path), from the nearest config walking up. */
  settingsFor(file: string): FileSettings {
    return this.configs.settingsFor(file);
  }
}
