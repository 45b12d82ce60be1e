/** Every rule Vigil has. Nothing else lists rule ids. */
import type { Rule } from './rule';
import { hardcodedSecret } from './rules/security/hardcoded-secret';
import { jwtMissingExpiry } from './rules/security/jwt-missing-expiry';

export const rules: readonly Rule[] = [
  jwtMissingExpiry,
  hardcodedSecret,
];

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
