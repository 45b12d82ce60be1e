import * as ts from 'typescript';
import type { Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { Declaration } from '../../facts/scopes';
import { accessMethodNames, DatabaseWrite, databaseWriteOf, rootIdentifier, taggedWriteOf, transactionIndex, TransactionIndex } from '../../facts/database-writes';
import { dottedName, unwrap } from '../../facts/syntax';
import { helperWriteOf } from '../../facts/database-helpers';
import { calledExport } from '../../facts/imported-bindings';
import type { HelperWrite } from '../../project/export-summary';
import { type HelperEffect, exportLookup, importedWrite } from '../../project/project-database';
import { wrapInTransactionFix } from '../../fixers/wrap-in-transaction';
import { branchApart, chainOf, dataOf, exclusive, isSetupCode, shares } from './transaction-steps';

/** A charge: `chargeCustomer()`, `capturePayment()`, `stripe.charges.create()`, `stripe.paymentIntents.confirm()`. */
const chargeName = /^(charge|capture|bill)([A-Z]\w*)?$|^(create|make)(Charge|Payment)$/;
const stripeMethods = new Set(['create', 'confirm', 'capture']);
const stripeCharge = /\.(charges\.(create|capture)|paymentIntents\.(create|confirm|capture)|transfers\.create|refunds\.create)$/;
/** A helper named for a write (`updateOrderStatus`, `markPaid`, `createShipment`), which only counts after a charge. */
const writeVerb = /^(update|insert|create|save|delete|remove|mark|set|record|store|persist|decrement|increment|deduct|debit|credit|reserve|fulfil|fulfill|ship|cancel)[A-Z]\w*$/;

type Step =
  | { kind: 'write'; write: DatabaseWrite; node: ts.Node }
  | { kind: 'charge'; node: ts.CallExpression }
  /**
   * A call to a helper: a write if the helper in this file writes, or another module's whose summary says it
   * writes (`remote`), or (imported, not known) by its name after a charge.
   */
  | { kind: 'helper'; node: ts.CallExpression; name: string; remote?: HelperEffect<HelperWrite> };

/**
 * A call to another module's function, before its summary is asked: asked only for a function with enough other
 * steps to be judged, since making a module's summary costs a parse of it.
 */
interface ImportedCall {
  kind: 'imported';
  node: ts.CallExpression;
  name: string;
  /** Named for a write, and not a method: a step after a charge whatever its summary says. */
  verb: boolean;
  target: { specifier: string; name: string };
}

/** Too few steps to judge: nothing besides the charges, or one write and no charge. */
function tooFew(list: readonly (Step | ImportedCall)[]): boolean {
  const others = list.filter((s) => s.kind !== 'charge').length;
  return others === 0 || (others === 1 && !list.some((s) => s.kind === 'charge'));
}

export const missingTransaction: Rule = {
  meta: {
    id: 'missing-transaction',
    category: 'reliability',
    defaultSeverity: 'warning',
    title: 'Related writes, or a charge and its writes, without a transaction',
    description:
      'When one of several related writes fails, the ones before it stay: an order without its items, money debited and never credited, a paid order still marked unpaid. Run them in one transaction.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-362', 'CWE-662', 'OWASP A04:2021'],
  },
  create(context) {
    const { facts } = context;
    if (isSetupCode(facts, context.projectPath)) return {};
    const steps = new Map<ts.Node, (Step | ImportedCall)[]>();
    const add = (at: ts.Node, step: Step | ImportedCall): void => {
      const fn = facts.enclosingFunction(at);
      if (!fn) return;
      let list = steps.get(fn);
      if (!list) steps.set(fn, (list = []));
      list.push(step);
    };
    return {
      CallExpression(call) {
        const callee = call.expression;
        const isMember = ts.isPropertyAccessExpression(callee);
        const name = isMember ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
        if (name === undefined) return;
        if (accessMethodNames.has(name)) {
          const write = databaseWriteOf(call, facts);
          if (write) add(call, { kind: 'write', write, node: call });
          if (write || name !== 'create') return;
        }
        const isCharge = chargeName.test(name) || (isMember && stripeMethods.has(name) && stripeCharge.test(`.${dottedName(callee) ?? ''}`));
        if (chainOf(call) !== call && !ts.isAwaitExpression(call.parent)) return;
        if (isCharge) {
          add(call, { kind: 'charge', node: call });
          return;
        }
        const verb = !isMember && writeVerb.test(name);
        const imported = calledExport(call, facts);
        if (imported) add(call, { kind: 'imported', node: call, name, verb, target: imported });
        else if (verb) add(call, { kind: 'helper', node: call, name });
      },
      TaggedTemplateExpression(node) {
        const write = taggedWriteOf(node, facts);
        if (write) add(node, { kind: 'write', write, node });
      },
      end() {
        const transactions = transactionIndex(facts);
        // An imported call is a helper step when its module's summary says it writes, or its name does.
        const resolved = (s: Step | ImportedCall): Step[] => {
          if (s.kind !== 'imported') return [s];
          const remote = importedWrite(exportLookup(context.project), context.fileName, s.target.specifier, s.target.name);
          return remote || s.verb ? [{ kind: 'helper', node: s.node, name: s.name, ...(remote ? { remote } : {}) }] : [];
        };
        for (const [fn, candidates] of steps) {
          if (context.outOfTime()) return;
          // Counting every imported call as a step first: when even that is too few, no summary is asked.
          if (tooFew(candidates)) continue;
          const data = stepData(fn, candidates, facts);
          const sharing = relatedImportedCalls(candidates, data);
          const list = candidates.flatMap((s) => (s.kind !== 'imported' || sharing.has(s) ? resolved(s) : []));
          if (tooFew(list)) continue;
          const finding = judge(fn, list, facts, transactions, data, context.outOfTime);
          if (!finding) continue;
          const { at, message, related, fixable } = finding;
          const fix = fixable ? wrapInTransactionFix(fixable, facts) : undefined;
          context.report({
            at,
            message,
            related: related.map((r) => ({ at: r, message: 'also part of it' })),
            fixes: fix ? [fix] : [],
          });
        }
      },
    };
  },
};

