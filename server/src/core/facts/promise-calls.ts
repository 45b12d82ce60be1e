/**
 * Which calls give back a promise, without a type checker: an `async` function or method of this file, a
 * `util.promisify` result, and the promise APIs services use — SQL drivers and ORMs, `fetch` and axios,
 * `fs/promises`, Stripe, mailers. Rules about lost promises and swallowed errors ask this; so would any rule
 * that needs to know a call does I/O and settles later.
 */
import * as ts from 'typescript';
import { Facts, factKey } from './facts';
import { LibraryId, OrmCatalog, OrmId, PromiseApi, drizzle, orms, promiseDrivers } from '../catalog';
import { isProjectModule, type LibraryRef } from './libraries';
import { databaseMethod } from './database-calls';
import { isAsyncFunction, memberName, unwrap } from './syntax';

export type PromiseSource = 'local' | 'promisified' | 'database' | 'http' | 'file' | 'payment' | 'mail';

export interface PromiseCall {
  call: ts.CallExpression;
  source: PromiseSource;
  /** The call changes state elsewhere: a database write, a non-GET request, a file write, a charge, an email. */
  writes: boolean;
  /** A thenable that does nothing until awaited or `.then`ed: Prisma, Knex, Drizzle, Mongoose queries. */
  lazy: boolean;
  /** For a function of this file (`source: 'local'`), its declaration. */
  declaration?: ts.SignatureDeclaration;
}

const sqlWrite = /^[\s(]*(INSERT|UPDATE|DELETE|REPLACE|MERGE|UPSERT|CREATE|ALTER|DROP|TRUNCATE)\b/i;

/** The ORMs' promise APIs, per library: every method that settles later, and those of them that write. */
const ormMethods = new Map<LibraryId, { all: ReadonlySet<string>; writes: ReadonlySet<string>; api: PromiseApi }>(
  (Object.values(orms) as OrmCatalog[])
    .flatMap((orm) => {
      const api = orm.promiseApi;
      return api && orm.id !== drizzle.id ? [[orm.id, { all: new Set([...api.reads, ...api.writes]), writes: new Set(api.writes), api }] as const] : [];
    }),
);

const fetchModules = new Set<LibraryId | undefined>(['node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch']);
const axiosMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const fileWrites = new Set(['writeFile', 'appendFile', 'rename', 'copyFile', 'cp', 'truncate']);
const fileNotPromises = new Set(['constants', 'watch']);
const stripeSync = new Set(['constructEvent', 'constructEventAsync', 'generateTestHeaderString', 'on', 'off', 'once', 'signature']);
const localWriteName = /^(save|create|update|delete|remove|insert|upsert|write|send|charge|pay|refund|store|persist|upload|transfer|submit|commit)([A-Z_]|$)/;

function hasCallbackArgument(call: ts.CallExpression): boolean {
  const last = call.arguments[call.arguments.length - 1];
  return last !== undefined && (ts.isArrowFunction(last) || ts.isFunctionExpression(last));
}

/** Whether a function is declared to settle later: `async`, or a `Promise<…>` return type. */
export function returnsPromise(fn: ts.SignatureDeclaration): boolean {
  if (isAsyncFunction(fn)) return true;
  const type = fn.type;
  return type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise';
}

/** Libraries with a promise API this module knows; a file that imports none of them has no such member call. */
const promiseLibraries = new Set<LibraryId | undefined>([
  ...(Object.keys(orms) as OrmId[]), ...(Object.keys(promiseDrivers) as LibraryId[]), 'axios', 'fs', 'fs/promises', 'stripe', 'nodemailer', '@sendgrid/mail', 'resend',
]);
const importsPromiseLibraryFact = factKey<boolean>('imports a promise library');
const promiseCallFact = factKey<PromiseCall | undefined>('promise call');
const asyncMethodsFact = factKey<ReadonlyMap<string, ts.MethodDeclaration>>('async methods of a class');

function mayCallPromiseLibrary(facts: Facts): boolean {
  return facts.memo(importsPromiseLibraryFact, facts.sourceFile, () => facts.imports.some((i) => promiseLibraries.has(i.library)));
}

/** The promise `call` gives back, if Vigil can tell it gives one. */
export function promiseCallOf(call: ts.CallExpression, facts: Facts): PromiseCall | undefined {
  return facts.memo(promiseCallFact, call, () => computePromiseCall(call, facts));
}

function computePromiseCall(call: ts.CallExpression, facts: Facts): PromiseCall | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return identifierCall(call, callee, facts);
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const method = memberName(callee);
  if (method === undefined) return undefined;
  const receiver = callee.expression;
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) return thisMethodCall(call, method, facts);
  if (method !== 'sendMail' && !mayCallPromiseLibrary(facts)) return undefined;
  const ref = facts.libraryOf(receiver);
  if (!ref) return method === 'sendMail' && !hasCallbackArgument(call) ? made(call, 'mail', true) : undefined;
  if (isProjectModule(ref.module)) return method === 'sendMail' && !hasCallbackArgument(call) ? made(call, 'mail', true) : undefined;
  return libraryCall(call, method, ref, receiver);
}

