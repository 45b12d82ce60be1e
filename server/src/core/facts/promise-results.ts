/**
 * Which calls give back a promise of a value the code goes on to use: the I/O calls of promise-calls.ts, password
 * hashing (catalog/promise-apis.ts), reads of a model imported from the project's model module, and functions of
 * this file that are not `async` but return such a call (`function check(pw, hash) { return bcrypt.compare(…) }`).
 * Asked by missing-await; memoised per function.
 */
import * as ts from 'typescript';
import { type Facts, factKey } from './facts';
import type { LibraryId } from '../catalog';
import { isProjectModule } from './libraries';
import { promiseCallOf } from './promise-calls';
import { memberName, unwrap } from './syntax';
import { modelModulePath, modelReadMethods, passwordHashApis, type PromisedValue } from '../catalog/promise-apis';
import { preorderBelow } from '../traverse';

export interface PromiseResult {
  /** What the promised value is; 'data' for everything but password hashing. */
  value: PromisedValue | 'data';
  /** A query builder that runs only when awaited, whose builder methods are called on it first (Mongoose, Knex, Prisma, Drizzle). */
  lazy: boolean;
  /** The function of this file that returns the promise, when the call is to one that is not `async`. */
  via?: ts.FunctionLikeDeclaration;
}

function hasCallbackArgument(call: ts.CallExpression): boolean {
  return call.arguments.some((a) => {
    const e = unwrap(a);
    return ts.isArrowFunction(e) || ts.isFunctionExpression(e) || (ts.isIdentifier(e) && /^(cb|callback|done|next)$/.test(e.text));
  });
}

const reachesHashingFact = factKey<boolean>('reaches a password hashing library');

/** Whether the file can reach a password hashing library at all: most cannot, and their calls need no library lookup. */
function reachesHashing(facts: Facts): boolean {
  return facts.memo(reachesHashingFact, facts.sourceFile, () => (Object.keys(passwordHashApis) as LibraryId[]).some((l) => facts.mayReferenceLibrary(l)));
}

/** `bcrypt.compare(pw, hash)` / `argon2.verify(hash, pw)` / `import { hash } from 'argon2'` without a callback. */
function passwordHashCall(call: ts.CallExpression, facts: Facts): PromisedValue | undefined {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  if (name === undefined || !reachesHashing(facts)) return undefined;
  const ref = facts.libraryOf(callee);
  if (!ref || !ref.isModule) return undefined;
  const method = ts.isIdentifier(callee) ? ref.exportName : name;
  const methods = ref.library !== undefined && Object.hasOwn(passwordHashApis, ref.library) ? passwordHashApis[ref.library] : undefined;
  const value = method !== undefined && methods && Object.hasOwn(methods, method) ? methods[method] : undefined;
  return value !== undefined && !hasCallbackArgument(call) ? value : undefined;
}

/** A name imported from the project's model module (`../models/user`). */
function isImportedModel(id: ts.Identifier, facts: Facts): boolean {
  const ref = facts.libraryOf(id);
  return ref !== undefined && isProjectModule(ref.module) && modelModulePath.test(ref.module.replace(/\.[cm]?[jt]s$/, ''));
}

/** A model: made from a library in this file (`mongoose.model(…)`, `sequelize.define(…)`) or imported from the project's models. */
export function isModel(id: ts.Identifier, facts: Facts): boolean {
  const ref = facts.libraryOf(id);
  return ref !== undefined && (!ref.isModule || isImportedModel(id, facts));
}

/** `User.findOne(…)` where `User` is imported from `../models/user`. */
function modelRead(call: ts.CallExpression, facts: Facts): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !modelReadMethods.has(callee.name.text)) return false;
  const receiver = unwrap(callee.expression);
  return ts.isIdentifier(receiver) && /^[A-Z]/.test(receiver.text) && !hasCallbackArgument(call) && isImportedModel(receiver, facts);
}

export class PromiseResults {
  private readonly byFunction = new Map<ts.FunctionLikeDeclaration, PromiseResult | null>();

  constructor(private readonly facts: Facts) {}

  of(call: ts.CallExpression, depth = 0): PromiseResult | undefined {
    const hashed = passwordHashCall(call, this.facts);
    if (hashed) return { value: hashed, lazy: false };
    const io = promiseCallOf(call, this.facts);
    if (io) return { value: 'data', lazy: io.lazy };
    if (modelRead(call, this.facts)) return { value: 'data', lazy: true };
    const callee = unwrap(call.expression);
    const fn = ts.isIdentifier(callee) ? this.facts.localFunction(callee) : undefined;
    if (!fn || depth > 4) return undefined;
    const returned = this.returnedPromise(fn, depth);
    return returned ? { ...returned, via: fn } : undefined;
  }

  /** What a function returns on every path that returns: one kind of promise, or nothing known. */
  private returnedPromise(fn: ts.FunctionLikeDeclaration, depth: number): PromiseResult | undefined {
    const known = this.byFunction.get(fn);
    if (known !== undefined) return known ?? undefined;
    this.byFunction.set(fn, null); // recursion
    const result = this.computeReturned(fn, depth);
    this.byFunction.set(fn, result ?? null);
    return result;
  }

  private computeReturned(fn: ts.FunctionLikeDeclaration, depth: number): PromiseResult | undefined {
    // `async` functions of the file are promise-calls.ts's; a generator's value is an iterator.
    if (!fn.body || fn.asteriskToken || ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
    // Every path's returned expression; `undefined` for a bare `return`, which is no promise.
    const returned: (ts.Expression | undefined)[] = [];
    if (!ts.isBlock(fn.body)) returned.push(fn.body);
    else {
      preorderBelow(fn.body, (node) => {
        if (ts.isReturnStatement(node)) returned.push(node.expression);
        else return !ts.isFunctionLike(node);
        return false;
      });
    }
    let result: PromiseResult | undefined;
    for (const r of returned) {
      const e = r && unwrap(r);
      const inner = e && ts.isCallExpression(e) ? this.of(e, depth + 1) : undefined;
      if (!inner) return undefined;
      result ??= { value: inner.value, lazy: inner.lazy };
    }
    return result;
  }
}