/**
 * The imported calls among `steps` that work on data another step also works on. Only those are summarised: a
 * step that shares no data with any other joins no group of related writes and follows no charge, whatever its
 * module does, so judging without it finds what judging with it would.
 */
function relatedImportedCalls(steps: readonly (Step | ImportedCall)[], data: (step: Step | ImportedCall) => Set<Declaration>): Set<ImportedCall> {
  const related = new Set<ImportedCall>();
  for (const s of steps) {
    if (s.kind === 'imported' && steps.some((other) => other !== s && shares(data(s), data(other)))) related.add(s);
  }
  return related;
}

/**
 * The values each step of `fn` works on (transaction-steps.ts), made once per call: the imported calls are weighed
 * by them before judge() reads them. The handles of the direct writes are not data.
 */
function stepData(fn: ts.Node, steps: readonly (Step | ImportedCall)[], facts: Facts): (step: Step | ImportedCall) => Set<Declaration> {
  const handles = new Set(steps.flatMap((s) => (s.kind === 'write' ? [rootIdentifier(s.write.handle) ?? ''] : [])));
  const made = new Map<ts.Node, Set<Declaration>>();
  return (step) => {
    let data = made.get(step.node);
    if (!data) made.set(step.node, (data = dataOf(step.kind === 'write' ? chainOf(step.node) : step.node, fn, facts, handles)));
    return data;
  };
}

interface Judgement {
  at: ts.Node;
  message: string;
  related: ts.Node[];
  fixable?: DatabaseWrite[];
}

/**
 * Whether `node` is inside a `catch` of `fn`. `known` holds the answer for every node a climb passed: the writes of
 * one function share most of their ancestors, and climbing each to the top again is quadratic in a long chain.
 */
function inCatch(node: ts.Node, fn: ts.Node, known: Map<ts.Node, boolean>): boolean {
  const passed: ts.Node[] = [];
  let answer = false;
  for (let n = node.parent; n && n !== fn; n = n.parent) {
    const seen = known.get(n);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    if (ts.isCatchClause(n)) {
      answer = true;
      break;
    }
    passed.push(n);
  }
  for (const n of passed) known.set(n, answer);
  return answer;
}