function made(call: ts.CallExpression, source: PromiseSource, writes: boolean, lazy = false): PromiseCall {
  return { call, source, writes, lazy };
}

function local(call: ts.CallExpression, name: string, declaration: ts.SignatureDeclaration): PromiseCall {
  return { call, source: 'local', writes: localWriteName.test(name), lazy: false, declaration };
}

function identifierCall(call: ts.CallExpression, callee: ts.Identifier, facts: Facts): PromiseCall | undefined {
  const decl = facts.resolve(callee);
  if (!decl) return callee.text === 'fetch' ? made(call, 'http', requestWrites(call.arguments[1])) : undefined;
  if (ts.isFunctionDeclaration(decl)) return returnsPromise(decl) ? local(call, callee.text, decl) : undefined;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return returnsPromise(init) ? local(call, callee.text, init) : undefined;
    if (ts.isCallExpression(init) && isPromisify(init, facts)) return made(call, 'promisified', false);
  }
  if (!ts.isImportSpecifier(decl) && !ts.isImportClause(decl) && !ts.isVariableDeclaration(decl) && !ts.isBindingElement(decl)) return undefined;
  const ref = facts.libraryOf(callee);
  if (!ref) return undefined;
  if (callee.text === 'fetch' || (fetchModules.has(ref.library) && ref.exportName === undefined)) return made(call, 'http', requestWrites(call.arguments[1]));
  if (ref.library === 'axios' && ref.isModule && ref.exportName === undefined) return made(call, 'http', requestWrites(call.arguments[0]));
  if (ref.library === 'fs/promises' && ref.exportName !== undefined && !fileNotPromises.has(ref.exportName)) {
    return made(call, 'file', fileWrites.has(ref.exportName));
  }
  return undefined;
}

function isPromisify(call: ts.CallExpression, facts: Facts): boolean {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  if (name !== 'promisify') return false;
  const ref = facts.libraryOf(callee);
  return ref === undefined || ref.library === 'util';
}

