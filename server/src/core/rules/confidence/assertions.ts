/**
 * What an assertion is, for hollow-test: an `expect(…)` chain and its matcher, a `node:assert` / Chai `assert`
 * call, and the calls that assert by their nature (a helper named `expect…`, a Testing Library `getBy…`, a
 * browser driver's action); whether one always passes; and whether a piece of code holds any.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import { isTestPath } from '../../facts/test-code';
import { isProjectModule } from '../../facts/libraries';
import { dottedName, memberName, unwrap } from '../../facts/syntax';
import {
  assertReceivers, assertionCounts, assertionName, asyncAssertFunctions, asyncChainWords, asyncTerminals, chainWords, driverRoots,
  equalityMatchers, expectForms, expectFunctions, inequalityMatchers, throwingQueries, valueMatchers,
} from '../../catalog/test-frameworks';
import { preorder } from '../../traverse';

export interface ChainMember {
  name: string;
  node: ts.MemberName;
  /** The call when the member is called: `.toBe(1)`. */
  call?: ts.CallExpression;
}

export interface ExpectChain {
  /** `expect(value)`. */
  expectCall: ts.CallExpression;
  /** The whole chain: `expect(value).not.toBe(1)`. */
  top: ts.Expression;
  members: ChainMember[];
}

/** `expect(x)`, `chai.expect(x)`, `expect.soft(x)`; not `expect.assertions(n)` nor supertest's `.expect(200)`. */
export function isExpectCall(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return expectFunctions.has(callee.text);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const base = unwrap(callee.expression);
  if (ts.isIdentifier(base) && expectFunctions.has(base.text)) return expectForms.has(callee.name.text);
  return expectFunctions.has(callee.name.text) && ts.isIdentifier(base) && base.text === 'chai';
}

export function expectChainOf(expectCall: ts.CallExpression): ExpectChain {
  const members: ChainMember[] = [];
  let top: ts.Expression = expectCall;
  for (;;) {
    const parent = top.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === top) {
      members.push({ name: parent.name.text, node: parent.name });
      top = parent;
    } else if (ts.isCallExpression(parent) && parent.expression === top && members.length > 0) {
      members[members.length - 1].call = parent;
      top = parent;
    } else if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) {
      top = parent;
    } else {
      return { expectCall, top, members };
    }
  }
}

/** The chain ends in something that checks: a called matcher, or a Chai property assertion (`.to.be.true`). */
export function hasMatcher(chain: ExpectChain): boolean {
  if (chain.members.some((m) => m.call !== undefined)) return true;
  const last = chain.members[chain.members.length - 1];
  // `.toBeTruthy` without its parentheses is a Jest matcher never called.
  return last !== undefined && !chainWords.has(last.name) && !/^to[A-Z]/.test(last.name);
}

export function isAsyncChain(chain: ExpectChain): boolean {
  return chain.members.some((m) => asyncChainWords.has(m.name) || asyncTerminals.has(m.name));
}

export interface AssertCall {
  call: ts.CallExpression;
  /** The assertion's name: `ok`, `strictEqual`, `rejects`, or `assert` for `assert(x)`. */
  name: string;
}

/** `assert(x)`, `assert.equal(a, b)`, `assert.strict.equal`, `t.assert.ok`, `chai.assert.isTrue`, `sinon.assert.calledOnce`. */
export function assertCallOf(call: ts.CallExpression): AssertCall | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'assert' ? { call, name: 'assert' } : undefined;
  const name = memberName(callee);
  if (name === undefined || !(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) return undefined;
  const receiver = dottedName(callee.expression)?.replace(/\.strict$/, '');
  if (receiver === undefined) return undefined;
  return assertReceivers.has(receiver) || receiver.endsWith('.assert') ? { call, name } : undefined;
}

export function isAsyncAssert(assertion: AssertCall): boolean {
  return asyncAssertFunctions.has(assertion.name);
}

/** `expect.assertions(1)`, `expect.hasAssertions()`, `t.plan(2)`: a test that counts its assertions. */
export function isAssertionCount(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && assertionCounts.has(callee.name.text);
}

/** A module of the project's test support, where assertion helpers live; the code under test lives elsewhere. */
const testSupportModule = /(^|[\/._-])(tests?|specs?|helpers?|support|utils?|e2e|__tests__)([\/._-]|$)/i;
/** Test doubles and data (`./mocks/mailer`, `../fixtures/users`, `./factories`): they stand in for code, they check nothing. */
const testDoubleModule = /(^|[\/._-])(mocks?|__mocks__|fakes?|stubs?|dummy|dummies|fixtures?|__fixtures__|factory|factories|builders?)([\/._-]|$)/i;

type Literal = { value: unknown };

/** The value of a literal: `true`, `1`, `-1`, `'a'`, `null`, `undefined`. */
function literalOf(expr: ts.Expression | undefined): Literal | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (e.kind === ts.SyntaxKind.NullKeyword) return { value: null };
  if (ts.isIdentifier(e) && e.text === 'undefined') return { value: undefined };
  if (ts.isNumericLiteral(e)) return { value: Number(e.text) };
  if (ts.isStringLiteralLike(e)) return { value: e.text };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return { value: -Number(e.operand.text) };
  return undefined;
}

/** Two plain names or member paths written the same: `expect(user).toBe(user)`. */
function sameReference(a: ts.Expression | undefined, b: ts.Expression | undefined): boolean {
  if (!a || !b) return false;
  const x = dottedName(a);
  return x !== undefined && x !== 'this' && x === dottedName(b);
}

