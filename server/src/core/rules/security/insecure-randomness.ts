import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { SecretNameKind, secretNameKind } from '../../facts/secret-names';
import { unwrap } from '../../facts/syntax';
import { addDefaultImport } from '../../fixers/add-import';
import { randomnessPurpose } from './randomness-purpose';

const what: Readonly<Record<SecretNameKind, string>> = {
  password: 'a password',
  token: 'a token',
  secret: 'a secret',
  key: 'a key',
  'one-time-code': 'a one-time code',
  'session-id': 'a session id',
  'card-number': 'a card number',
  nonce: 'a nonce or salt',
};

/** `Math.random` itself, not a local `Math` or a seeded generator object. */
function isMathRandom(call: ts.CallExpression, facts: Facts): boolean {
  if (call.arguments.length > 0) return false;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'random') return false;
  const math = unwrap(callee.expression);
  return ts.isIdentifier(math) && math.text === 'Math' && facts.resolve(math) === undefined;
}

/**
 * Front-end code: `crypto` there is the Web Crypto global, which has no `randomInt` or `randomBytes`, and
 * `node:crypto` cannot be imported.
 */
function isBrowserCode(facts: Facts, fileName: string): boolean {
  if (/\.[jt]sx$/.test(fileName)) return true;
  const first = facts.sourceFile.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use client') return true;
  return facts.imports.some((i) => /^(react|react-dom|vue|svelte|@angular\/core|solid-js|preact)$/.test(i.module));
}

/** A positive safe integer the expression always has: a literal, a constant, a literal string's `.length`. */
function integerValue(expr: ts.Expression, facts: Facts, depth = 0): number | undefined {
  if (depth > 6) return undefined;
  const e = unwrap(expr);
  if (ts.isNumericLiteral(e)) {
    const n = Number(e.text);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (ts.isBinaryExpression(e)) {
    const a = integerValue(e.left, facts, depth + 1);
    const b = integerValue(e.right, facts, depth + 1);
    if (a === undefined || b === undefined) return undefined;
    const op = e.operatorToken.kind;
    const r = op === ts.SyntaxKind.PlusToken ? a + b : op === ts.SyntaxKind.MinusToken ? a - b : op === ts.SyntaxKind.AsteriskToken ? a * b : undefined;
    return r !== undefined && Number.isSafeInteger(r) ? r : undefined;
  }
  if (ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && e.name.text === 'length')) {
    const target = ts.isIdentifier(e) ? e : unwrap(e.expression);
    if (!ts.isIdentifier(target)) return undefined;
    const declared = facts.constInitializer(target);
    if (!declared) return undefined;
    const init = unwrap(declared);
    if (target === e) return integerValue(init, facts, depth + 1);
    if (ts.isStringLiteralLike(init)) return init.text.length;
    if (ts.isArrayLiteralExpression(init) && !init.elements.some(ts.isSpreadElement)) return init.elements.length;
  }
  return undefined;
}

/** The parent of `node`, skipping parentheses. */
function outer(node: ts.Node): ts.Node {
  let n = node.parent;
  while (ts.isParenthesizedExpression(n)) n = n.parent;
  return n;
}

/** `x.name(...)` called on `node`: the call, when `node`'s parent chain is exactly that. */
function methodCallOn(node: ts.Node, names: ReadonlySet<string>): ts.CallExpression | undefined {
  const access = outer(node);
  if (!ts.isPropertyAccessExpression(access) || !names.has(access.name.text)) return undefined;
  const call = access.parent;
  return ts.isCallExpression(call) && call.expression === access ? call : undefined;
}

interface Replacement {
  node: ts.Node;
  text: (crypto: string) => string;
  safe: boolean;
  title: string;
}

/**
 * `Math.floor(Math.random() * n)` → `crypto.randomInt(n)`, `Math.floor(a + Math.random() * n)` →
 * `crypto.randomInt(a, a + n)`: the same integers, as long as `n` is a positive integer (randomInt throws
 * otherwise, so an `n` not known here makes it a suggestion).
 */
