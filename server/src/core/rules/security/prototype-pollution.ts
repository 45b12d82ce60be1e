import * as ts from 'typescript';
import type { Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { calleeName, enclosingFunction, isFunctionLike, unwrap } from '../../facts/syntax';

/** Deep mergers and path setters, by name: their sources or paths may carry `__proto__`. */
const mergers = new Set(['merge', 'mergeWith', 'defaultsDeep', 'extend', 'deepExtend', 'mergeDeep', 'mixinDeep']);
const setters = new Set(['set', 'setWith', 'zipObjectDeep']);
/** Libraries whose deep merge or path set follows `__proto__` / `constructor.prototype` (in some versions). */
const pollutingLibraries = /^(lodash|lodash-es|lodash\.\w+|lodash\/\w+|jquery|merge-deep|mixin-deep|deep-extend|defaults-deep|object-path|merge|extend)$/;
/** Names a hand-written deep merge goes by; other local functions are not looked into. */
const mergeLikeName = /merge|extend|assign|mixin|combine|deep|defaults/i;
/** A guard against the dangerous keys, or a container without a prototype. */
const keyGuard = /__proto__|['"`]constructor['"`]|['"`]prototype['"`]|hasOwnProperty|Object\.hasOwn|getOwnPropertyNames|Object\.create\(\s*null\s*\)|isSafeKey|isPrototypePolluted|\bnew Map\b/;

class Guards {
  private readonly byFunction = new Map<ts.Node, boolean>();
  private readonly recursiveMerges = new Map<ts.Node, boolean>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly facts: Facts,
  ) {}

  /**
   * Whether the function around `node` (or the file, at the top level) guards the dangerous keys, itself or through
   * a function of the file it uses that does (`keys.filter(isValidKey)`, `if (!isValidPath(parts)) return`).
   */
  guarded(node: ts.Node): boolean {
    const fn = enclosingFunction(node) ?? this.sourceFile;
    let known = this.byFunction.get(fn);
    if (known === undefined) this.byFunction.set(fn, (known = keyGuard.test(fn.getText(this.sourceFile)) || this.usesGuardFunction(fn)));
    return known;
  }

  private usesGuardFunction(fn: ts.Node): boolean {
    let found = false;
    this.facts.walk(fn, (n) => {
      if (found) return false;
      if (ts.isIdentifier(n) && n.parent !== fn) {
        const helper = this.facts.localFunction(n);
        found = helper?.body !== undefined && helper !== fn && keyGuard.test(helper.body.getText(this.sourceFile));
      }
      return !found;
    });
    return found;
  }

  /**
   * A hand-written deep merge: it walks a source's keys (`for…in`, `Object.keys/entries`), assigns
   * `target[key]`, calls itself for nested objects, and never checks for `__proto__`.
   */
  isUnguardedRecursiveMerge(fn: ts.FunctionLikeDeclaration): boolean {
    let known = this.recursiveMerges.get(fn);
    if (known !== undefined) return known;
    const name = functionName(fn);
    const text = fn.body ? fn.body.getText(this.sourceFile) : '';
    known =
      name !== undefined &&
      new RegExp(`\\b${name}\\s*\\(`).test(text) &&
      /\bfor\s*\(\s*(const|let|var)\s+\w+\s+in\b|Object\.(keys|entries)\(/.test(text) &&
      /\w\s*\[\s*\w+\s*\]\s*=[^=]/.test(text) &&
      !keyGuard.test(text);
    this.recursiveMerges.set(fn, known);
    return known;
  }
}

/** The function around `node`, past the callbacks it passes (`Object.keys(src).forEach((k) => …)` inside `extend`). */
function namedFunctionAround(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  let fn = enclosingFunction(node);
  while (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn)) {
    const outer = enclosingFunction(fn.parent);
    if (!outer) break;
    fn = outer;
  }
  return fn;
}

/**
 * The name a function is called by in its own body: its own, or the variable it is assigned to, through a chain
 * of assignments (`var deepExtend = module.exports = function (…) {…}`).
 */
function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  let holder: ts.Node = fn.parent;
  while (ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken) holder = holder.parent;
  return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
}

