/** Every rule Vigil has. Nothing else lists rule ids. */
import type { Rule } from './rule';
import { hardcodedSecret } from './rules/security/hardcoded-secret';
import { insecureRandomness } from './rules/security/insecure-randomness';
import { jwtMissingExpiry } from './rules/security/jwt-missing-expiry';
import { missingCsrf } from './rules/security/missing-csrf';
import { missingRateLimit } from './rules/security/missing-rate-limit';
import { openRedirect } from './rules/security/open-redirect';
import { plaintextPassword } from './rules/security/plaintext-password';
import { prototypePollution } from './rules/security/prototype-pollution';
import { sensitiveDataLogging } from './rules/security/sensitive-data-logging';
import { sqlInjection } from './rules/security/sql-injection';
import { weakPasswordHash } from './rules/security/weak-password-hash';
import { xss } from './rules/security/xss';

export const rules: readonly Rule[] = [
  sqlInjection,
  plaintextPassword,
  weakPasswordHash,
  jwtMissingExpiry,
  hardcodedSecret,
  missingRateLimit,
  insecureRandomness,
  sensitiveDataLogging,
  xss,
  openRedirect,
  prototypePollution,
  missingCsrf,
];

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
