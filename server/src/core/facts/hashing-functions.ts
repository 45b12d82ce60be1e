/**
 * Whether a function hashes one of its parameters with a fast digest: `digest(text)` in lib/crypto-utils.ts
 * returning `createHash('md5').update(text).digest('hex')`. A caller that passes a password to such a helper hashes
 * the password with MD5 as surely as if it had called `createHash` itself; weak-password-hash asks this of the
 * file's own functions, and the project summary records it for the functions a module exports.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { factKey } from './facts';
import { DigestCall, digestCallOf, digestPassThrough, inProtocolFunction } from './digest-calls';
import { calleeName, calleeObject, isFunctionLike, unwrap } from './syntax';

export interface HashedParameter {
  /** The positions of the parameters the digest takes in (`salt + text`: both). */
  parameters: number[];
  /** `MD5`, `SHA-1`, `SHA-256`. */
  algorithm: string;
  /** The line (1-based) of the digest in the function's file, for the message. */
  line: number;
}

/** A helper's digest of its parameters, with the digest call itself (for the file's own rules). */
export interface HashingHelper extends HashedParameter {
  digest: DigestCall;
}

/** The parameters `fn` passes to a fast digest, directly or through concatenation and encoding; the first digest found. */
export function hashedParameterOf(fn: ts.FunctionLikeDeclaration, facts: Facts): HashingHelper | undefined {
  return facts.memo(hashedFact, fn, () => computeHashed(fn, facts));
}

const hashedFact = factKey<HashingHelper | undefined>('hashed parameter');

function computeHashed(fn: ts.FunctionLikeDeclaration, facts: Facts): HashingHelper | undefined {
  if (!fn.body || fn.parameters.length === 0) return undefined;
  let found: HashingHelper | undefined;
  facts.walk(fn.body, (n) => {
    if (found) return false;
    // A nested function is its own helper: what it hashes is its parameters', not this one's.
    if (isFunctionLike(n)) return false;
    if (!ts.isCallExpression(n)) return true;
    const digest = digestCallOf(n, facts);
    if (!digest || inProtocolFunction(digest.at)) return true;
    const parameters = [...new Set(parametersIn(digest.data, fn, facts, 0))];
    if (parameters.length > 0) {
      const line = facts.lineOf(digest.at);
      found = { parameters, algorithm: digest.algorithm, line, digest };
    }
    return !found;
  });
  return found;
}

/** The positions of the parameters of `fn` that `expr` carries unchanged as far as hashing goes (`salt + text`, `Buffer.from(text)`). */
function parametersIn(expr: ts.Expression, fn: ts.FunctionLikeDeclaration, facts: Facts, depth: number): number[] {
  if (depth > 6) return [];
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    if (decl && ts.isParameter(decl) && decl.parent === fn && ts.isIdentifier(decl.name)) return [fn.parameters.indexOf(decl)];
    // `const salted = salt + text`: one step back through a local constant.
    const init = decl && ts.isVariableDeclaration(decl) && decl.pos >= fn.pos && decl.end <= fn.end ? facts.constInitializer(e) : undefined;
    return init ? parametersIn(init, fn, facts, depth + 1) : [];
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...parametersIn(e.left, fn, facts, depth + 1), ...parametersIn(e.right, fn, facts, depth + 1)];
  }
  if (ts.isTemplateExpression(e)) return e.templateSpans.flatMap((span) => parametersIn(span.expression, fn, facts, depth + 1));
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const name = calleeName(e);
    if (name === undefined || !digestPassThrough.has(name)) return [];
    const arg = e.arguments?.[0];
    if (arg) return parametersIn(arg, fn, facts, depth + 1);
    const receiver = ts.isCallExpression(e) ? calleeObject(e) : undefined;
    return receiver ? parametersIn(receiver, fn, facts, depth + 1) : [];
  }
  return [];
}
