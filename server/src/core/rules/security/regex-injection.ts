import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { mongoPatternOperators } from '../../catalog/regex-operators';
import { escapeWithHelperEdits } from '../../fixers/escape-regexp-helper';
import { objectProperty, unwrap } from '../../facts/syntax';

const operators = new Map(mongoPatternOperators.map((o) => [o.operator, o]));

/** `new RegExp(p)` or `RegExp(p)` with the global constructor: the pattern argument. */
function constructorPattern(node: ts.NewExpression | ts.CallExpression, facts: Facts): ts.Expression | undefined {
  const callee = unwrap(node.expression);
  if (!ts.isIdentifier(callee) || callee.text !== 'RegExp' || facts.resolve(callee) !== undefined) return undefined;
  return node.arguments?.[0];
}

/** `{ $regex: p }` and `{ $regexMatch: { input, regex: p } }`: the pattern the operator compiles. */
function operatorPattern(p: ts.PropertyAssignment): ts.Expression | undefined {
  const name = p.name;
  if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) return undefined;
  const operator = operators.get(name.text);
  if (!operator) return undefined;
  if (operator.field === undefined) return p.initializer;
  const args = unwrap(p.initializer);
  const field = ts.isObjectLiteralExpression(args) ? objectProperty(args, operator.field) : undefined;
  return field && ts.isPropertyAssignment(field) ? field.initializer : undefined;
}

/**
 * The parts of a pattern to escape: the request-data pieces of a template or a concatenation (the written
 * parts, such as `^`, stay pattern syntax), or the whole value when it is the request value itself. A name
 * bound to a built pattern cannot be escaped without escaping its syntax too: no targets then.
 */
function escapeTargets(expr: ts.Expression, facts: Facts): ts.Expression[] | undefined {
  const e = unwrap(expr);
  if (ts.isTemplateExpression(e)) {
    const spans = e.templateSpans.map((s) => s.expression).filter((x) => facts.requestOrigin(x, { sink: 'regex' }) !== undefined);
    const nested = spans.map((s) => escapeTargets(s, facts));
    return nested.every((n) => n !== undefined) ? nested.flat() as ts.Expression[] : undefined;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = [e.left, e.right].filter((x) => facts.requestOrigin(x, { sink: 'regex' }) !== undefined).map((x) => escapeTargets(x, facts));
    return parts.every((n) => n !== undefined) ? parts.flat() as ts.Expression[] : undefined;
  }
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
    if (init && (ts.isTemplateExpression(init) || (ts.isBinaryExpression(init) && init.operatorToken.kind === ts.SyntaxKind.PlusToken))) return undefined;
  }
  return [expr];
}

export const regexInjection: Rule = {
  meta: {
    id: 'regex-injection',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request data compiled into a regular expression',
    description:
      'Text from a request used as a pattern (`new RegExp(req.query.q)`, MongoDB `$regex: q`) is pattern syntax, not text: a sender can match everything, or send `(a+)+$` and stall the event loop or the database (ReDoS). Escape it before it becomes a pattern.',
    fixable: 'safe',
    scope: 'declaration',
    sources: ['CWE-1333', 'CWE-730', 'CWE-625', 'OWASP A03:2021', 'CodeQL js/regex-injection', 'semgrep javascript.lang.security.audit.detect-non-literal-regexp'],
  },
  create(context) {
    const { facts } = context;
    const check = (pattern: ts.Expression | undefined, where: string): void => {
      if (!pattern || facts.isConstant(pattern)) return;
      const origin = facts.requestOrigin(pattern, { sink: 'regex' });
      if (!origin) return;
      const targets = escapeTargets(pattern, facts);
      const fixes: OffsetFix[] = targets && targets.length > 0
        ? [{ title: 'Escape the input with escapeRegExp', safe: true, edits: escapeWithHelperEdits(facts, context.fileName, targets) }]
        : [];
      context.report({
        at: pattern,
        message: `\`${origin.source}\` is compiled as ${where}: the sender writes pattern syntax, not text, so \`.*\` matches everything and \`(a+)+$\` stalls ${where.startsWith('a Mongo') ? 'the database' : 'the server'} (ReDoS). Escape it (escapeRegExp) so it matches literally.`,
        fixes,
      });
    };
    return {
      NewExpression: (node) => check(constructorPattern(node, facts), 'a regular expression'),
      CallExpression: (node) => check(constructorPattern(node, facts), 'a regular expression'),
      PropertyAssignment: (node) => {
        const pattern = operatorPattern(node);
        if (pattern) check(pattern, `a MongoDB \`${(node.name as ts.Identifier | ts.StringLiteral).text}\` pattern`);
      },
    };
  },
};
