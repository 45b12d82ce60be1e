/**
 * vigil.config.json (or package.json#vigil): validated into a ResolvedConfig. A bad value is reported as a
 * ConfigProblem naming the file, the key and what was expected, and the default is used in its place.
 */
import type { RuleSetting } from '../../../shared/src/protocol';
import { globToRegExp } from './glob';

export type { RuleSetting };

/** One option a rule accepts (`"rules": { "<id>": ["warning", { "<name>": value }] }`); integers only so far. */
export interface RuleOptionSpec {
  type: 'integer';
  default: number;
  minimum: number;
  description: string;
}

export type RuleOptionSpecs = Readonly<Record<string, RuleOptionSpec>>;
export type RuleOptions = Readonly<Record<string, number>>;

export interface ResolvedConfig {
  /** Only the rules the user set; the others keep their default severity. */
  rules: Readonly<Record<string, RuleSetting>>;
  /** Only the options the user set, by rule id; a rule's own defaults fill the rest. */
  options?: Readonly<Record<string, RuleOptions>>;
  ignore: readonly string[];
  ignorePatterns: readonly RegExp[];
  /**
   * The file's project folder (set by the Workspace, project-root.ts). Rules that look at a file's path (test
   * files, scripts, migrations, route files) see the path relative to it, so a folder above never counts.
   */
  root?: string;
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

/** The options a rule runs with: its defaults, overridden by what the config set. */
export function ruleOptions(specs: RuleOptionSpecs | undefined, configured: RuleOptions | undefined): RuleOptions {
  const options: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs ?? {})) options[name] = configured?.[name] ?? spec.default;
  return options;
}

/** `["warning", { "maxDepth": 5 }]`: each option checked against the rule's specs; a bad one is dropped. */
function resolveOptions(
  value: unknown,
  key: string,
  file: string,
  specs: RuleOptionSpecs | undefined,
  problems: ConfigProblem[],
): Record<string, number> {
  const options: Record<string, number> = {};
  const names = Object.keys(specs ?? {});
  if (names.length === 0) {
    problems.push(problem(file, key, 'a severity string: this rule takes no options', value));
    return options;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(problem(file, key, `an object of options (${names.join(', ')})`, value));
    return options;
  }
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const spec = specs?.[name];
    if (!spec) problems.push(problem(file, `${key}.${name}`, `one of the rule's options (${names.join(', ')})`, name));
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < spec.minimum) {
      problems.push(problem(file, `${key}.${name}`, `an integer of at least ${spec.minimum} (${spec.description})`, v));
    } else options[name] = v;
  }
  return options;
}

/**
 * Validates an already-parsed config object. `knownRuleIds` lets a misspelt rule id be named; `optionSpecs`
 * (by rule id) says which options each rule accepts.
 */
export function resolveConfig(
  raw: unknown,
  file: string,
  knownRuleIds: readonly string[],
  optionSpecs: Readonly<Record<string, RuleOptionSpecs>> = {},
): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (raw === undefined || raw === null) return { config: defaultConfig, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(problem(file, '(root)', 'an object with "rules" and "ignore"', raw));
    return { config: defaultConfig, problems };
  }
  const obj = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  const options: Record<string, RuleOptions> = {};
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      problems.push(problem(file, 'rules', 'an object of rule id → "off" | "info" | "warning" | "error"', obj.rules));
    } else {
      for (const [id, entry] of Object.entries(obj.rules as Record<string, unknown>)) {
        const key = `rules.${id}`;
        // The ESLint form: a severity, or [severity, options].
        const [value, optionValue] = Array.isArray(entry) && entry.length >= 1 && entry.length <= 2 ? entry : [entry];
        if (!knownRuleIds.includes(id)) {
          problems.push(problem(file, key, `one of the rule ids (${knownRuleIds.join(', ')})`, id));
        } else if (typeof value !== 'string' || !ruleSettings.includes(value)) {
          const expected = '"off", "hint", "info", "warning" or "error"';
          problems.push(problem(file, key, Array.isArray(entry) ? `[${expected}, { options }]` : expected, entry));
        } else {
          rules[id] = value as RuleSetting;
          if (optionValue !== undefined) {
            const resolved = resolveOptions(optionValue, key, file, optionSpecs[id], problems);
            if (Object.keys(resolved).length > 0) options[id] = resolved;
          }
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
  return { config: { rules, options, ignore, ignorePatterns: ignore.map((g) => globToRegExp(g)) }, problems };
}
