/**
 * The questions a reviewer answers before accepting a block: one per finding's rule in it, then those raised by
 * what the code does (it handles a request, moves money, queries in a loop), then reading it at all. Pure: the
 * findings' rule ids and the block's facts in, the list out (unit-tested). Ids are stable so that the client can
 * remember which questions were ticked.
 */
import type { ChecklistItem } from '../../../../shared/src/protocol';
import type { BlockFacts } from './block-facts';

export interface BlockFinding {
  ruleId: string;
  message: string;
}

/** Rules whose question is better asked in the reviewer's terms than as "fix the finding". */
const ruleQuestions: Readonly<Record<string, { id: string; question: string }>> = {
  'sql-injection': { id: 'sql:parameters', question: 'Does every value reach the database as a parameter, never as SQL text?' },
  'plaintext-password': { id: 'password:hashed', question: 'Are passwords stored and compared only as slow hashes (bcrypt, argon2)?' },
  'weak-password-hash': { id: 'password:hashed', question: 'Are passwords stored and compared only as slow hashes (bcrypt, argon2)?' },
  'jwt-missing-expiry': { id: 'token:expiry', question: 'Do the tokens it issues expire, and can they be revoked?' },
  'hardcoded-secret': { id: 'secret:environment', question: 'Are secrets read from the environment or a secret store, and any committed one rotated?' },
  'missing-rate-limit': { id: 'request:rate-limit', question: 'Is the route rate-limited (and locked out after repeated failures)?' },
  'hollow-test': { id: 'test:fails', question: 'Would this test fail if the code were wrong?' },
};

const first = (message: string) => (message.length > 140 ? `${message.slice(0, 139)}…` : message);

export function reviewChecklist(findings: readonly BlockFinding[], facts: BlockFacts, titleOf: (ruleId: string) => string | undefined): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const add = (item: ChecklistItem) => {
    if (!items.some((i) => i.id === item.id)) items.push(item);
  };
  for (const finding of findings) {
    const known = ruleQuestions[finding.ruleId];
    const title = titleOf(finding.ruleId) ?? finding.ruleId;
    add(known
      ? { id: known.id, question: known.question, reason: `${finding.ruleId}: ${first(finding.message)}` }
      : { id: `rule:${finding.ruleId}`, question: `${title}: is it fixed, or can you say why it does not apply here?`, reason: `${finding.ruleId}: ${first(finding.message)}` });
  }
  if (facts.handlesRequest) {
    const where = facts.routes.length > 0 ? `It handles ${facts.routes.join(', ')}.` : 'It handles a request.';
    add({ id: 'request:validated', question: 'Is every input from the request validated (type, length, format) before it is used?', reason: where });
    add({ id: 'request:rate-limit', question: 'Is the route rate-limited and behind the authentication it needs?', reason: where });
  }
  if (facts.money.length > 0) {
    const reason = `It handles money: ${facts.money.join(', ')}.`;
    add({ id: 'money:atomic', question: 'Is the money movement atomic: one transaction, no half-done state on failure?', reason });
    add({ id: 'money:idempotent', question: 'Is it idempotent: does a retried request charge or credit only once?', reason });
  }
  if (facts.queriesInLoop.length > 0) {
    add({
      id: 'loop:scale',
      question: 'Will it scale: what happens with 10,000 items? Batch the queries or bound the loop.',
      reason: `It runs a query per iteration: ${facts.queriesInLoop.slice(0, 2).join(', ')}.`,
    });
  }
  if (facts.tests.length > 0) {
    const names = facts.tests.slice(0, 2).map((t) => `"${t}"`).join(', ');
    add({ id: 'test:fails', question: 'Would this test fail if the code were wrong?', reason: `It declares ${facts.tests.length === 1 ? 'a test' : 'tests'}: ${names}${facts.tests.length > 2 ? '…' : ''}.` });
  }
  add({ id: 'read', question: 'Have you read every line, and could you explain what it does and why?', reason: 'Accepted code is your code.' });
  return items;
}
