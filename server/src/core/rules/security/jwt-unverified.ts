import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { JwtCall, jwtCallOf } from '../../facts/jwt-calls';
import { databaseReadOf, databaseWriteOf } from '../../facts/database-writes';
import { calleeName, enclosingFunction, objectProperty, stringText, unwrap } from '../../facts/syntax';
import { preorder } from '../../traverse';

/** Where request-scoped state lives: `req.user`, `res.locals.user`, `ctx.state.user`, `socket.data.user`. */
const requestHolders = /^(req|request|ctx|context|res|response|socket|client)$/;
/** Lookups of an account by what the token says. */
const accountLookup = /^(find|get|load|fetch)\w*(User|Account|Member|Profile|Customer|Tenant)\w*$/;
/** Claims whose test is an authorization decision. */
const privilegeClaim = /role|admin|permission|scope|group|plan|tier|isStaff|isSuper/i;
/** Functions whose result is who the caller is. */
const identityFunction = /auth|user|session|identity|current|principal|canActivate|guard|whoami/i;

/** Why the decoded claims are trusted, as the message says it. */
type Decision = string;

/** The expression as it is used: the outermost property or element access reading it (`decoded.user.id`). */
function readOf(node: ts.Expression): ts.Expression {
  let n: ts.Expression = node;
  for (;;) {
    const p = n.parent;
    if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n) n = p;
    else if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isAwaitExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p)) n = p;
    else return n;
  }
}

function chainNames(expr: ts.Expression): string[] {
  const out: string[] = [];
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = ts.isPropertyAccessExpression(e) ? e.name.text : stringText(e.argumentExpression);
    if (name) out.unshift(name);
    e = unwrap(e.expression);
  }
  if (ts.isIdentifier(e)) out.unshift(e.text);
  return out;
}

/** `req.user = …`, `res.locals.user = …`, `ctx.state.user = …`: a member of the request's state. */
function isRequestState(target: ts.Expression): boolean {
  const names = chainNames(target);
  return names.length >= 2 && requestHolders.test(names[0]);
}

class DecisionFinder {
  constructor(private readonly facts: Facts) {}

  /** What the value of `expr` (the decode call, or a name bound to it) goes on to decide, if anything. */
  ofValue(expr: ts.Expression, fn: ts.FunctionLikeDeclaration, depth: number): Decision | undefined {
    const use = readOf(expr);
    const parent = use.parent;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === use) {
      if (isRequestState(parent.left)) return `become \`${parent.left.getText()}\``;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === use && depth < 3) return this.ofBinding(parent.name, fn, depth + 1);
    if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === use)) {
      const name = functionName(fn);
      if (name && identityFunction.test(name)) return `are returned by \`${name}\` as the caller's identity`;
    }
    for (let n: ts.Node = use; n.parent && n !== fn; n = n.parent) {
      const p: ts.Node = n.parent;
      if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) return this.ofArgument(p, use);
      if ((ts.isIfStatement(p) && p.expression === n) || (ts.isConditionalExpression(p) && p.condition === n)) {
        const names = chainNames(use);
        return names.slice(1).some((c) => privilegeClaim.test(c)) ? `decide access (\`${use.getText()}\`)` : undefined;
      }
      if (ts.isObjectLiteralExpression(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isBinaryExpression(p) || ts.isParenthesizedExpression(p) || ts.isAwaitExpression(p) || ts.isAsExpression(p)) continue;
      break;
    }
    return undefined;
  }

  private ofArgument(call: ts.CallExpression, use: ts.Expression): Decision | undefined {
    if (jwtCallOf(call, this.facts)?.fn.operation === 'sign') return `are signed into a new token (\`${use.getText()}\`)`;
    if (databaseReadOf(call, this.facts) || databaseWriteOf(call, this.facts)) return `select a database record (\`${use.getText()}\`)`;
    const name = calleeName(call);
    if (name && accountLookup.test(name)) return `choose the account (\`${name}(${use.getText()})\`)`;
    // Hono's `c.set('user', payload)`.
    const callee = unwrap(call.expression);
    if (name === 'set' && ts.isPropertyAccessExpression(callee) && /^(c|ctx|context)$/.test(callee.expression.getText())) return `become \`${callee.expression.getText()}.get(${call.arguments[0]?.getText() ?? ''})\``;
    if (name === 'assign' && callee.getText() === 'Object.assign' && call.arguments[0] && requestHolders.test(chainNames(call.arguments[0])[0] ?? '')) return `are merged into \`${call.arguments[0].getText()}\``;
    return undefined;
  }

  private ofBinding(name: ts.BindingName, fn: ts.FunctionLikeDeclaration, depth: number): Decision | undefined {
    const decls: ts.Node[] = [];
    if (ts.isIdentifier(name)) decls.push(name.parent);
    else for (const el of name.elements) if (ts.isBindingElement(el) && ts.isIdentifier(el.name)) decls.push(el);
    let found: Decision | undefined;
    preorder(fn.body!, (n) => {
      if (found) return false;
      if (ts.isIdentifier(n) && !isDeclarationName(n)) {
        const d = this.facts.resolve(n);
        if (d && decls.includes(d)) found = this.ofValue(n, fn, depth);
      }
      return true;
    });
    return found;
  }
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isVariableDeclaration(p) || ts.isBindingElement(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p)) && p.name === id;
}

