/**
 * vigil.config.json (or package.json#vigil): validated into a ResolvedConfig. A bad value is reported as a
 * ConfigProblem naming the file, the key and what was expected, and the default is used in its place.
 */
import type { Severity } from './types';
import { globToRegExp } from './glob';

export type RuleSetting = Severity | 'off';

export interface ResolvedConfig {
  /** Only the rules the user set; the others keep their default severity. */
  rules: Readonly<Record<string, RuleSetting>>;
  ignore: readonly string[];
  ignorePatterns: readonly RegExp[];
}

export interface ConfigProblem {
  file: string;
  key: string;
  expected: string;
  message: string;
}

export const defaultConfig: ResolvedConfig = { rules: {}, ignore: [], ignorePatterns: [] };

const ruleSettings: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];

function problem(file: string, key: string, expected: string, got: unknown): ConfigProblem {
  return {
    file,
    key,
    expected,
    message: `${file}: "${key}" should be ${expected}, got ${JSON.stringify(got) ?? String(got)}; using the default.`,
  };
}

/** Validates an already-parsed config object. `knownRuleIds` lets a misspelt rule id be named. */
export function resolveConfig(
  raw: unknown,
  file: string,
  knownRuleIds: readonly string[],
): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (raw === undefined || raw === null) return { config: defaultConfig, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(problem(file, '(root)', 'an object with "rules" and "ignore"', raw));
    return { config: defaultConfig, problems };
  }
  const obj = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      problems.push(problem(file, 'rules', 'an object of rule id → "off" | "info" | "warning" | "error"', obj.rules));
    } else {
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!knownRuleIds.includes(id)) {
          problems.push(problem(file, `rules.${id}`, `one of the rule ids (${knownRuleIds.join(', ')})`, id));
        } else if (typeof value !== 'string' || !ruleSettings.includes(value)) {
          problems.push(problem(file, `rules.${id}`, '"off", "hint", "info", "warning" or "error"', value));
        } else {
          rules[id] = value as RuleSetting;
        }
      }
    }
  }
  const ignore: string[] = [];
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((g) => typeof g !== 'string' || g.trim() === '')) {
      problems.push(problem(file, 'ignore', 'an array of glob strings', obj.ignore));
    } else {
      ignore.push(...(obj.ignore as string[]));
    }
  }
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'ignore' && key !== '$schema') {
      problems.push(problem(file, key, 'absent: the known keys are "rules" and "ignore"', obj[key]));
    }
  }
  return { config: { rules, ignore, ignorePatterns: ignore.map((g) => globToRegExp(g)) }, problems };
}
