import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import { enclosingFunction, isAsyncFunction, unwrap } from '../../facts/syntax';
import { laterCallbacks, noThrowTitle } from '../../catalog/test-frameworks';
import {
  AssertionFinder, ExpectChain, assertAlwaysPasses, assertCallOf, chainAlwaysPasses, expectChainOf, hasMatcher, isAssertionCall,
  isAssertionCount, isAsyncAssert, isAsyncChain, isExpectCall,
} from './assertions';
import { TestCall, testCallOf } from './test-calls';
import { preorder, preorderBelow } from '../../traverse';

/** A test whose function Vigil has seen, and whether it counts its assertions (`expect.assertions(n)`). */
interface SeenTest {
  test: TestCall;
  counted: boolean;
}

function named(test: TestCall): string {
  return test.title !== undefined ? `The test "${test.title.length > 60 ? `${test.title.slice(0, 59)}…` : test.title}"` : 'This test';
}

function isStatementOf(node: ts.Node): node is ts.Expression & { parent: ts.ExpressionStatement } {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return ts.isExpressionStatement(n.parent);
}

/** The first call in `node` (nested functions left out) for which `match` holds. */
function firstCall(node: ts.Node, match: (call: ts.CallExpression) => boolean): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  preorderBelow(node, (n) => {
    if (found || ts.isFunctionLike(n)) return false;
    if (ts.isCallExpression(n) && match(n)) found = n;
    return !found;
  });
  return found;
}

/** Whether a name declared by `decl` is used anywhere in `node`. */
function mentions(node: ts.Node, decl: ts.ParameterDeclaration): boolean {
  const name = ts.isIdentifier(decl.name) ? decl.name.text : undefined;
  if (name === undefined) return false;
  let found = false;
  preorder(node, (n) => {
    if (found) return false;
    if (ts.isIdentifier(n) && n.text === name) found = true;
    return !found;
  });
  return found;
}

/**
 * The test ends when something calls its `done`, passed to the code under test (`route.dispatch(req, res, done)`,
 * `app.on('x', done)`) or called from a callback: a test that is never called back times out, so that is its
 * assertion. A `done()` statement of the test itself asserts nothing.
 */
function awaitsDone(body: ts.ConciseBody, done: ts.ParameterDeclaration): boolean {
  const name = ts.isIdentifier(done.name) ? done.name.text : undefined;
  let found = false;
  preorder(body, (n) => {
    if (found) return false;
    if (ts.isIdentifier(n) && n.text === name) {
      const call = n.parent;
      const plainStatement = ts.isCallExpression(call) && call.expression === n && call.arguments.length === 0 && ts.isExpressionStatement(call.parent) && call.parent.parent === body;
      if (!plainStatement) found = true;
      return false;
    }
    return true;
  });
  return found;
}

/** A catch block that neither rethrows, asserts nor hands the error on: empty, or logging only. */
function swallows(block: ts.Block): boolean {
  let handsOn = false;
  preorder(block, (n) => {
    if (handsOn) return false;
    if (ts.isThrowStatement(n) || ts.isReturnStatement(n)) handsOn = true;
    else if (ts.isCallExpression(n)) {
      let root: ts.Expression = n.expression;
      while (ts.isPropertyAccessExpression(root)) root = root.expression;
      if (!(ts.isIdentifier(root) && root.text === 'console')) handsOn = true;
    }
    return !handsOn;
  });
  return !handsOn;
}

