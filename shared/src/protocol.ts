/** What the client and the server must agree on: the diagnostics' source and the `vigil.*` settings' shape. */

export const diagnosticSource = 'vigil';

export type RuleSetting = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** The `vigil` settings section, as the server reads it per resource. */
export interface Settings {
  enable: boolean;
  /** Rule id → setting, applied on top of vigil.config.json. */
  rules: Readonly<Record<string, RuleSetting>>;
  debounceMs: number;
  trace: 'off' | 'messages' | 'verbose';
}