function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const p = fn.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/** Whether the function (or one around it) verifies a token too: then the decode reads a header or a `kid`. */
function verifiesToo(fn: ts.FunctionLikeDeclaration, facts: Facts): boolean {
  for (let f: ts.FunctionLikeDeclaration | undefined = fn; f; f = enclosingFunction(f)) {
    let found = false;
    preorder(f.body ?? f, (n) => {
      if (found) return false;
      if (ts.isCallExpression(n)) {
        const name = calleeName(n);
        if ((name && /^verify/i.test(name)) || jwtCallOf(n, facts)?.fn.operation === 'verify') found = true;
      }
      return true;
    });
    if (found) return true;
  }
  return false;
}

/** Only `.header` is read from the result (`decode(token, { complete: true }).header.kid`). */
function readsHeaderOnly(call: ts.CallExpression): boolean {
  const p = call.parent;
  return ts.isPropertyAccessExpression(p) && p.name.text === 'header';
}

/** The jsonwebtoken secret this file signs or verifies with, when the same name is in scope at `at`. */
function secretInScope(at: ts.Node, facts: Facts): string | undefined {
  let found: string | undefined;
  preorder(facts.sourceFile, (n) => {
    if (found) return false;
    if (!ts.isCallExpression(n)) return true;
    const key = signingKeyOf(n, facts);
    if (key && sameInScope(key, n, at, facts)) found = unwrap(key).getText();
    return true;
  });
  return found;
}

/** The key a jsonwebtoken `sign` or `verify` call passes. */
function signingKeyOf(call: ts.CallExpression, facts: Facts): ts.Expression | undefined {
  const jc = jwtCallOf(call, facts);
  if (!jc || jc.fn.library !== 'jsonwebtoken' || jc.fn.operation === 'decode' || jc.fn.keyArgument === undefined) return undefined;
  return call.arguments[jc.fn.keyArgument];
}

/** `process.env.JWT_SECRET`, or a name (`secret`, `config.jwt.secret`) that resolves to the same declaration at both places. */
function sameInScope(key: ts.Expression, from: ts.Node, at: ts.Node, facts: Facts): boolean {
  let root = unwrap(key);
  while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return false;
  if (root.text === 'process' && facts.resolve(root) === undefined) return /^process\.env\.\w+$/.test(unwrap(key).getText());
  const decl = facts.resolve(root);
  return decl !== undefined && facts.resolveName(root.text, at) === decl && from !== at;
}