/**
 * `merge(target[key], source[key])` inside `merge`, for the `target[key]` being written: the merge descends where
 * it writes, directly or through a variable that holds that element (`src = target[key]; … merge(src, val)`).
 */
function recursesInto(fn: ts.FunctionLikeDeclaration, base: ts.Identifier, key: ts.Expression, facts: Facts): boolean {
  const name = functionName(fn);
  if (name === undefined || !fn.body || !ts.isIdentifier(key)) return false;
  const baseDecl = facts.resolve(base);
  const keyDecl = facts.resolve(key);
  if (!baseDecl || !keyDecl) return false;
  const isElement = (expr: ts.Expression): boolean => {
    const e = unwrap(expr);
    if (!ts.isElementAccessExpression(e)) return false;
    const b = unwrap(e.expression);
    const k = unwrap(e.argumentExpression);
    return ts.isIdentifier(b) && ts.isIdentifier(k) && facts.resolve(b) === baseDecl && facts.resolve(k) === keyDecl;
  };
  const holders = new Set<ts.Node>();
  facts.walk(fn.body, (n) => {
    if (ts.isVariableDeclaration(n) && n.initializer && isElement(n.initializer)) holders.add(n);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && isElement(n.right)) {
      const held = facts.resolve(n.left);
      if (held) holders.add(held);
    }
  });
  const holdsElement = (arg: ts.Expression): boolean => {
    const e = unwrap(arg);
    if (isElement(e)) return true;
    const held = ts.isIdentifier(e) ? facts.resolve(e) : undefined;
    return held !== undefined && holders.has(held);
  };
  let found = false;
  facts.walk(fn.body, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) found = n.arguments.some(holdsElement);
    return !found;
  });
  return found;
}

/** The variable or parameter `id` names, when it can be reassigned: the cursors a path walk moves. */
function cursorDeclaration(id: ts.Identifier, facts: Facts): ts.VariableDeclaration | ts.ParameterDeclaration | undefined {
  const decl = facts.resolve(id);
  if (!decl || !(ts.isVariableDeclaration(decl) || ts.isParameter(decl)) || !ts.isIdentifier(decl.name)) return undefined;
  return decl;
}

/**
 * `cur = cur[key]` (or `cur = cur[key] ||= {}`) in the function that declares `cur`: `cur` walks down an object
 * by keys. `cur` may be a parameter (`target = target[prop]`), start as another object and move into it (`let p =
 * out; … p = out[section]`), or follow another cursor that walks (`parent = obj` beside `obj = obj[key]`).
 */
function walksDown(target: ts.Identifier, facts: Facts, depth = 0): boolean {
  const decl = cursorDeclaration(target, facts);
  if (!decl) return false;
  const fn = ts.isParameter(decl) ? decl.parent : facts.enclosingFunction(decl);
  if (!fn || !isFunctionLike(fn) || !fn.body) return false;
  const roots = new Set<ts.Node>([decl]);
  const start = ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  const startDecl = start && ts.isIdentifier(start) ? facts.resolve(start) : undefined;
  if (startDecl) roots.add(startDecl);
  const followsCursor = (e: ts.Expression): boolean => depth < 2 && ts.isIdentifier(e) && e.text !== target.text && walksDown(e, facts, depth + 1);
  if (start && followsCursor(start)) return true;
  let found = false;
  facts.walk(fn.body, (n) => {
    if (found) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && facts.resolve(n.left) === decl) {
      found = readsElementOf(n.right, roots, facts) || followsCursor(unwrap(n.right));
    }
    return !found;
  });
  return found;
}

