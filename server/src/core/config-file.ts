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

function readJson(file: string): { value?: unknown; error?: string; text?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  // Editors on Windows write a byte order mark; JSON.parse rejects it, so it is dropped here.
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')), text };
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})`, text };
  }
}

/**
 * Whether a package.json holds Vigil's settings: a "vigil" key, or, in a file that does not parse, text that
 * looks like one (so that the syntax error is reported instead of the settings being passed over in silence).
 */
export function readPackageJson(file: string): { hasVigil: boolean; value?: unknown; error?: string } {
  const { value, error, text } = readJson(file);
  if (error !== undefined) return { hasVigil: text !== undefined && /"vigil"\s*:/.test(text), error };
  return { hasVigil: typeof value === 'object' && value !== null && !Array.isArray(value) && 'vigil' in value, value };
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
    const { hasVigil, value, error } = readPackageJson(pkgPath);
    const file = `${pkgPath}#vigil`;
    if (hasVigil && error !== undefined) {
      return { config: defaultConfig, file, problems: [{ file, key: '(file)', expected: 'a JSON object', message: `${pkgPath}: ${error}; its "vigil" settings are not read, using the defaults.` }] };
    }
    if (hasVigil) return { ...resolveConfig((value as Record<string, unknown>).vigil, file, knownRuleIds, optionSpecs), file };
  }
  return { config: defaultConfig, problems: [] };
}
