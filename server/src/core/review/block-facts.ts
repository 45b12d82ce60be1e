/**
 * What the code in a range does, as far as a reviewer's questions go: the routes it registers or handles, whether
 * it moves money, whether it queries inside a loop, which tests it declares. Asked of the file's facts — the routes, the loops
 * (`facts/loops`), money names (`facts/money-names`), database and promise calls — in one walk of the nodes in the
 * range, on request (the review checklist), never on the keystroke path.
 */
import * as ts from 'typescript';
import { databaseCallOf } from '../facts/database-calls';
import { databaseQueryOf } from '../facts/database-reads';
import { databaseWriteOf } from '../facts/database-writes';
import type { Facts } from '../facts/facts';
import { enclosingLoops } from '../facts/loops';
import { moneyNameKind } from '../facts/money-names';
import { promiseCallOf } from '../facts/promise-calls';
import { preorder } from '../traverse';
import { testCallOf } from '../rules/confidence/test-calls';

export interface BlockFacts {
  /** "POST /login" for each route registered or handled in the range. */
  routes: string[];
  /** A route, or a function taking a request (`req`, `request`, `ctx`, a NestJS `@Body()`…). */
  handlesRequest: boolean;
  /** Names that hold money (`amount`, `price`, `balance`…), or payment libraries called. */
  money: string[];
  /** Queries or outgoing requests made once per iteration of a loop (`for`, `while`, `.map`/`.forEach` callbacks). */
  queriesInLoop: string[];
  /** The titles of the tests (`it`, `test`) the range declares, in a test file. */
  tests: string[];
}

/** Names are the commonest node: three are enough to say the code handles money. */
const moneyNamesShown = 3;

/** A round trip: a database query or write, or an outgoing HTTP request. */
function isRoundTrip(call: ts.CallExpression, facts: Facts): boolean {
  if (databaseQueryOf(call, facts) || databaseWriteOf(call, facts) || databaseCallOf(call, facts)) return true;
  const source = promiseCallOf(call, facts)?.source;
  return source === 'database' || source === 'http';
}

export function blockFacts(facts: Facts, start: number, end: number): BlockFacts {
  const { sourceFile } = facts;
  const inside = (node: ts.Node) => node.end > start && node.getStart(sourceFile) < end;
  const routes = facts.routes
    .filter((r) => inside(r.call ?? r.handler ?? r.at))
    .map((r) => `${r.method} ${r.path ?? '(dynamic path)'}`);
  let handlesRequest = routes.length > 0;
  const money = new Set<string>();
  const queriesInLoop: string[] = [];
  const tests: string[] = [];
  preorder(sourceFile, (node) => {
    if (node !== sourceFile && !inside(node)) return false;
    if (ts.isIdentifier(node)) {
      if (money.size < moneyNamesShown && moneyNameKind(node.text)) money.add(node.text);
    } else if (ts.isCallExpression(node)) {
      if (promiseCallOf(node, facts)?.source === 'payment') money.add(facts.libraryOf(node.expression)?.library ?? node.expression.getText(sourceFile));
      if (enclosingLoops(node).length > 0 && isRoundTrip(node, facts)) queriesInLoop.push(node.expression.getText(sourceFile));
      const test = facts.isTestFile ? testCallOf(node, facts) : undefined;
      if (test?.kind === 'test') tests.push(test.title ?? '(untitled)');
    } else if (ts.isParameter(node) && !handlesRequest) {
      handlesRequest = facts.isRequestParameter(node);
    }
    return true;
  });
  return { routes, handlesRequest, money: [...money], queriesInLoop, tests };
}