function integerReplacement(random: ts.CallExpression, facts: Facts, sourceFile: ts.SourceFile): Replacement | undefined {
  const product = outer(random);
  if (!ts.isBinaryExpression(product) || product.operatorToken.kind !== ts.SyntaxKind.AsteriskToken) return undefined;
  const factor = unwrap(product.left) === random ? product.right : product.left;
  let sum: ts.BinaryExpression | undefined;
  let floorArg: ts.Node = product;
  const maybeSum = outer(product);
  if (ts.isBinaryExpression(maybeSum) && maybeSum.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    sum = maybeSum;
    floorArg = maybeSum;
  }
  const floor = outer(floorArg);
  if (!ts.isCallExpression(floor) || floor.arguments.length !== 1 || unwrap(floor.arguments[0]) !== floorArg) return undefined;
  const callee = unwrap(floor.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'floor' || callee.expression.getText(sourceFile) !== 'Math') return undefined;
  const n = integerValue(factor, facts);
  const limit = 2 ** 48;
  if (sum) {
    const offset = unwrap(sum.left) === product ? sum.right : sum.left;
    const a = integerValue(offset, facts);
    if (n === undefined || a === undefined || n <= 0 || a < 0 || a + n >= Number.MAX_SAFE_INTEGER || n >= limit) return undefined;
    return { node: floor, text: (c) => `${c}.randomInt(${offset.getText(sourceFile)}, ${a + n})`, safe: true, title: 'Use crypto.randomInt' };
  }
  const factorText = factor.getText(sourceFile);
  if (n !== undefined && n > 0 && n < limit) return { node: floor, text: (c) => `${c}.randomInt(${factorText})`, safe: true, title: 'Use crypto.randomInt' };
  return { node: floor, text: (c) => `${c}.randomInt(${factorText})`, safe: false, title: 'Use crypto.randomInt (the bound must be a positive integer)' };
}

const toStringName = new Set(['toString']);
const sliceNames = new Set(['substring', 'substr', 'slice']);

/**
 * `Math.random().toString(36).substring(2, 12)` → `crypto.randomBytes(5).toString('hex')`: a string of the
 * same length whose characters are a subset of the old alphabet. Without an end the old length varies, so the
 * replacement (32 hex characters) is a suggestion.
 */
function stringReplacement(random: ts.CallExpression): Replacement | undefined {
  const toString = methodCallOn(random, toStringName);
  const radix = toString?.arguments[0] && ts.isNumericLiteral(toString.arguments[0]) ? Number(toString.arguments[0].text) : undefined;
  if (!toString || radix === undefined || radix < 16) return undefined;
  const slice = methodCallOn(toString, sliceNames);
  if (!slice) return undefined;
  const [from, to] = slice.arguments.map((a) => (ts.isNumericLiteral(a) ? Number(a.text) : NaN));
  if (from !== 2) return undefined;
  const method = (slice.expression as ts.PropertyAccessExpression).name.text;
  if (slice.arguments.length === 1) {
    return { node: slice, text: (c) => `${c}.randomBytes(16).toString('hex')`, safe: false, title: 'Use crypto.randomBytes (32 hex characters)' };
  }
  const length = method === 'substr' ? to : to - 2;
  if (slice.arguments.length !== 2 || !Number.isInteger(length) || length <= 0 || length > 64) return undefined;
  const bytes = Math.ceil(length / 2);
  return {
    node: slice,
    text: (c) => `${c}.randomBytes(${bytes}).toString('hex')${length % 2 === 1 ? `.slice(0, ${length})` : ''}`,
    safe: true,
    title: 'Use crypto.randomBytes',
  };
}

/** The file's `crypto` module binding, or an import of `node:crypto` to add. */
function cryptoBinding(facts: Facts): { name: string; edit?: OffsetEdit } {
  const module = facts.imports.some((i) => i.module === 'node:crypto') ? 'node:crypto' : 'crypto';
  return addDefaultImport(facts, { module, localName: 'crypto', namespace: true });
}

function fixFor(random: ts.CallExpression, facts: Facts, sourceFile: ts.SourceFile, fileName: string): OffsetFix[] {
  if (isBrowserCode(facts, fileName)) return [];
  const r = integerReplacement(random, facts, sourceFile) ?? stringReplacement(random);
  if (!r) return [];
  const crypto = cryptoBinding(facts);
  const edits: OffsetEdit[] = [{ start: r.node.getStart(sourceFile), end: r.node.getEnd(), text: r.text(crypto.name) }];
  if (crypto.edit) edits.push(crypto.edit);
  return [{ title: r.title, safe: r.safe, edits }];
}

export const insecureRandomness: Rule = {
  meta: {
    id: 'insecure-randomness',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Math.random() used for a secret value',
    description:
      '`Math.random()` is not a cryptographic generator: its output can be predicted from a few earlier values. Tokens, passwords, one-time codes, session ids and salts made with it can be guessed. Use `crypto.randomBytes`, `crypto.randomInt` or `crypto.randomUUID`.',
    fixable: 'safe',
    scope: 'declaration',
    sources: ['CWE-338', 'CWE-330', 'OWASP A02:2021', 'semgrep javascript.lang.security.insecure-random'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (facts.isTestFile) return {};
    return {
      CallExpression(call) {
        if (!isMathRandom(call, facts)) return;
        const purpose = randomnessPurpose(call);
        const kind = purpose && secretNameKind(purpose.name);
        if (!purpose || !kind || kind === 'card-number') return;
        context.report({
          at: call,
          message: `\`${purpose.name}\` is ${what[kind]} made with \`Math.random()\`, which is predictable: whoever sees a few outputs can compute the next ones and guess it. Use \`crypto.randomBytes\`, \`crypto.randomInt\` or \`crypto.randomUUID\`.`,
          fixes: fixFor(call, facts, sourceFile, context.fileName),
        });
      },
    };
  },
};
