/**
 * The `vigil` settings: asked per resource through `workspace/configuration`, validated, cached until
 * `workspace/didChangeConfiguration`. A bad value becomes a problem naming the setting, and its default is used.
 */
import { focusValues, type RuleSetting, type Settings } from '../../../shared/src/protocol';

export type { Settings };

export const defaultSettings: Settings = { enable: true, rules: {}, debounceMs: 75, trace: 'off', focus: 'all' };

/** The same maximum as `vigil.debounceMs` in package.json (a test holds them together). */
export const maxDebounceMs = 2000;
const ruleSettings: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];
const traceLevels: readonly string[] = ['off', 'messages', 'verbose'];

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Validates a raw `vigil` section; every problem names the setting, what it should be and what was used. */
export function validateSettings(
  raw: unknown,
  knownRuleIds: readonly string[],
  base: Settings = defaultSettings,
): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...base, rules: { ...base.rules } };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`Vigil: the "vigil" settings should be an object, got ${shown(raw)}; using the defaults.`);
    return { settings, problems };
  }
  const obj = raw as Record<string, unknown>;
  if (obj.enable !== undefined && obj.enable !== null) {
    if (typeof obj.enable === 'boolean') settings.enable = obj.enable;
    else problems.push(`Vigil: setting "vigil.enable" should be true or false, got ${shown(obj.enable)}; using ${base.enable}.`);
  }
  if (obj.debounceMs !== undefined && obj.debounceMs !== null) {
    const ms = obj.debounceMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= maxDebounceMs) settings.debounceMs = ms;
    else problems.push(`Vigil: setting "vigil.debounceMs" should be a number of milliseconds from 0 to ${maxDebounceMs}, got ${shown(ms)}; using ${base.debounceMs}.`);
  }
  const trace = (obj.trace as Record<string, unknown> | undefined)?.server ?? obj['trace.server'];
  if (trace !== undefined && trace !== null) {
    if (typeof trace === 'string' && traceLevels.includes(trace)) settings.trace = trace as Settings['trace'];
    else problems.push(`Vigil: setting "vigil.trace.server" should be "off", "messages" or "verbose", got ${shown(trace)}; using "${base.trace}".`);
  }
  if (obj.focus !== undefined && obj.focus !== null) {
    if (typeof obj.focus === 'string' && (focusValues as readonly string[]).includes(obj.focus)) settings.focus = obj.focus as Settings['focus'];
    else problems.push(`Vigil: setting "vigil.focus" should be "all", "inserted" or "changed", got ${shown(obj.focus)}; using "${base.focus}".`);
  }
  if (obj.rules !== undefined && obj.rules !== null) {
    if (typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push(`Vigil: setting "vigil.rules" should be an object of rule id → "off" | "hint" | "info" | "warning" | "error", got ${shown(obj.rules)}; ignoring it.`);
    } else {
      const rules: Record<string, RuleSetting> = { ...base.rules };
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!knownRuleIds.includes(id)) {
          problems.push(`Vigil: setting "vigil.rules" names an unknown rule "${id}"; the rules are ${knownRuleIds.join(', ')}.`);
        } else if (typeof value !== 'string' || !ruleSettings.includes(value)) {
          problems.push(`Vigil: setting "vigil.rules.${id}" should be "off", "hint", "info", "warning" or "error", got ${shown(value)}; using the rule's default.`);
        } else {
          rules[id] = value as RuleSetting;
        }
      }
      settings.rules = rules;
    }
  }
  return { settings, problems };
}

/**
 * Settings per resource. `fetch` asks the client (undefined when it cannot answer `workspace/configuration`:
 * then the initialization options and the last `didChangeConfiguration` payload are used for every resource).
 */
export class SettingsCache {
  private readonly byResource = new Map<string, Promise<Settings>>();
  private pushed: unknown;

  constructor(
    private readonly fetch: ((uri: string) => Promise<unknown>) | undefined,
    private readonly knownRuleIds: readonly string[],
    private readonly base: Settings,
    private readonly warn: (message: string) => void,
  ) {}

  get(uri: string): Promise<Settings> {
    let settings = this.byResource.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.byResource.set(uri, settings);
    }
    return settings;
  }

  /** After `didChangeConfiguration`: `payload` is its `settings` (used only by clients that cannot be asked). */
  reset(payload?: unknown): void {
    this.byResource.clear();
    if (payload !== undefined) this.pushed = payload;
  }

  forget(uri: string): void {
    this.byResource.delete(uri);
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown;
    if (this.fetch) {
      try {
        raw = await this.fetch(uri);
      } catch {
        raw = undefined;
      }
    } else {
      raw = (this.pushed as { vigil?: unknown } | undefined)?.vigil;
    }
    const { settings, problems } = validateSettings(raw, this.knownRuleIds, this.base);
    problems.forEach(this.warn);
    return settings;
  }
}