function judge(
  fn: ts.Node,
  list: readonly Step[],
  facts: Facts,
  transactions: TransactionIndex,
  data: (step: Step) => Set<Declaration>,
  outOfTime: () => boolean,
): Judgement | undefined {
  const live: { step: Step; data: Set<Declaration>; known: boolean }[] = [];
  for (const step of list) {
    if (transactions.inTransaction(step.node, step.kind === 'write' ? step.write.handle : undefined)) continue;
    let known = step.kind === 'write' || (step.kind === 'helper' && step.remote !== undefined);
    if (step.kind === 'helper' && !known) {
      const local = facts.localFunction(unwrap(step.node.expression) as ts.Identifier);
      if (local) {
        if (!helperWriteOf(local, facts)) continue;
        known = true;
      }
    }
    live.push({ step, data: data(step), known });
  }

  const charge = live.find((s) => s.step.kind === 'charge');
  if (charge) {
    const after = live.filter((s) => s.step.kind !== 'charge' && s.step.node.pos > charge.step.node.end && shares(s.data, charge.data) && !exclusive(s.step.node, charge.step.node));
    if (after.length > 0) {
      const chargeText = describeCall(charge.step.node as ts.CallExpression);
      return {
        at: after[0].step.node,
        message: `${chargeText} charges the customer, then ${describe(after[0].step)} records it with no transaction or idempotent retry around them: if the write fails, the customer has paid and the data says otherwise. Wrap the writes in a transaction, and make the charge idempotent so a retry cannot charge twice.`,
        related: [charge.step.node, ...after.slice(1).map((s) => s.step.node)],
      };
    }
  }

  // A write in a `catch` undoes what failed half-way (delete the invite whose mail could not go): a compensation,
  // which a transaction could not replace when the failed step is outside the database.
  const catches = new Map<ts.Node, boolean>();
  const writes = live.filter((s) => s.known && s.step.kind !== 'charge' && !inCatch(s.step.node, fn, catches));
  for (let i = 0; i < writes.length && !outOfTime(); i++) {
    const group = [writes[i]];
    for (let j = i + 1; j < writes.length; j++) {
      const w = writes[j];
      if (w.step.node === writes[i].step.node) continue;
      if (group.length === 1 && shares(group[0].data, w.data)) {
        // Every write in the branch that excludes this one is excluded too: past it in one step (an `else if`
        // chain of thousands of branches is thousands of steps, not millions of comparisons).
        const apart = branchApart(group[0].step.node, w.step.node);
        if (apart) {
          while (j + 1 < writes.length && writes[j + 1].step.node.pos >= apart.pos && writes[j + 1].step.node.end <= apart.end) j++;
          continue;
        }
      }
      if (group.some((g) => shares(g.data, w.data) && !exclusive(g.step.node, w.step.node))) group.push(w);
    }
    if (group.length < 2) continue;
    const direct = group.every((g) => g.step.kind === 'write') ? group.map((g) => (g.step as { write: DatabaseWrite }).write) : undefined;
    return {
      at: group[0].step.node,
      message: `${capital(describe(group[0].step))} and ${describe(group[1].step)}${group.length > 2 ? ` (and ${group.length - 2} more)` : ''} change related data with no transaction around them: if a later one fails, the earlier ones stay and the data is left half-updated. Run them in one transaction.`,
      related: group.slice(1).map((g) => g.step.node),
      fixable: direct,
    };
  }
  return undefined;
}

function describeCall(call: ts.CallExpression): string {
  const name = dottedName(call.expression);
  return name ? `\`${name}()\`` : 'This call';
}

function describe(step: Step): string {
  if (step.kind === 'write') {
    const w = step.write;
    const verb = w.kind === 'insert' ? 'the insert into' : w.kind === 'update' ? 'the update of' : w.kind === 'delete' ? 'the delete from' : 'the write to';
    return w.target ? `${verb} \`${w.target}\`` : 'the write';
  }
  return describeCall(step.node);
}

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
