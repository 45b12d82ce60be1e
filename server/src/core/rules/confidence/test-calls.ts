/**
 * Which calls declare a test or a suite, for hollow-test: `it`/`test`/`describe` global or imported from a test
 * runner, with their modifiers (`.only`, `.skip`, `.each(table)`, `fit`, `xit`), the test's function and what its
 * parameters are (Mocha's and Jest's `done`, a `node:test` or Vitest context).
 */
import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import { stringText, unwrap } from '../../facts/syntax';
import { focusModifier, focusedAliases, skipModifiers, skippedAliases, suiteFunctions, testFunctions, testRunnerModules } from '../../catalog/test-frameworks';

export interface TestCall {
  call: ts.CallExpression;
  kind: 'test' | 'suite';
  /** The runner's function as written: `it`, `fit`, `test`. */
  base: ts.Identifier;
  /** What makes it run alone: the `only` of `it.only`, or `fit`. */
  focus?: ts.Identifier | ts.MemberName;
  /** `.skip`, `.todo`, `xit`: it never runs (or `.failing`: it is expected to fail). */
  skipped: boolean;
  /** The test's function, written inline or declared in this file. */
  body?: ts.FunctionLikeDeclaration;
  /** The parameter the runner passes `done` as (Mocha, Jest). */
  done?: ts.ParameterDeclaration;
  /** Parameters that are a test context (`t` of `node:test`, Vitest's, Playwright's fixtures). */
  contexts: ReadonlySet<ts.Node>;
  title?: string;
}

/** The module the runner's function is imported from; null for a global; undefined when it is something else. */
function runnerModule(base: ts.Identifier, facts: Facts): string | null | undefined {
  const decl = facts.resolve(base);
  if (!decl) return null;
  if (!ts.isImportSpecifier(decl) && !ts.isBindingElement(decl) && !ts.isImportClause(decl) && !ts.isVariableDeclaration(decl)) return undefined;
  const module = facts.libraryOf(base)?.module;
  const normalised = module?.startsWith('node:') ? module.slice(5) : module;
  return normalised !== undefined && (testRunnerModules.has(normalised) || testRunnerModules.has(module ?? '')) ? normalised : undefined;
}

function bindingsOf(param: ts.ParameterDeclaration): ts.Node[] {
  if (ts.isIdentifier(param.name)) return [param];
  return param.name.elements.filter((e): e is ts.BindingElement => ts.isBindingElement(e));
}

export function testCallOf(call: ts.CallExpression, facts: Facts): TestCall | undefined {
  // `it.each(table)('name', fn)`: the test is the outer call.
  let callee = unwrap(call.expression);
  let each = false;
  if (ts.isCallExpression(callee) && ts.isPropertyAccessExpression(unwrap(callee.expression)) && (unwrap(callee.expression) as ts.PropertyAccessExpression).name.text === 'each') {
    callee = (unwrap(callee.expression) as ts.PropertyAccessExpression).expression;
    each = true;
  } else if (ts.isTaggedTemplateExpression(callee)) {
    return undefined;
  }
  const modifiers: ts.MemberName[] = [];
  while (ts.isPropertyAccessExpression(callee)) {
    modifiers.unshift(callee.name);
    callee = unwrap(callee.expression);
  }
  if (!ts.isIdentifier(callee)) return undefined;
  const base = callee;
  const name = focusedAliases[base.text] ?? (skippedAliases.has(base.text) ? base.text.slice(1) : base.text);
  const kind = testFunctions.has(name) ? 'test' : suiteFunctions.has(name) ? 'suite' : undefined;
  if (!kind) return undefined;
  // `describe` alone is often a project's own helper; a runner's is global or imported from it.
  const module = runnerModule(base, facts);
  if (module === undefined) return undefined;
  if (modifiers.some((m) => m.text === 'each')) each = true;
  const known = new Set([focusModifier, 'each', 'concurrent', 'sequential', 'serial', 'parallel', 'shuffle', 'extend', ...skipModifiers]);
  if (modifiers.some((m) => !known.has(m.text))) return undefined;

  const focus = focusedAliases[base.text] !== undefined ? base : modifiers.find((m) => m.text === focusModifier);
  const skipped = skippedAliases.has(base.text) || modifiers.some((m) => skipModifiers.has(m.text));
  const body = functionArgument(call, facts);
  let done: ts.ParameterDeclaration | undefined;
  const contexts = new Set<ts.Node>();
  if (body && kind === 'test' && !each) {
    const [first, second] = body.parameters;
    if (module === 'test' || module === 'node:test') {
      if (first) for (const b of bindingsOf(first)) contexts.add(b);
      if (second && ts.isIdentifier(second.name)) done = second;
    } else if (module === null || module === 'mocha' || module === '@jest/globals') {
      if (first && ts.isIdentifier(first.name)) done = first;
      else if (first) for (const b of bindingsOf(first)) contexts.add(b);
    } else if (first) {
      for (const b of bindingsOf(first)) contexts.add(b);
    }
  }
  return { call, kind, base, focus, skipped, body, done, contexts, title: stringText(call.arguments[0] && unwrap(call.arguments[0])) };
}

/** The test's function: the first function argument, or a name of a function of this file. */
function functionArgument(call: ts.CallExpression, facts: Facts): ts.FunctionLikeDeclaration | undefined {
  for (const arg of call.arguments) {
    const e = unwrap(arg);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
  }
  const named = call.arguments.slice(1).find((a) => ts.isIdentifier(unwrap(a)));
  return named ? facts.localFunction(unwrap(named) as ts.Identifier) : undefined;
}
