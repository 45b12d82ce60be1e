/** The config that applies to a file, found as the CLI finds it: the nearest vigil.config.json walking up. */
import * as path from 'node:path';
import { loadConfig } from '../core/config-file';
import type { ResolvedConfig } from '../core/config';
import { ruleIds, ruleOptionSpecs } from '../core/registry';
import { findConfigRoot } from '../cli/config-root';

export interface ProjectConfig {
  root: string;
  config: ResolvedConfig;
  /** Problems in the config file, each naming the file and key: the agent sees them with the answer. */
  problems: string[];
}

export function configFor(dir: string): ProjectConfig {
  const root = findConfigRoot(path.resolve(dir));
  const loaded = loadConfig(root, ruleIds, ruleOptionSpecs);
  return { root, config: loaded.config, problems: loaded.problems.map((p) => p.message) };
}
