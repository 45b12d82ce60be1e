import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import { PromiseCall, promiseCallOf } from '../../facts/promise-calls';
import { neverRejects } from '../../facts/never-rejects';
import { isUiCode } from '../../facts/ui-code';
import { enclosingFunction, isAsyncFunction, memberName, unwrap } from '../../facts/syntax';

/**
 * The promise a statement leaves unhandled: the statement's call itself, or the base of a `.then(onFulfilled)` /
 * `.finally()` chain on it. A `.catch(…)` or a `.then(a, b)` anywhere on the way out handles the rejection.
 */
function unhandledBase(call: ts.CallExpression): ts.CallExpression | undefined {
  let current = call;
  for (;;) {
    const callee = unwrap(current.expression);
    const method = ts.isPropertyAccessExpression(callee) ? memberName(callee) : undefined;
    if (method === 'catch' || (method === 'then' && current.arguments.length >= 2)) return undefined;
    if (method !== 'then' && method !== 'finally') return current;
    const receiver = unwrap((callee as ts.PropertyAccessExpression).expression);
    if (!ts.isCallExpression(receiver)) return current;
    current = receiver;
  }
}

/** How the call reads in a message: `saveUser`, `prisma.user.create`, or just the method for long receivers. */
function calleeText(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  const text = call.expression.getText(sourceFile).replace(/\s+/g, '');
  if (text.length <= 40) return text;
  return memberName(unwrap(call.expression)) ?? 'this call';
}

function consequence(found: PromiseCall, ui: boolean): string {
  if (found.lazy) return 'and this query builder does not even run until something awaits it';
  if (ui) return 'if it rejects, the failure ends as an unhandled rejection in the console and the user is never told; the code after it runs before it has finished';
  return 'if it rejects, the error is lost and Node stops the process on the unhandled rejection; the code after it runs before it has finished';
}

export const floatingPromise: Rule = {
  meta: {
    id: 'floating-promise',
    category: 'reliability',
    defaultSeverity: 'warning',
    title: 'Promise neither awaited nor handled',
    description:
      'A promise used as a statement, without `await`, `return`, `.catch` or `void`, loses its rejection (Node ≥ 15 then stops the process) and lets the code after it run before it has finished. Await it, return it, or handle its rejection.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-755', 'typescript-eslint no-floating-promises'],
  },
  create(context) {
    const { facts, sourceFile, fileName } = context;
    const ui = isUiCode(facts, fileName);
    return {
      ExpressionStatement(statement) {
        let expr = statement.expression;
        while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
        if (!ts.isCallExpression(expr)) return;
        const base = unhandledBase(expr);
        if (!base) return;
        // At a module's top level a rejection still surfaces: Node prints it and exits non-zero (`main()`).
        const fn = enclosingFunction(statement);
        if (!fn) return;
        const found = promiseCallOf(base, facts);
        // A function of this file whose whole work is in try/catch cannot reject: firing it and forgetting is the idiom.
        if (!found || (found.declaration && neverRejects(found.declaration))) return;

        const name = calleeText(base, sourceFile);
        const inAsync = isAsyncFunction(fn);
        const fix: OffsetFix = inAsync
          ? { title: 'Await the promise', safe: false, edits: [{ start: expr.getStart(sourceFile), end: expr.getStart(sourceFile), text: 'await ' }] }
          : { title: 'Log the rejection with .catch', safe: false, edits: [{ start: expr.getEnd(), end: expr.getEnd(), text: '.catch((error) => console.error(error))' }] };
        const advice = inAsync ? 'Await it, or `return` it to the caller.' : 'Return it to the caller, or handle its rejection with `.catch`.';
        context.report({
          at: base.expression,
          message: `The promise from \`${name}(…)\` is neither awaited nor handled: ${consequence(found, ui)}. ${advice}`,
          fixes: [fix],
          severity: facts.isTestFile ? 'info' : undefined,
        });
      },
    };
  },
};