function verifyFix(jc: JwtCall, facts: Facts): OffsetFix | undefined {
  const call = jc.call;
  const callee = unwrap(call.expression);
  if (jc.fn.library !== 'jsonwebtoken' || !ts.isPropertyAccessExpression(callee) || !call.arguments[0]) return undefined;
  const secret = secretInScope(call, facts);
  if (!secret) return undefined;
  const token = call.arguments[0];
  return {
    title: 'Verify the token instead of decoding it',
    safe: true,
    edits: [
      { start: callee.name.getStart(), end: callee.name.getEnd(), text: 'verify' },
      { start: token.getEnd(), end: token.getEnd(), text: `, ${secret}` },
    ],
  };
}

/** The options object literal of a call's argument, or a `const` bound to one. */
function optionsOf(arg: ts.Expression | undefined, facts: Facts): ts.ObjectLiteralExpression | undefined {
  if (!arg) return undefined;
  const e = unwrap(arg);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = facts.resolve(e);
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

export const jwtUnverified: Rule = {
  meta: {
    id: 'jwt-unverified',
    category: 'security',
    defaultSeverity: 'error',
    title: 'JWT claims trusted without verifying the token',
    description:
      'Decoding a JWT does not check its signature: anyone can write a token that says they are user 1 or an admin. Trust claims only from `verify`, and never let verification accept the `none` algorithm or expired tokens.',
    fixable: 'safe',
    scope: 'declaration',
    // A decode's fix verifies with the secret a jsonwebtoken call elsewhere in the file signs or verifies with.
    unitInputs: { of: [ts.SyntaxKind.CallExpression], read: (node, facts) => (ts.isCallExpression(node) ? signingKeyOf(node, facts)?.getText() : undefined) },
    sources: ['CWE-345', 'CWE-347', 'OWASP A07:2021', 'OWASP JWT Cheat Sheet', 'semgrep javascript.jsonwebtoken.security.jwt-decode-without-verify'],
  },
  create(context) {
    const { facts } = context;
    const decisions = new DecisionFinder(facts);
    return {
      CallExpression(call) {
        const jc = jwtCallOf(call, facts);
        if (!jc || facts.isTestFile) return;
        if (jc.fn.operation === 'verify') {
          const options = jc.fn.optionsArgument === undefined ? undefined : optionsOf(call.arguments[jc.fn.optionsArgument], facts);
          if (!options) return;
          const algorithms = objectProperty(options, 'algorithms');
          const list = algorithms && ts.isPropertyAssignment(algorithms) ? unwrap(algorithms.initializer) : undefined;
          const none = list && ts.isArrayLiteralExpression(list) ? list.elements.find((el) => stringText(el)?.toLowerCase() === 'none') : undefined;
          if (none) {
            context.report({ at: none, message: "`algorithms` accepts 'none': a token with no signature at all passes this verification, so anyone can write one. List only the algorithm you sign with (for example 'HS256')." });
          }
          const ignore = objectProperty(options, 'ignoreExpiration');
          if (ignore && ts.isPropertyAssignment(ignore) && ignore.initializer.kind === ts.SyntaxKind.TrueKeyword) {
            context.report({ at: ignore, message: '`ignoreExpiration: true` accepts expired tokens: a token that leaked once works forever. Remove it and let expired tokens fail.' });
          }
          return;
        }
        if (jc.fn.operation !== 'decode' || jc.fn.headerOnly || readsHeaderOnly(call)) return;
        const fn = enclosingFunction(call);
        if (!fn || !fn.body || verifiesToo(fn, facts)) return;
        const decision = decisions.ofValue(call, fn, 0);
        if (!decision) return;
        const fix = verifyFix(jc, facts);
        const name = call.expression.getText();
        context.report({
          at: call.expression,
          message: `\`${name}\` reads the token without checking its signature, and its claims ${decision}: anyone can write a token with any user id or role. Verify it (\`jwt.verify(token, secret)\`, jose's \`jwtVerify\`) and trust only what verification returns.`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
};
