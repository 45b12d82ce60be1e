import * as ts from 'typescript';
import type { Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { calleeName, unwrap } from '../../facts/syntax';
import { DomSources } from '../../facts/dom-sources';
import { evaluatingGlobals, globalObjectNames, stringTimers, vmConstructors, vmRunners } from '../../catalog/code-evaluation';
import { reportImportedSinks } from '../../project/imported-flow';


/** A global called by its own name (`eval`, `setTimeout`) or through the global object (`window.setTimeout`). */
function isGlobal(callee: ts.Expression, facts: Facts): boolean {
  const e = unwrap(callee);
  if (ts.isIdentifier(e)) return facts.resolve(e) === undefined;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && globalObjectNames.test(e.expression.text) && facts.resolve(e.expression) === undefined;
}

function isVm(expr: ts.Expression, facts: Facts): boolean {
  const ref = facts.libraryOf(expr);
  if (ref) return ref.library === 'vm';
  const e = unwrap(expr);
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'vm' && facts.resolve(e.expression) === undefined;
}

/** The arguments a call evaluates as code. */
function codeArguments(node: ts.CallExpression | ts.NewExpression, facts: Facts): readonly ts.Expression[] {
  const name = calleeName(node);
  const args = node.arguments ?? [];
  if (name === undefined || args.length === 0) return [];
  const first = unwrap(args[0]);
  // `new Function('a', 'b', body)` takes its code last; the others take it first.
  if (name !== 'Function' && (ts.isArrowFunction(first) || ts.isFunctionExpression(first) || ts.isStringLiteralLike(first))) return [];
  const callee = unwrap(node.expression);
  if (evaluatingGlobals.has(name)) return isGlobal(callee, facts) ? (name === 'eval' ? [args[0]] : args) : [];
  if (stringTimers.has(name)) return isGlobal(callee, facts) ? [args[0]] : [];
  if (vmRunners.has(name) || (vmConstructors.has(name) && ts.isNewExpression(node))) return isVm(callee, facts) ? [args[0]] : [];
  return [];
}

/** `new Function('a', 'b', body)`: every argument before the last names a parameter, code all the same. */
function namesParameters(node: ts.CallExpression | ts.NewExpression, arg: ts.Expression): boolean {
  const args: readonly ts.Expression[] = node.arguments ?? [];
  return calleeName(node) === 'Function' && args.indexOf(arg) < args.length - 1;
}

export const codeInjection: Rule = {
  meta: {
    id: 'code-injection',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request or remote data evaluated as code',
    description:
      'Request data, a socket message or a fetched response passed to `eval`, `new Function`, `vm` or a string `setTimeout` runs as JavaScript with the process\'s privileges: the sender reads secrets, spawns shells, or rewrites the page. Parse data as data (JSON.parse, a lookup table) and never evaluate it.',
    fixable: 'none',
    scope: 'declaration',
    sources: ['CWE-94', 'CWE-95', 'OWASP A03:2021', 'eslint no-eval / no-new-func / no-implied-eval', 'semgrep javascript.lang.security.audit.code-string-concat'],
  },
  create(context) {
    const { facts } = context;
    const dom = new DomSources(facts);
    const check = (node: ts.CallExpression | ts.NewExpression): void => {
      const args = codeArguments(node, facts);
      if (args.length === 0 && ts.isCallExpression(node)) reportImportedSinks(node, 'code', context, 'runs it as JavaScript', 'whoever sends it can run any code with this program\'s privileges. Treat it as data there: JSON.parse it, or look it up in a table of allowed actions.');
      for (const arg of args) {
        const e = unwrap(arg);
        if (facts.isConstant(e) || ts.isArrowFunction(e) || ts.isFunctionExpression(e)) continue;
        const origin = facts.requestOrigin(arg, { sink: 'code', callerInput: facts.isLibraryCode });
        if (!origin) {
          const visitor = dom.of(arg);
          if (!visitor) continue;
          context.report({
            at: arg,
            message: `${visitor} is run as JavaScript here: whoever crafts the link, the message or the stored value runs any script in the visitor's session (DOM XSS). Treat it as data: JSON.parse it, or look it up in a table of allowed actions.`,
          });
          return;
        }
        // A caller's value that is the whole code is the function's contract (a `runCode(code)` sandbox); one
        // that names the compiled function's parameters (`new Function(opts.variable || 'obj', body)`) is not.
        if (origin.caller !== undefined && !origin.built && !namesParameters(node, arg)) continue;
        context.report({
          at: arg,
          message: origin.caller !== undefined
            ? `\`${origin.source}\`, from the caller of the exported \`${origin.caller}\`, is built into code run as JavaScript here: a caller that passes on user input lets its sender run any code with this program's privileges. Treat the value as data: pass it in as an argument or a variable, or look it up in a table of allowed actions.`
            : `\`${origin.source}\` is run as JavaScript here: whoever sends it can run any code with this program's privileges (read secrets, start a shell). Treat it as data: JSON.parse it, or look it up in a table of allowed actions.`,
        });
        return;
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
};