/** Whether `matcher` applied to `actual` and `expected` passes whatever the code under test does; undefined when it depends on it. */
function constantOutcome(matcher: string, actual: ts.Expression | undefined, expected: ts.Expression | undefined, arity: number): boolean | undefined {
  const a = literalOf(actual);
  if (equalityMatchers.has(matcher) || inequalityMatchers.has(matcher)) {
    const b = literalOf(expected);
    const equal = a && b ? a.value === b.value : sameReference(actual, expected) ? true : undefined;
    if (equal === undefined) return undefined;
    return inequalityMatchers.has(matcher) ? !equal : equal;
  }
  const check = Object.hasOwn(valueMatchers, matcher) ? valueMatchers[matcher] : undefined;
  return check !== undefined && a && arity <= 1 ? check(a.value) : undefined;
}

/** `expect(true).toBe(true)`, `expect(1).to.equal(1)`, `expect(x).toEqual(x)`: passes whatever the code does. */
export function chainAlwaysPasses(chain: ExpectChain): boolean {
  const negated = chain.members.some((m) => m.name === 'not');
  const last = chain.members[chain.members.length - 1];
  if (!last || chain.members.some((m) => asyncChainWords.has(m.name))) return false;
  const actual = chain.expectCall.arguments[0];
  const outcome = constantOutcome(last.name, actual, last.call?.arguments[0], last.call ? 1 : 0);
  return outcome !== undefined && outcome !== negated;
}

/** `assert(true)`, `assert.ok(1)`, `assert.equal(1, 1)`, `assert.strictEqual(x, x)`. */
export function assertAlwaysPasses(assertion: AssertCall): boolean {
  const args = assertion.call.arguments;
  if (equalityMatchers.has(assertion.name) || inequalityMatchers.has(assertion.name)) return constantOutcome(assertion.name, args[0], args[1], 2) === true;
  return constantOutcome(assertion.name, args[0], undefined, 1) === true;
}

/** A call that fails the test when its check fails, by what it is or how it is named. */
export function isAssertionCall(call: ts.CallExpression): boolean {
  if (isExpectCall(call) || assertCallOf(call) || isAssertionCount(call)) return true;
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  if (name !== undefined && (assertionName.test(name) || throwingQueries.test(name))) return true;
  let root: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isCallExpression(root)) root = unwrap(root.expression);
  return ts.isIdentifier(root) && driverRoots.has(root.text);
}

/**
 * Whether `node` holds an assertion anywhere, nested functions included: an assertion call, a `throw`, a call of
 * a function of this file that holds one, a call into the project's test support (a helper from `./helpers` or
 * `../test-utils`, a method of a page object made from `./login-page` in the tests' folder: Vigil cannot read them,
 * so they are given the benefit of the doubt), or a call on one of `contexts` (`t.is`, `t.test`).
 */
export class AssertionFinder {
  private readonly helpers = new Map<ts.Node, boolean>();

  /** `projectPath`: the test file's path in its project, against which relative imports are resolved. */
  constructor(private readonly facts: Facts, private readonly projectPath: string) {}

  holdsAssertion(node: ts.Node, contexts: ReadonlySet<ts.Node> = new Set()): boolean {
    let found = false;
    preorder(node, (n) => {
      if (found) return false;
      if (ts.isThrowStatement(n) || (ts.isCallExpression(n) && this.asserts(n, contexts))) found = true;
      return !found;
    });
    return found;
  }

  private asserts(call: ts.CallExpression, contexts: ReadonlySet<ts.Node>): boolean {
    if (isAssertionCall(call)) return true;
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = unwrap(callee.expression);
      if (ts.isIdentifier(receiver)) {
        const decl = this.facts.resolve(receiver);
        if (decl && contexts.has(decl)) return true;
      }
      return this.fromTestSupport(callee);
    }
    if (!ts.isIdentifier(callee)) return false;
    const fn = this.facts.localFunction(callee);
    if (fn) return this.helperAsserts(fn);
    return this.fromTestSupport(callee);
  }

  /**
   * A function or object from the project's test support: a module named so (`./helpers`, `../test-utils`), or one
   * that lives among the tests (`./register-page` imported by `tests/auth.spec.ts`), but not a test double; the code
   * under test lives elsewhere.
   */
  private fromTestSupport(callee: ts.Expression): boolean {
    const ref = this.facts.libraryOf(callee);
    if (ref === undefined || !isProjectModule(ref.module) || testDoubleModule.test(ref.module)) return false;
    if (testSupportModule.test(ref.module)) return true;
    return ref.module.startsWith('.') && isTestPath(this.reachedFrom(ref.module));
  }

  /**
   * Where a relative import leads, from the folder it climbs to (its name only) down to the module: `./register-page`
   * from `apps/web/tests/` is `tests/register-page`, `../pages/login` from `e2e/specs/` is `e2e/pages/login`. The
   * folders above it are left out: a project whose code and tests all sit under a `test/` folder (a fixture app) has
   * its code under test there too.
   */
  private reachedFrom(module: string): string {
    const parts = module.split('/');
    const climb = parts.findIndex((p) => p !== '.' && p !== '..');
    const folder = path.posix.join(path.posix.dirname(this.projectPath), ...parts.slice(0, climb));
    return path.posix.join(path.posix.basename(folder), ...parts.slice(climb));
  }

  private helperAsserts(fn: ts.FunctionLikeDeclaration): boolean {
    const known = this.helpers.get(fn);
    if (known !== undefined) return known;
    this.helpers.set(fn, false); // recursion
    const result = fn.body !== undefined && this.holdsAssertion(fn.body);
    this.helpers.set(fn, result);
    return result;
  }
}
