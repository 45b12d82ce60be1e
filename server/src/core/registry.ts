/** Every rule Vigil has. Nothing else lists rule ids. */
import type { Rule } from './rule';

export const rules: readonly Rule[] = [
];

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