/** `this.save()` where the enclosing class declares `async save()`. */
function thisMethodCall(call: ts.CallExpression, method: string, facts: Facts): PromiseCall | undefined {
  let node: ts.Node | undefined = call.parent;
  while (node && !ts.isClassLike(node)) node = node.parent;
  if (!node) return undefined;
  const cls = node;
  const methods = facts.memo(asyncMethodsFact, cls, () => {
    const declared = cls.members.filter((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && returnsPromise(m));
    return new Map(declared.map((m) => [(m.name as ts.Identifier).text, m]));
  });
  const declaration = methods.get(method);
  return declaration ? local(call, method, declaration) : undefined;
}

function libraryCall(call: ts.CallExpression, method: string, ref: LibraryRef, receiver: ts.Expression): PromiseCall | undefined {
  const library = ref.library;
  // Only a method of the module itself: `(await fs.promises.readFile(p)).toString()` is a method of its result.
  if (library === 'fs' && ref.exportName === 'promises') {
    return fileNotPromises.has(method) || !ref.isModule ? undefined : made(call, 'file', fileWrites.has(method));
  }
  if (library === 'fs/promises') return fileNotPromises.has(method) || !ref.isModule ? undefined : made(call, 'file', fileWrites.has(method));
  if (library === 'axios') return axiosMethods.has(method) ? made(call, 'http', !/^(get|head|options|request)$/.test(method)) : undefined;
  if (library === 'stripe') return stripeCall(call, method, ref, receiver);
  if (library === 'nodemailer') return method === 'sendMail' && !hasCallbackArgument(call) ? made(call, 'mail', true) : undefined;
  if (library === '@sendgrid/mail') return /^send(Multiple)?$/.test(method) && !hasCallbackArgument(call) ? made(call, 'mail', true) : undefined;
  if (library === 'resend') return method === 'send' ? made(call, 'mail', true) : undefined;
  if (hasCallbackArgument(call)) return undefined;
  if (library === drizzle.id) return drizzleCall(call, ref);
  const orm = library === undefined ? undefined : ormMethods.get(library);
  if (orm?.all.has(method) && !(orm.api.onModule !== true && ref.isModule)) {
    const lazy = orm.api.lazy === true || (orm.api.lazy !== false && !orm.api.lazy.except.includes(method));
    return made(call, 'database', orm.writes.has(method) || sqlWrites(call), lazy);
  }
  if (ref.isModule || !promiseDriver(ref)) return undefined;
  return library !== undefined && databaseMethod(library, method) ? made(call, 'database', sqlWrites(call)) : undefined;
}

/** SQL drivers whose query methods return promises when given no callback. */
function promiseDriver(ref: LibraryRef): boolean {
  const api = ref.library === undefined ? undefined : promiseDrivers[ref.library];
  return api === true || (api !== undefined && ref.module === api);
}

function sqlWrites(call: ts.CallExpression): boolean {
  const sql = call.arguments[0];
  if (!sql) return false;
  const e = unwrap(sql);
  const text = ts.isStringLiteralLike(e) ? e.text : ts.isTemplateExpression(e) ? e.head.text : undefined;
  return text !== undefined && sqlWrite.test(text);
}

/** `stripe.customers.create(…)`: any resource method but the webhook helpers, which are synchronous. */
function stripeCall(call: ts.CallExpression, method: string, ref: LibraryRef, receiver: ts.Expression): PromiseCall | undefined {
  if (ref.isModule || stripeSync.has(method) || !ts.isPropertyAccessExpression(unwrap(receiver))) return undefined;
  if (memberName(unwrap(receiver)) === 'webhooks') return undefined;
  return made(call, 'payment', !/^(retrieve|list|search)/.test(method));
}

/** A Drizzle chain is a promise once it names its statement: `db.insert(t).values(v)`, `db.delete(t).where(c)`. */
function drizzleCall(call: ts.CallExpression, ref: LibraryRef): PromiseCall | undefined {
  if (ref.isModule) return undefined;
  for (let e: ts.Expression = call; ts.isCallExpression(e); ) {
    const callee = unwrap(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const name = callee.name.text;
    if (drizzle.promiseApi?.writes.includes(name)) return made(call, 'database', true, true);
    if (drizzle.promiseApi?.reads.includes(name)) return made(call, 'database', false, true);
    e = unwrap(callee.expression);
  }
  return undefined;
}

/** A `fetch`/axios options object whose `method` is not GET or HEAD. */
function requestWrites(options: ts.Expression | undefined): boolean {
  if (!options || !ts.isObjectLiteralExpression(unwrap(options))) return false;
  for (const p of (unwrap(options) as ts.ObjectLiteralExpression).properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== 'method') continue;
    const value = unwrap(p.initializer);
    return ts.isStringLiteralLike(value) && !/^(get|head)$/i.test(value.text);
  }
  return false;
}
