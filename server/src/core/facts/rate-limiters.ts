/**
 * Whether an expression is a rate limiter: middleware from the limiter libraries people use, a local function
 * that consumes a limiter, or a name that says it limits (`loginLimiter`, `authRateLimit`, `throttle`) when
 * its definition is out of sight (another module, a parameter, a global).
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import type { LibraryRef } from './libraries';
import { dottedName, isFunctionLike, memberName, objectProperty, unwrap } from './syntax';
import { middlewareKindOf } from '../catalog';
import { preorder } from '../traverse';

/** A module of rate-limiting middleware (the catalogue's middleware table). */
export function isLimiterModule(module: string): boolean {
  return middlewareKindOf(module) === 'rate-limit';
}

/** Names that say they limit: `loginLimiter`, `authRateLimit`, `rate_limit`, `throttle`, `bruteforce`, `slowDown`. */
const limiterName = /limiter|rate[-_]?limit|throttl|brute|slow[-_]?down/i;

export function isLimiterName(name: string | undefined): boolean {
  return name !== undefined && limiterName.test(name);
}

function fromLimiterModule(ref: LibraryRef | undefined): boolean {
  return ref !== undefined && (isLimiterModule(ref.module) || (ref.library !== undefined && isLimiterModule(ref.library)));
}

/** `./limits`, `../middleware/rate-limit`, `@/lib/ratelimit`, `~/server/limiter`, `#middleware`: the project's own code. */
function isLocalModule(module: string): boolean {
  return /^(\.{1,2}\/|[@~#]\/|#|src\/)/.test(module);
}

export class RateLimiterIndex {
  private readonly memo = new Map<ts.Node, boolean>();

  constructor(private readonly facts: Facts) {}

  /** Middleware, a route option or a guard that limits the request rate. */
  isLimiter(expr: ts.Expression): boolean {
    return this.limiter(expr, 0);
  }

  /** A function whose body consumes a limiter: `await limiter.consume(req.ip)`, `ratelimit.limit(ip)`. */
  limitsInBody(fn: ts.FunctionLikeDeclaration): boolean {
    const cached = this.memo.get(fn);
    if (cached !== undefined) return cached;
    this.memo.set(fn, false);
    let found = false;
    if (fn.body) {
      preorder(fn.body, (node) => {
        if (found) return false;
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && this.isLimitingCall(node)) found = true;
        return !found;
      });
    }
    this.memo.set(fn, found);
    return found;
  }

  private isLimitingCall(call: ts.CallExpression | ts.NewExpression): boolean {
    const callee = unwrap(call.expression);
    if (isLimiterName(dottedName(callee))) return true;
    const base = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
    return fromLimiterModule(this.facts.libraryOf(base));
  }

  private limiter(expr: ts.Expression, depth: number): boolean {
    if (depth > 6) return false;
    const e = unwrap(expr);
    if (ts.isArrayLiteralExpression(e)) return e.elements.some((x) => this.limiter(ts.isSpreadElement(x) ? x.expression : x, depth + 1));
    // Fastify's per-route `config: { rateLimit: { max, timeWindow } }`; `rateLimit: false` opts out.
    if (ts.isObjectLiteralExpression(e)) {
      const p = objectProperty(e, 'rateLimit');
      return p !== undefined && !(ts.isPropertyAssignment(p) && p.initializer.kind === ts.SyntaxKind.FalseKeyword);
    }
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return this.limitsInBody(e);
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      const callee = unwrap(e.expression);
      if (callee.kind === ts.SyntaxKind.ImportKeyword && e.arguments?.[0] && ts.isStringLiteralLike(e.arguments[0])) return isLimiterModule(e.arguments[0].text);
      if (ts.isCallExpression(e) && memberName(callee) === 'default' && e.arguments.length === 0) return this.limiter(callee, depth + 1);
      return this.isLimitingCall(e);
    }
    if (ts.isPropertyAccessExpression(e)) return isLimiterName(dottedName(e)) || fromLimiterModule(this.facts.libraryOf(e.expression));
    if (ts.isIdentifier(e)) return this.limiterName(e, depth);
    return false;
  }

  private limiterName(id: ts.Identifier, depth: number): boolean {
    const decl = this.facts.resolve(id);
    const named = isLimiterName(id.text);
    if (!decl || ts.isParameter(decl)) return named;
    if (ts.isImportClause(decl) || ts.isImportSpecifier(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) {
      const ref = this.facts.libraryOf(id);
      if (ref === undefined) return named;
      if (fromLimiterModule(ref)) return true;
      return ((named || isLimiterName(ref.exportName)) && isLocalModule(ref.module)) || isLimiterName(ref.module);
    }
    if (ts.isFunctionDeclaration(decl)) return named || this.limitsInBody(decl);
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer);
      if (isFunctionLike(init)) return named || this.limitsInBody(init);
      if (this.limiter(init, depth + 1)) return true;
      // `const loginLimiter = makeLimiter(…)`: trust the name unless the value plainly comes from another library.
      const ref = this.facts.libraryOf(init);
      if (ref === undefined) return named;
      return (named && isLocalModule(ref.module)) || isLimiterName(ref.module);
    }
    if (ts.isBindingElement(decl)) {
      const ref = this.facts.libraryOf(id);
      return fromLimiterModule(ref) || named;
    }
    return named;
  }
}
