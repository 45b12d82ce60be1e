import * as ts from 'typescript';
import type { Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { DatabaseQuery, QueryStyle, databaseQueryOf, isOutermostCall } from '../../facts/database-reads';
import { helperQueryOf, isPerItemQuery, localHelper } from '../../facts/database-helpers';
import { calledExport } from '../../facts/imported-bindings';
import type { HelperQuery } from '../../project/export-summary';
import { exportLookup, importedQuery } from '../../project/project-database';
import { relativePath } from '../../project/relative-path';
import { Loop, callbackLoop, enclosingLoops, isBoundedConstantLoop, isDeclaredInLoop } from '../../facts/loops';
import { isFunctionLike, unwrap } from '../../facts/syntax';
import { batchQueriesFix } from './batch-queries-fix';
import { orms } from '../../catalog';

/** Last names of calls that can end a query: drivers, model methods, and the builder methods a chain ends on. */
const queryEndings = new Set([
  'query', 'execute', 'run', 'all', 'get', 'each', 'unsafe', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result',
  'findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy', 'create',
  'findAll', 'findAndCountAll', 'findOne', 'findByPk', 'sum', 'max', 'min', 'find', 'findBy', 'findAndCount', 'findAndCountBy',
  'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'countBy', 'insert', 'findById', 'countDocuments', 'estimatedDocumentCount',
  'distinct', 'lean', 'exec', 'populate', 'select', 'sort', 'limit', 'skip', 'where', 'first', 'from', 'orderBy', 'andWhere',
  'orWhere', 'whereNot', 'innerJoin', 'leftJoin', 'join', 'values', 'returning', 'offset', 'pluck', 'columns', 'avg', 'countDistinct', 'then',
]);

/** How to ask for the set at once: one SQL statement, or the ORM's own way (from the catalogue). */
function batchHint(style: QueryStyle): string {
  return style === 'sql' ? 'one query with `WHERE id = ANY($1)` (or `IN (?)`)' : orms[style].batchHint;
}
function insertHint(style: QueryStyle): string {
  return style === 'sql' ? 'one `INSERT` with several `VALUES` rows' : orms[style].insertHint;
}

/** What runs the query, as the message names it: `pool.query`, `prisma.customer.findUnique`. */
function calleeText(q: DatabaseQuery, sourceFile: ts.SourceFile): string {
  const first = q.chain[0];
  const text = first.expression.getText(sourceFile).replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function perWhat(loop: Loop, sourceFile: ts.SourceFile): string {
  if (loop.item && loop.iterable) {
    const iterable = loop.iterable.getText(sourceFile).replace(/\s+/g, ' ');
    return `once per \`${loop.item}\` of \`${iterable.length > 30 ? `${iterable.slice(0, 27)}…` : iterable}\``;
  }
  return 'once per iteration of this loop';
}

/** Whether an expression under `node` (not a property name) is declared inside `loop`, and outside `node` itself. */
function dependsOnLoop(nodes: readonly ts.Node[], loop: Loop, facts: Facts): boolean {
  let found = false;
  for (const node of nodes) {
    facts.walk(node, (n) => {
      if (found) return false;
      if (!ts.isIdentifier(n)) return true;
      const parent = n.parent;
      if ((ts.isPropertyAccessExpression(parent) && parent.name === n) || (ts.isPropertyAssignment(parent) && parent.name === n)) return true;
      const decl = facts.resolve(n);
      if (decl && isDeclaredInLoop(decl, loop) && !(decl.pos >= node.pos && decl.end <= node.end)) found = true;
      return !found;
    });
    if (found) return true;
  }
  return false;
}

export const nPlusOneQuery: Rule = {
  meta: {
    id: 'n-plus-one-query',
    category: 'performance',
    defaultSeverity: 'warning',
    title: 'Database query once per item of a loop',
    description:
      'A query run once per element of a list costs one round trip each: fine with ten rows in development, seconds with ten thousand in production. Fetch (or insert) the whole set in one query before the loop and look items up in a Map.',
    fixable: 'suggestion',
    scope: 'declaration',
    // A loop's finding gives the line of the query inside the helper it calls, which may be in another unit.
    namesLinesElsewhere: true,
    sources: ['CWE-1049', 'CWE-1073', 'Rails Bullet / Django nplusone', 'eslint no-await-in-loop'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (facts.isTestFile) return {};
    /** Loops seen so far whose end is not yet passed: a call outside all of them cannot be in one. */
    const open: ts.Node[] = [];
    const enterLoop = (node: ts.Node): void => {
      open.push(node);
    };
    const check = (call: ts.CallExpression): void => {
      while (open.length > 0 && open[open.length - 1].end < call.end) open.pop();
      if (open.length === 0 || call.arguments.length === 0 && !ts.isPropertyAccessExpression(call.expression)) return;
      const callee = unwrap(call.expression);
      const isQueryCandidate = ts.isPropertyAccessExpression(callee) && queryEndings.has(callee.name.text) && isOutermostCall(call);
      // A function of this file (`load(id)`, `this.load(id)`) or of another module (`accounts.findByEmail(email)`).
      const isHelperCandidate = ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee);
      if (!isQueryCandidate && !isHelperCandidate) return;
      const loops = enclosingLoops(call).filter((l) => !isBoundedConstantLoop(l, facts));
      if (loops.length === 0) return;
      const query = isQueryCandidate ? databaseQueryOf(call, facts) : undefined;
      if (query) {
        if (!isPerItemQuery(query)) return;
        const loop = loops.find((l) => dependsOnLoop(query.chain.flatMap((c) => [...c.arguments]), l, facts));
        if (loop) reportQuery(call, query, loop);
        return;
      }
      // A helper is per item only if the loop's item reaches it: check the cheap syntax before resolving it.
      if (call.arguments.length === 0 || isFunctionLike(call.parent)) return;
      const loop = loops.find((l) => dependsOnLoop(call.arguments, l, facts));
      if (!loop) return;
      const helper = localHelper(call, facts);
      const local = helper && helperQueryOf(helper, facts);
      if (local) {
        if (!isPerItemQuery(local)) return;
        const line = facts.lineOf(local.call);
        reportHelper(call, { text: calleeText(local, sourceFile), operation: local.operation, style: local.style, line }, '', loop, local.call);
        return;
      }
      const imported = helper ? undefined : calledExport(call, facts);
      const remote = imported && importedQuery(exportLookup(context.project), context.fileName, imported.specifier, imported.name);
      if (remote) reportHelper(call, remote.effect, `${relativePath(context.fileName, remote.file)}, `, loop, undefined);
    };

    const advice = (operation: 'read' | 'insert', style: QueryStyle): { cost: string; advice: string } => ({
      cost: operation === 'insert' ? 'inserts one row per round trip' : 'costs one round trip per item, N+1 in all',
      advice: operation === 'insert'
        ? `Insert them together with ${insertHint(style)}.`
        : `Fetch them with ${batchHint(style)} before the loop and look each up in a Map.`,
    });

    const reportHelper = (call: ts.CallExpression, query: HelperQuery, where: string, loop: Loop, at: ts.Node | undefined): void => {
      const name = unwrap(call.expression).getText(sourceFile);
      const { cost, advice: hint } = advice(query.operation, query.style);
      context.report({
        at: call,
        message: `\`${name}\` runs a query (\`${query.text}\`, ${where}line ${query.line}) ${perWhat(loop, sourceFile)}: this loop ${cost}. ${hint}`,
        related: at ? [{ at, message: `the query \`${name}\` runs` }] : [],
      });
    };

    const reportQuery = (call: ts.CallExpression, query: DatabaseQuery, loop: Loop): void => {
      const { cost, advice: hint } = advice(query.operation, query.style);
      const fix = query.operation === 'insert' ? undefined : batchQueriesFix(query, loop, facts);
      context.report({ at: call, message: `\`${calleeText(query, sourceFile)}\` runs ${perWhat(loop, sourceFile)}: this loop ${cost}. ${hint}`, fixes: fix ? [fix] : [] });
    };

    return {
      ForOfStatement: enterLoop,
      ForInStatement: enterLoop,
      ForStatement: enterLoop,
      WhileStatement: enterLoop,
      DoStatement: enterLoop,
      ArrowFunction: (fn) => {
        if (callbackLoop(fn)) enterLoop(fn);
      },
      FunctionExpression: (fn) => {
        if (callbackLoop(fn)) enterLoop(fn);
      },
      CallExpression: check,
    };
  },
};
