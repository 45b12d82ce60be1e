/** Every rule Vigil has. Nothing else lists rule ids. */
import type { Rule } from './rule';
import { codeInjection } from './rules/security/code-injection';
import { commandInjection } from './rules/security/command-injection';
import { hardcodedSecret } from './rules/security/hardcoded-secret';
import { jwtMissingExpiry } from './rules/security/jwt-missing-expiry';
import { missingRateLimit } from './rules/security/missing-rate-limit';
import { nosqlInjection } from './rules/security/nosql-injection';
import { pathTraversal } from './rules/security/path-traversal';
import { plaintextPassword } from './rules/security/plaintext-password';
import { sqlInjection } from './rules/security/sql-injection';
import { weakPasswordHash } from './rules/security/weak-password-hash';

export const rules: readonly Rule[] = [
  sqlInjection,
  plaintextPassword,
  weakPasswordHash,
  jwtMissingExpiry,
  hardcodedSecret,
  missingRateLimit,
  commandInjection,
  pathTraversal,
  nosqlInjection,
  codeInjection,
];

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