export const hollowTest: Rule = {
  meta: {
    id: 'hollow-test',
    category: 'confidence',
    defaultSeverity: 'warning',
    title: 'Test that passes whatever the code does',
    description:
      'A test with no assertion, an assertion on a constant, an `expect(…)` without a matcher, an async assertion neither awaited nor returned, assertions a `catch` swallows or that run only if a call throws, `.only` left in, or `done()` called before the assertions run: the test is green whatever the code does. Make it check the code.',
    fixable: 'safe',
    scope: 'declaration',
    sources: ['CWE-1164', 'eslint-plugin-jest expect-expect, valid-expect, no-focused-tests, no-conditional-expect'],
  },
  create(context) {
    const { facts, sourceFile, projectPath } = context;
    if (!facts.isTestFile) return {};
    const finder = new AssertionFinder(facts, projectPath);
    const tests = new Map<ts.Node, SeenTest>();

    /** The test whose function `node` is in (through nested callbacks). */
    const testAround = (node: ts.Node): SeenTest | undefined => {
      for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
        const seen = tests.get(fn);
        if (seen) return seen;
      }
      return undefined;
    };

    /** `await` where the function is async; `return` where the statement ends a test that takes no `done`. */
    const settleFixes = (statement: ts.ExpressionStatement, what: string): OffsetFix[] => {
      const fn = enclosingFunction(statement);
      if (!fn || !fn.body || !ts.isBlock(fn.body)) return [];
      const start = statement.expression.getStart(sourceFile);
      if (isAsyncFunction(fn)) return [{ title: `Await the ${what}`, safe: true, edits: [{ start, end: start, text: 'await ' }] }];
      const seen = tests.get(fn);
      const last = fn.body.statements[fn.body.statements.length - 1] === statement;
      return seen && !seen.test.done && last ? [{ title: `Return the ${what}`, safe: true, edits: [{ start, end: start, text: 'return ' }] }] : [];
    };

    const checkFocus = (test: TestCall): void => {
      const focus = test.focus;
      if (!focus) return;
      const what = test.kind === 'test' ? 'test' : 'suite';
      if (focus === test.base) {
        const plain = focus.text.slice(1);
        context.report({
          at: focus,
          message: `\`${focus.text}\` runs this ${what} alone: every other test of the run is skipped, and CI goes green without running them. Use \`${plain}\`.`,
          fixes: [{ title: `Replace ${focus.text} with ${plain}`, safe: false, edits: [{ start: focus.getStart(sourceFile), end: focus.getEnd(), text: plain }] }],
        });
        return;
      }
      const access = focus.parent as ts.PropertyAccessExpression;
      context.report({
        at: focus,
        message: `\`.only\` runs this ${what} alone: every other test of the run is skipped, and CI goes green without running them. Remove \`.only\`.`,
        fixes: [{ title: 'Remove .only', safe: false, edits: [{ start: access.expression.getEnd(), end: access.name.getEnd(), text: '' }] }],
      });
    };

    /** `done()` as a statement of the test, after a callback that asserts later: the test ends first. */
    const checkDoneEarly = (test: TestCall, body: ts.Block): void => {
      const done = test.done!;
      body.statements.forEach((statement, i) => {
        if (!ts.isExpressionStatement(statement)) return;
        const call = unwrap(statement.expression);
        if (!ts.isCallExpression(call) || call.arguments.length > 0 || !ts.isIdentifier(call.expression) || facts.resolve(call.expression) !== done) return;
        for (const before of body.statements.slice(0, i)) {
          const later = firstCall(before, (c) => {
            const callee = unwrap(c.expression);
            const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
            if (name === undefined || !laterCallbacks.has(name)) return false;
            return c.arguments.some((a) => {
              const fn = unwrap(a);
              return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !mentions(fn, done) && finder.holdsAssertion(fn.body, test.contexts);
            });
          });
          if (later) {
            const line = facts.lineOf(later);
            context.report({
              at: call,
              message: `\`${done.name.getText(sourceFile)}()\` is called before the assertions in the callback on line ${line} run: the test ends first, and their failures are lost or blamed on another test. Call \`${done.name.getText(sourceFile)}()\` at the end of that callback.`,
            });
            return;
          }
        }
      });
    };

    /** `promise.then((r) => expect(r)…)` as a statement of a test that neither awaits nor returns it. */
    const checkLooseThen = (body: ts.Block): void => {
      for (const statement of body.statements) {
        if (!ts.isExpressionStatement(statement)) continue;
        const then = firstCall(statement, (c) => {
          const callee = unwrap(c.expression);
          return ts.isPropertyAccessExpression(callee) && /^(then|catch|finally)$/.test(callee.name.text) && c.arguments.some((a) => {
            const fn = unwrap(a);
            return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && finder.holdsAssertion(fn.body);
          });
        });
        if (!then) continue;
        const name = (unwrap(then.expression) as ts.PropertyAccessExpression).name;
        context.report({
          at: name,
          message: `The assertions in this \`.${name.text}\` callback run after the test has ended: the promise is neither awaited nor returned, so their failures never fail the test. Await or return the promise.`,
          fixes: settleFixes(statement, 'promise'),
        });
      }
    };

    const checkTest = (test: TestCall): void => {
      checkFocus(test);
      const fn = test.body;
      if (test.kind !== 'test' || test.skipped || !fn?.body) return;
      const counted = firstCall(fn.body, isAssertionCount) !== undefined;
      tests.set(fn, { test, counted });
      const body = fn.body;
      if (!counted && !(test.done && awaitsDone(body, test.done)) && !(test.title && noThrowTitle.test(test.title)) && !finder.holdsAssertion(body, test.contexts)) {
        const empty = ts.isBlock(body) && body.statements.length === 0;
        context.report({
          at: test.base,
          message: empty
            ? `${named(test)} is empty: it passes without running anything. Write its assertions, or mark it \`.todo\` or \`.skip\`.`
            : `${named(test)} asserts nothing: it passes whatever the code does, unless something throws. Assert on the result.`,
        });
        return;
      }
      if (!ts.isBlock(body)) return;
      if (test.done) checkDoneEarly(test, body);
      else checkLooseThen(body);
    };

    const checkExpect = (chain: ExpectChain): void => {
      const subject = chain.expectCall.getText(sourceFile);
      const shown = subject.length > 50 ? 'expect(…)' : subject;
      if (!hasMatcher(chain)) {
        if (!isStatementOf(chain.top)) return;
        const last = chain.members[chain.members.length - 1];
        if (last && /^to[A-Z]/.test(last.name)) {
          const end = last.node.getEnd();
          context.report({
            at: chain.expectCall,
            message: `\`.${last.name}\` is never called (no parentheses): \`${shown}\` checks nothing. Call it: \`.${last.name}()\`.`,
            fixes: [{ title: `Call .${last.name}()`, safe: true, edits: [{ start: end, end, text: '()' }] }],
          });
          return;
        }
        context.report({ at: chain.expectCall, message: `\`${shown}\` has no matcher: it checks nothing. Finish it with a matcher such as \`.toBe(…)\` or \`.to.equal(…)\`.` });
        return;
      }
      if (chainAlwaysPasses(chain)) {
        context.report({ at: chain.expectCall, message: `\`${shown}\` asserts on a constant: it passes whatever the code does. Assert on the value the code under test produces.` });
        return;
      }
      if (isAsyncChain(chain) && isStatementOf(chain.top)) {
        const statement = chain.top.parent as ts.ExpressionStatement;
        context.report({
          at: chain.expectCall,
          message: `\`${shown}\` settles after the test has ended: neither awaited nor returned, its failure never fails the test. Await it.`,
          fixes: settleFixes(statement, 'assertion'),
        });
      }
    };

    const checkAssert = (call: ts.CallExpression): void => {
      const assertion = assertCallOf(call);
      if (!assertion) return;
      const text = call.expression.getText(sourceFile);
      if (assertAlwaysPasses(assertion)) {
        context.report({ at: call, message: `\`${text}(…)\` asserts on a constant: it passes whatever the code does. Assert on the value the code under test produces.` });
      } else if (isAsyncAssert(assertion) && isStatementOf(call)) {
        context.report({
          at: call,
          message: `\`${text}(…)\` returns a promise that settles after the test has ended: neither awaited nor returned, its failure never fails the test. Await it.`,
          fixes: settleFixes(call.parent as ts.ExpressionStatement, 'assertion'),
        });
      }
    };

    const checkTry = (statement: ts.TryStatement): void => {
      const handler = statement.catchClause;
      if (!handler) return;
      const seen = testAround(statement);
      if (!seen) return;
      const inTry = firstCall(statement.tryBlock, isAssertionCall);
      if (inTry) {
        if (!swallows(handler.block)) return;
        context.report({
          at: inTry,
          message: 'The `catch` below catches this assertion\'s failure and drops it: the test passes even when the check fails. Let the failure through: remove the `try`, or rethrow.',
        });
        return;
      }
      if (seen.counted || finder.holdsAssertion(statement.tryBlock, seen.test.contexts)) return;
      const inCatch = firstCall(handler.block, isAssertionCall);
      if (!inCatch) return;
      // An assertion after the try (on an error it kept) is reached either way.
      const block = statement.parent;
      if (ts.isBlock(block) && block.statements.slice(block.statements.indexOf(statement) + 1).some((s) => finder.holdsAssertion(s, seen.test.contexts))) return;
      context.report({
        at: inCatch,
        message: 'This assertion runs only if the code above throws: if it does not, the test passes without checking anything. Assert the rejection itself (`await expect(…).rejects…`, `assert.rejects`), or count assertions with `expect.assertions(1)`.',
      });
    };

    return {
      CallExpression(call) {
        const test = testCallOf(call, facts);
        if (test) checkTest(test);
        else if (isExpectCall(call)) checkExpect(expectChainOf(call));
        else checkAssert(call);
      },
      TryStatement: checkTry,
    };
  },
};
