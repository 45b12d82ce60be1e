/** Every rule Vigil has. Nothing else lists rule ids. */
import './typescript-plain'; // before anything requires typescript
import type { Rule } from './rule';
import type { RuleOptionSpecs } from './config';
import { hollowTest } from './rules/confidence/hollow-test';
import { deepNesting } from './rules/maintainability/deep-nesting';
import { duplicateCode } from './rules/maintainability/duplicate-code';
import { inconsistentNaming } from './rules/maintainability/inconsistent-naming';
import { mixedAsyncStyle } from './rules/maintainability/mixed-async-style';
import { undocumentedExport } from './rules/maintainability/undocumented-export';
import { nPlusOneQuery } from './rules/performance/n-plus-one-query';
import { syncIoInHandler } from './rules/performance/sync-io-in-handler';
import { unboundedQuery } from './rules/performance/unbounded-query';
import { floatingPromise } from './rules/reliability/floating-promise';
import { missingAwait } from './rules/reliability/missing-await';
import { missingIdempotencyKey } from './rules/reliability/missing-idempotency-key';
import { missingTransaction } from './rules/reliability/missing-transaction';
import { moneyFloat } from './rules/reliability/money-float';
import { raceCheckThenAct } from './rules/reliability/race-check-then-act';
import { swallowedError } from './rules/reliability/swallowed-error';
import { codeInjection } from './rules/security/code-injection';
import { commandInjection } from './rules/security/command-injection';
import { hardcodedSecret } from './rules/security/hardcoded-secret';
import { insecureCookie } from './rules/security/insecure-cookie';
import { insecureDeserialization } from './rules/security/insecure-deserialization';
import { insecureRandomness } from './rules/security/insecure-randomness';
import { jwtMissingExpiry } from './rules/security/jwt-missing-expiry';
import { jwtUnverified } from './rules/security/jwt-unverified';
import { massAssignment } from './rules/security/mass-assignment';
import { missingAuthorization } from './rules/security/missing-authorization';
import { missingCsrf } from './rules/security/missing-csrf';
import { missingRateLimit } from './rules/security/missing-rate-limit';
import { nosqlInjection } from './rules/security/nosql-injection';
import { openRedirect } from './rules/security/open-redirect';
import { pathTraversal } from './rules/security/path-traversal';
import { permissiveCors } from './rules/security/permissive-cors';
import { plaintextPassword } from './rules/security/plaintext-password';
import { prototypePollution } from './rules/security/prototype-pollution';
import { regexInjection } from './rules/security/regex-injection';
import { sensitiveDataLogging } from './rules/security/sensitive-data-logging';
import { sqlInjection } from './rules/security/sql-injection';
import { ssrf } from './rules/security/ssrf';
import { weakPasswordHash } from './rules/security/weak-password-hash';
import { xss } from './rules/security/xss';
import { xxe } from './rules/security/xxe';

export const rules: readonly Rule[] = [
  sqlInjection,
  nosqlInjection,
  plaintextPassword,
  weakPasswordHash,
  jwtMissingExpiry,
  hardcodedSecret,
  missingRateLimit,
  missingCsrf,
  commandInjection,
  pathTraversal,
  codeInjection,
  xss,
  openRedirect,
  insecureRandomness,
  sensitiveDataLogging,
  prototypePollution,
  ssrf,
  missingAuthorization,
  jwtUnverified,
  massAssignment,
  regexInjection,
  insecureDeserialization,
  xxe,
  permissiveCors,
  insecureCookie,
  missingTransaction,
  missingIdempotencyKey,
  raceCheckThenAct,
  floatingPromise,
  swallowedError,
  moneyFloat,
  missingAwait,
  nPlusOneQuery,
  unboundedQuery,
  syncIoInHandler,
  deepNesting,
  inconsistentNaming,
  duplicateCode,
  mixedAsyncStyle,
  undocumentedExport,
  hollowTest,
];

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

/** The options each rule accepts, by id, for validating the config. */
export const ruleOptionSpecs: Readonly<Record<string, RuleOptionSpecs>> = Object.fromEntries(
  rules.flatMap((r) => (r.meta.options ? [[r.meta.id, r.meta.options]] : [])),
);

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