/** `cur[k]`, `cur[k] || {}`, `(cur[k] = cur[k] || {})`: an element, by a computed key, of one of `roots`. */
function readsElementOf(expr: ts.Expression, roots: ReadonlySet<ts.Node>, facts: Facts): boolean {
  const e = unwrap(expr);
  if (ts.isElementAccessExpression(e)) {
    const base = unwrap(e.expression);
    const key = unwrap(e.argumentExpression);
    if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) return false;
    const decl = ts.isIdentifier(base) ? facts.resolve(base) : undefined;
    return decl !== undefined && roots.has(decl);
  }
  if (ts.isBinaryExpression(e)) return readsElementOf(e.left, roots, facts) || readsElementOf(e.right, roots, facts);
  return false;
}

/** Whether a merge/set call goes to lodash, jQuery or a deep-merge package (or to `_` nobody declared). */
function isPollutingLibraryCall(call: ts.CallExpression, facts: Facts): boolean {
  const callee = unwrap(call.expression);
  const ref = facts.libraryOf(callee);
  if (ref) return pollutingLibraries.test(ref.module);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  return /^(_|lodash|\$|jQuery)$/.test(callee.expression.text) && facts.resolve(callee.expression) === undefined;
}

export const prototypePollution: Rule = {
  meta: {
    id: 'prototype-pollution',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request data merged deeply or used as a key path',
    description:
      'A deep merge or a computed key chain driven by request data can write through `__proto__` or `constructor.prototype` into `Object.prototype`, changing every object in the process: authorisation checks flip, the server crashes, sometimes code runs. Merge only known fields, or reject those keys.',
    fixable: 'none',
    scope: 'declaration',
    sources: ['CWE-1321', 'OWASP A08:2021', 'semgrep javascript.lang.security.audit.prototype-pollution'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    const guards = new Guards(sourceFile, facts);
    const origin = (expr: ts.Expression): string | undefined => facts.requestOrigin(expr)?.source;
    /** Request data that may be an object with keys the attacker chose; text and fixed-key literals of text cannot. */
    const objectOrigin = (expr: ts.Expression, depth = 0): string | undefined => {
      const e = unwrap(expr);
      if (ts.isObjectLiteralExpression(e) && depth < 4) {
        for (const p of e.properties) {
          const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : ts.isSpreadAssignment(p) ? p.expression : undefined;
          const found = value && objectOrigin(value, depth + 1);
          if (found) return found;
        }
        return undefined;
      }
      const o = facts.requestOrigin(e);
      return o && !o.text ? o.source : undefined;
    };

    /** Functions already reported for library input: one finding per merge or setter. */
    const reported = new Set<ts.Node>();
    /**
     * Library input: `target[key] = …` where `key` comes from the caller of an exported function, and the write
     * goes deeper than one level: `obj[a][b] = v`, a recursive merge (`merge(target[key], source[key])`), or a
     * path walk (`cur = cur[k]`). One level alone (`obj[key] = value`) sets a property, or at worst the
     * prototype of `obj` itself, not `Object.prototype`.
     */
    const libraryWrite = (node: ts.BinaryExpression, left: ts.ElementAccessExpression): void => {
      const key = unwrap(left.argumentExpression);
      if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) return;
      const inner = unwrap(left.expression);
      // Only an outer key (`obj[a][b] = v`) or a write into a name (a merge, a walk) is reported: `this.cache[key] = v`
      // needs neither the guards nor the flow.
      if (!ts.isIdentifier(inner) && !ts.isElementAccessExpression(inner)) return;
      const fn = namedFunctionAround(node);
      const body = fn?.body;
      if (!fn || !body || reported.has(fn)) return;
      // The key check may sit in the callback or in the function that passes it.
      const guarded = (): boolean => guards.guarded(node) || guards.guarded(body);
      const keyOrigin = (k: ts.Expression) => facts.requestOrigin(k, { callerInput: true });
      const from = (o: { source: string; caller?: string }) => `\`${o.source}\`, from the caller of the exported \`${o.caller}\``;
      let what: string;
      let at: ts.Node = left.argumentExpression;
      if (ts.isElementAccessExpression(inner)) {
        // A key the function was handed as such (`section`, `opts.group`), not one of a collection it iterates.
        const outerKey = unwrap(inner.argumentExpression);
        if (ts.isStringLiteralLike(outerKey) || ts.isNumericLiteral(outerKey) || guarded()) return;
        const nested = keyOrigin(outerKey);
        if (nested?.caller === undefined || nested.source.includes('[]')) return;
        at = inner.argumentExpression;
        what = `${from(nested)}, picks the object that \`${left.getText(sourceFile)}\` writes into`;
      } else {
        // What the function does with the name is read first: it is cheaper than the guards and the flow.
        const recursive = recursesInto(fn, inner, key, facts);
        if (!recursive && !walksDown(inner, facts)) return;
        if (guarded()) return;
        const origin = keyOrigin(key);
        if (origin?.caller === undefined) return;
        what = recursive
          ? `This recursive merge copies the keys of ${from(origin)}, and descends into them`
          : `This function walks down \`${inner.text}\` by the keys in ${from(origin)}, and writes at the end`;
      }
      reported.add(fn);
      context.report({
        at,
        message: `${what}: a key \`__proto__\` (or \`constructor\` then \`prototype\`) makes it write into \`Object.prototype\`, changing every object of the program that uses it. Skip those keys, or check them with \`Object.hasOwn\`.`,
      });
    };

    return {
      CallExpression(call) {
        const name = calleeName(call);
        if (name === undefined || call.arguments.length < 2) return;
        if (mergers.has(name) || setters.has(name)) {
          if (!isPollutingLibraryCall(call, facts)) return;
          // jQuery merges deeply only with `true` first.
          if (name === 'extend' && call.arguments[0].kind !== ts.SyntaxKind.TrueKeyword) return;
          const candidates = setters.has(name) ? [call.arguments[1]] : call.arguments.slice(1);
          for (const arg of candidates) {
            const source = setters.has(name) ? origin(arg) : objectOrigin(arg);
            if (!source || guards.guarded(call)) continue;
            const what = setters.has(name) ? `the key path of \`${name}\`` : `merged deeply by \`${name}\``;
            context.report({
              at: arg,
              message: `\`${source}\` is ${what}: a key such as \`__proto__\` or \`constructor.prototype\` writes into \`Object.prototype\` and changes every object in the server. Copy only the fields you expect, or reject those keys.`,
            });
            return;
          }
          return;
        }
        const callee = unwrap(call.expression);
        if (!ts.isIdentifier(callee) || !mergeLikeName.test(callee.text)) return;
        const fn = facts.localFunction(callee);
        // The merge's own recursive call is not where the data comes in.
        if (!fn || enclosingFunction(call) === fn || !guards.isUnguardedRecursiveMerge(fn)) return;
        for (const arg of call.arguments.slice(1)) {
          const source = objectOrigin(arg);
          if (!source) continue;
          context.report({
            at: arg,
            message: `\`${source}\` is merged by \`${callee.getText(sourceFile)}\`, which copies keys recursively without skipping \`__proto__\` and \`constructor\`: a request can write into \`Object.prototype\`. Skip those keys in the merge, or copy only the fields you expect.`,
          });
          return;
        }
      },
      BinaryExpression(node) {
        if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const left = node.left;
        if (!ts.isElementAccessExpression(left)) return;
        if (facts.isLibraryCode) libraryWrite(node, left);
        const inner = unwrap(left.expression);
        if (!ts.isElementAccessExpression(inner)) return;
        const key = unwrap(inner.argumentExpression);
        if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) return;
        const source = origin(key);
        if (!source || guards.guarded(node)) return;
        context.report({
          at: inner.argumentExpression,
          message: `\`${source}\` picks the object that \`${left.getText(sourceFile)}\` writes into: with \`__proto__\` it is \`Object.prototype\`, and the write changes every object in the server. Reject \`__proto__\`, \`constructor\` and \`prototype\`, or use a \`Map\` or \`Object.create(null)\`.`,
        });
      },
    };
  },
};
