/**
 * server/src/core/rule-descriptions.ts, made from the registry: every rule's public metadata as plain data, for the
 * processes that analyse nothing (a scan's main thread while its workers analyse). A test checks the file is
 * current, and `npm run descriptions:rules` rewrites it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/registry';
import type { RuleDescription } from '../../server/src/core/rule';
import { repoRoot } from './paths';

export const descriptionsPath = path.join(repoRoot, 'server/src/core/rule-descriptions.ts');

export function describedRules(): RuleDescription[] {
  return rules.map(({ meta }) => {
    const { id, category, defaultSeverity, title, description, fixable, sources, options } = meta;
    return { id, category, defaultSeverity, title, description, fixable, sources, ...(options ? { options } : {}) };
  });
}

export function descriptionsSource(): string {
  return `/**
 * Every registered rule's public metadata, in the registry's order, as plain data: what a process that analyses
 * nothing needs (a scan's main thread validates configs and writes SARIF while its workers analyse), without
 * loading the rules and TypeScript with them. Made from the registry by \`npm run descriptions:rules\`; a test checks
 * it is current. Do not edit by hand.
 */
import type { RuleOptionSpecs } from './config';
import type { RuleDescription } from './rule';

export const ruleDescriptions: readonly RuleDescription[] = ${JSON.stringify(describedRules(), null, 2)};

export const describedRuleIds: readonly string[] = ruleDescriptions.map((r) => r.id);

/** The options each rule accepts, by id, for validating the config. */
export const describedOptionSpecs: Readonly<Record<string, RuleOptionSpecs>> = Object.fromEntries(
  ruleDescriptions.flatMap((r) => (r.options ? [[r.id, r.options]] : [])),
);
`;
}

if (require.main === module) fs.writeFileSync(descriptionsPath, descriptionsSource());
