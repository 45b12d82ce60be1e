/** Finds and reads the config that both the CLI and the server use, so the editor and CI agree. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigProblem, ResolvedConfig, RuleOptionSpecs, defaultConfig, resolveConfig } from './config';

export const configFileName = 'vigil.config.json';

export interface LoadedConfig {
  config: ResolvedConfig;
  problems: ConfigProblem[];
  /** The file it came from, if any. */
  file?: string;
}

function readJson(file: string): { value?: unknown; error?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
}

/** Reads `<root>/vigil.config.json`, else `<root>/package.json#vigil`, else the defaults. */
export function loadConfig(
  root: string,
  knownRuleIds: readonly string[],
  optionSpecs: Readonly<Record<string, RuleOptionSpecs>> = {},
): LoadedConfig {
  const configPath = path.join(root, configFileName);
  if (fs.existsSync(configPath)) {
    const { value, error } = readJson(configPath);
    if (error !== undefined) {
      return {
        config: defaultConfig,
        file: configPath,
        problems: [{ file: configPath, key: '(file)', expected: 'a JSON object', message: `${configPath}: ${error}; using the defaults.` }],
      };
    }
    return { ...resolveConfig(value, configPath, knownRuleIds, optionSpecs), file: configPath };
  }
  const pkgPath = path.join(root, 'package.json');
  if (fs.existsSync(pkgPath)) {
    const { value } = readJson(pkgPath);
    if (value && typeof value === 'object' && 'vigil' in value) {
      const file = `${pkgPath}#vigil`;
      return { ...resolveConfig((value as Record<string, unknown>).vigil, file, knownRuleIds, optionSpecs), file };
    }
  }
  return { config: defaultConfig, problems: [] };
}
