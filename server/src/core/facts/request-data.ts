/**
 * Where request data flows, and whether it still does harm where it arrives.
 *
 * Sources: `req.body/query/params/headers/cookies` (Express, Fastify), Koa's `ctx.request`, Hono's `c.req`,
 * Next.js `request.json()`/`formData()`/`searchParams` and the `params`/`searchParams` of route handlers and
 * pages, server actions' `FormData` parameters, NestJS `@Body()/@Query()/@Param()/@Headers()`, WebSocket and
 * `postMessage` payloads, and `JSON.parse` of any of these; for path sinks, also archive entry names.
 *
 * Propagation within a function and through the file's own helpers: assignment, destructuring (renames,
 * defaults, rest), property and element access, spread, `Object.assign`, template literals, concatenation,
 * `String()`, string methods, array `join`, `util.format`, `path.join/resolve`, `for…of` and array callbacks,
 * values a helper returns, and a helper's parameters when a call in the file passes request data to them.
 *
 * A question names the sink kind the value reaches; a transformation or a passed test that leaves nothing
 * dangerous for that kind ends the flow (flow-sanitizers.ts, flow-guards.ts). Calls the facts do not know
 * (an imported `escapeHtml`, `schema.parse`, `Model.find`) end every flow: a value that comes back from a
 * library is not the text the attacker sent, and staying quiet is the safe side.
 */
import * as ts from 'typescript';
import { Declaration, ScopeIndex, bindingPath, functionDeclaredBy } from './scopes';
import type { LibraryIndex } from './libraries';
import { FlowGuards } from './flow-guards';
import { isWrappedHandler } from './handler-wrappers';
import type { MutationIndex } from './mutations';
import type { FactKey } from './facts';
import { type NodeCollections, byName } from './node-collections';
import { FlowMode, SinkKind, endsFlow, questionMethods, replaceSanitizes, stringMethods, stripsParentSegments } from './flow-sanitizers';
import { TreeIndex, Walk, preorder } from '../traverse';
import {
  graphqlRootTypes, localMessageChannels, rawUrlMembers, urlHostParts, nestSourceDecorators, trpcResolverMethods, nestTextDecorators, nextEntryNames, nextRouteProps, requestMembers, requestParameterNames,
  requestReaders, requestTypeNames, socketLifecycleEvents, textRequestMembers, textRequestReaders, uploadStorageMembers,
} from '../catalog/request-sources';
import { pathBuilders, pathSegmentTakers } from '../catalog/file-systems';
import { isRemoteClientName } from '../catalog/http-clients';
import { isUrlParser, urlParserConstructors } from '../catalog/url-parsers';
import { uploadCallbacks } from '../catalog/upload-parsers';
import { calleeName, dottedName, isConstDeclaration, isFunctionLike, memberChain, memberName, unwrap } from './syntax';

export type { SinkKind } from './flow-sanitizers';

export interface RequestOrigin {
  /** The request expression the data came from, as written: "req.body.email", "@Body() dto". */
  source: string;
  /**
   * True when the value is always text (a URL parameter, a header, a form field, a raw socket message, or
   * anything built by a template or a string method): it cannot be an object such as `{ "$gt": "" }`.
   */
  text?: boolean;
  /**
   * Library input: the value is a parameter of the exported function named here, so it comes from whoever
   * calls the module, not from a request this file sees.
   */
  caller?: string;
  /** With `caller`: the 0-based index of that function's parameter the value is. */
  parameter?: number;
  /**
   * The caller's value is built into a larger value after a part the function itself chose (`'git log ' + x`,
   * `path.join(BASE, name)`), rather than being the whole value, which is the function's contract.
   */
  built?: boolean;
  /** The value is a name inside an archive (an entry's path, a link's target), not request data. */
  archive?: boolean;
}

export interface FlowQuery {
  /**
   * The kind of sink the value reaches. Sanitisers for that kind end the flow (`path.basename` for `path`,
   * `encodeURIComponent` for `url`, `String()` for `nosql`…); those for other kinds do not. Without it the
   * question is asked for `sql`, the flow facts' first sink; `any` follows the value through every
   * transformation but the neutral ones (numbers, digests), the widest answer (project summaries ask it first).
   */
  sink?: FlowMode;
  /** Also follow the parameters of the file's exported functions, as data from the module's caller (library input). */
  callerInput?: boolean;
  /**
   * Asked before it is known whether the value reaches a sink (is any argument of this call request data?), so
   * that a costlier question can be skipped: a project summary's record of what reaches its sinks leaves it out.
   */
  probe?: boolean;
}

const numericMembers = new Set(['length', 'size']);
/** Array methods whose callback's first parameter is an element of the receiver. */
const elementCallbacks = new Set(['forEach', 'map', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'then']);

type Env = ReadonlyMap<Declaration, RequestOrigin | undefined>;

/**
 * What a call of another module's function gives back, from the project's summaries: request data that module
 * reads itself, or some of the arguments, for the sink kinds named (see project/export-summary.ts).
 */
export interface ImportedReturn {
  request?: { source: string; text?: boolean; kinds: readonly SinkKind[] };
  parameters?: readonly { parameter: number; kinds: readonly SinkKind[] }[];
  /** The call returns a request handler that calls its argument at this index with the request (a handler wrapper). */
  handler?: number;
}

/** Written out, not made by `factKey`: facts.ts imports this module. */
const assignmentsFact: FactKey<readonly ts.Expression[]> = { name: 'assignments' };
const plainCallsFact: FactKey<readonly ts.CallExpression[]> = { name: 'plain-name-calls' };
const testedMembersFact: FactKey<readonly string[]> = { name: 'tested-members' };

export class RequestDataIndex {
  private readonly caches = new Map<string, Map<Declaration, RequestOrigin | null>>();
  /** Whether the question being answered follows library input (see FlowQuery.callerInput). */
  private callerInput = false;
  private readonly guards: FlowGuards;
  private assignments: Map<string, ts.Expression[]> | undefined;
  private callsByName: Map<string, ts.CallExpression[]> | undefined;
  private testedMembers: Set<string> | undefined;
  /**
   * Inside the argument of a URL decoder, for a path: a `..` test passed before decoding proves nothing of the
   * decoded text (`%2e%2e%2f` holds no `..`), so only tests that confine the value whatever its text count.
   */
  private decodingPath = false;
  /** The file's helpers whose return value is being followed (helperOrigin). */
  private readonly activeHelpers = new Set<ts.FunctionLikeDeclaration>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly scopes: ScopeIndex,
    private readonly libraries: LibraryIndex,
    private readonly tree: TreeIndex,
    private readonly collections: NodeCollections,
    private readonly mutations: MutationIndex,
    /** The name the module exports `fn` under, if it does. */
    private readonly exportedAs: (fn: ts.FunctionLikeDeclaration) => string | undefined,
    /** What a call into another module of the project returns (none for a file analysed alone). */
    private readonly importedReturn: (call: ts.CallExpression) => ImportedReturn | undefined = () => undefined,
  ) {
    this.guards = new FlowGuards(scopes);
  }

  /** The request data `expr` carries into a sink of the queried kind, if any. */
  origin(expr: ts.Expression, query?: FlowQuery): RequestOrigin | undefined {
    this.callerInput = query?.callerInput === true;
    try {
      return this.eval(expr, query?.sink ?? 'sql', undefined, 0);
    } finally {
      this.callerInput = false;
    }
  }

  /** Whether the use of `decl` at `use` comes only after a passed test that makes it safe for `sink`. */
  guarded(use: ts.Node, decl: Declaration, sink: SinkKind): boolean {
    return this.guards.protects(use, decl, sink);
  }

  /** Whether a parameter holds the incoming request (by name, type, position in a handler, or Nest decorator). */
  isRequestParameter(param: ts.ParameterDeclaration): boolean {
    if (!ts.isIdentifier(param.name)) return false;
    const type = param.type;
    if (type && ts.isTypeReferenceNode(type)) {
      const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
      if (requestTypeNames.test(name)) return true;
    }
    if (param.parent.parameters.indexOf(param) !== 0) return false;
    return requestParameterNames.test(param.name.text) || isWrappedHandler(param.parent, (id) => this.scopes.resolve(id), (call) => this.importedReturn(call)?.handler);
  }

  private eval(expr: ts.Expression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    if (depth > 24) return undefined;
    const origin = this.evalNode(unwrap(expr), mode, env, depth);
    // An object operator needs an object: text cannot carry one into a MongoDB filter.
    return mode === 'nosql' && origin?.text ? undefined : origin;
  }

  private evalNode(e: ts.Expression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    if (ts.isIdentifier(e)) return this.evalIdentifier(e, mode, env, depth);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return this.evalMember(e, mode, env, depth);
    if (ts.isTemplateExpression(e)) {
      const found = firstWithIndex(e.templateSpans, (s) => this.eval(s.expression, mode, env, depth + 1));
      return asText(found && builtAfter(found.origin, found.index > 0 || e.head.text !== ''));
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.PlusEqualsToken) {
        const left = this.eval(e.left, mode, env, depth + 1);
        if (left && left.caller === undefined) return asText(left);
        const right = this.eval(e.right, mode, env, depth + 1);
        // Request data wins over a caller's value: it is the sender's, whoever calls.
        return asText(right && right.caller === undefined ? right : left ?? builtAfter(right, true));
      }
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        return this.eval(e.left, mode, env, depth + 1) ?? this.eval(e.right, mode, env, depth + 1);
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken || op === ts.SyntaxKind.EqualsToken) {
        return this.eval(e.right, mode, env, depth + 1);
      }
      return undefined;
    }
    if (ts.isConditionalExpression(e)) return this.eval(e.whenTrue, mode, env, depth + 1) ?? this.eval(e.whenFalse, mode, env, depth + 1);
    if (ts.isCallExpression(e)) return this.evalCall(e, mode, env, depth);
    if (ts.isNewExpression(e)) return this.evalNew(e, mode, env, depth);
    if (ts.isArrayLiteralExpression(e)) {
      const found = firstWithIndex(e.elements, (x) => this.eval(ts.isSpreadElement(x) ? x.expression : x, mode, env, depth + 1));
      return found && builtAfter(found.origin, found.index > 0);
    }
    if (ts.isObjectLiteralExpression(e)) {
      return first(e.properties, (p) =>
        ts.isPropertyAssignment(p) ? this.eval(p.initializer, mode, env, depth + 1)
        : ts.isShorthandPropertyAssignment(p) ? this.eval(p.name, mode, env, depth + 1)
        : ts.isSpreadAssignment(p) ? this.eval(p.expression, mode, env, depth + 1)
        : undefined,
      );
    }
    return undefined;
  }

  private evalIdentifier(id: ts.Identifier, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const decl = this.scopes.resolve(id);
    if (!decl) return id.text === 'arguments' ? this.argumentsOrigin(id) : undefined;
    const origin = env?.has(decl) ? env.get(decl) : this.declarationOrigin(decl, mode, env, depth);
    return origin && this.guards.protects(id, decl, this.guardMode(mode)) ? undefined : origin;
  }

  private guardMode(mode: FlowMode): FlowMode {
    return this.decodingPath && mode === 'path' ? 'any' : mode;
  }

  /** Follows a decoder's argument for `mode` (see decodingPath). */
  private decoded(mode: FlowMode, follow: () => RequestOrigin | undefined): RequestOrigin | undefined {
    if (mode !== 'path' || this.decodingPath) return follow();
    this.decodingPath = true;
    try {
      return follow();
    } finally {
      this.decodingPath = false;
    }
  }

  private declarationOrigin(decl: Declaration, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const key = `${mode}${this.callerInput ? '+caller' : ''}${this.decodingPath ? '+decoded' : ''}`;
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new Map()));
    const cached = cache.get(decl);
    if (cached !== undefined) return cached ?? undefined;
    cache.set(decl, null); // guards cycles: `let a = b; b = a`
    let origin: RequestOrigin | undefined;
    if (ts.isParameter(decl)) {
      origin = this.parameterOrigin(decl, mode, depth);
    } else if (ts.isVariableDeclaration(decl)) {
      origin = decl.initializer ? this.eval(decl.initializer, mode, env, depth + 1) : this.loopElementOrigin(decl, mode, env, depth);
      origin ??= this.assignedOrigin(decl, mode, env, depth) ?? this.mutatedOrigin(decl, mode, env, depth);
    } else if (ts.isBindingElement(decl)) {
      origin = this.bindingOrigin(decl, mode, env, depth);
    }
    // Inside a helper the answer depends on the arguments bound in `env`: not cached.
    if (env) cache.delete(decl);
    else cache.set(decl, origin ?? null);
    return origin;
  }

  /** `for (const item of req.body.items)`: an element of the iterated value; `for (const key in req.body)`: its keys. */
  private loopElementOrigin(decl: ts.VariableDeclaration, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const loop = decl.parent.parent;
    if (ts.isForOfStatement(loop)) return this.eval(loop.expression, mode, env, depth + 1);
    if (ts.isForInStatement(loop)) return asText(this.eval(loop.expression, mode, env, depth + 1));
    return undefined;
  }

  /** `const { email, name: n = 'x', ...rest } = req.body` and `({ body }) => …` in a handler. */
  private bindingOrigin(element: ts.BindingElement, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const found = bindingPath(element);
    if (!found) return undefined;
    const { root } = found;
    // A rest element holds the remaining properties of its pattern's value, not a property named after it.
    const path = element.dotDotDotToken ? found.path.slice(0, -1) : found.path;
    const suffix = path.length > 0 ? `.${path.join('.')}` : '';
    if (ts.isParameter(root)) {
      const own = env?.has(root) ? env.get(root) : this.declarationOrigin(root, mode, env, depth);
      if (own) return { ...own, source: own.source === '' ? path.join('.') : `${own.source}${suffix}` };
      const index = root.parent.parameters.indexOf(root);
      if (index === 0 && requestMembers.has(path[0]) && isHandlerLike(root.parent)) {
        return this.textFor({ source: `req${suffix}`, text: textRequestMembers.has(path[0]) }, mode);
      }
      if (nextRouteProps.has(path[0]) && isNextEntry(root.parent)) return { source: path.join('.'), text: true };
      if (index === 0 && path[0] === 'input' && isTrpcResolver(root.parent)) return { source: path.join('.'), text: true };
      return this.calledWithClientData(root) ? { source: ts.isIdentifier(root.name) ? `${root.name.text}${suffix}` : path.join('.'), text: true } : undefined;
    }
    const base = root.initializer ? this.eval(root.initializer, mode, env, depth + 1) : this.loopElementOrigin(root, mode, env, depth);
    if (base) return { ...base, source: `${base.source}${suffix}` };
    const requestBase = root.initializer && this.requestRoot(root.initializer);
    return requestBase ? { ...requestBase, source: `${requestBase.source}${suffix}` } : undefined;
  }

  private textFor(origin: RequestOrigin, mode: FlowMode): RequestOrigin | undefined {
    return mode === 'nosql' && origin.text ? undefined : origin;
  }

  /**
   * Parameters that hold request data themselves: NestJS decorated ones, a server action's `FormData`, a
   * socket's message payload, an element of request data in an array callback, and a same-file helper's
   * parameter that a call in this file passes request data to. `req` itself is an object, not data.
   */
  private parameterOrigin(param: ts.ParameterDeclaration, mode: FlowMode, depth: number): RequestOrigin | undefined {
    const decorators = ts.canHaveDecorators(param) ? ts.getDecorators(param) ?? [] : [];
    for (const d of decorators) {
      const call = d.expression;
      const name = ts.isCallExpression(call) ? calleeName(call) : ts.isIdentifier(call) ? call.text : undefined;
      if (name && nestSourceDecorators.has(name)) return { source: `@${name}() ${paramName(param)}`, text: nestTextDecorators.has(name) };
    }
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    if (isServerActionForm(param, fn, this.sourceFile)) return { source: paramName(param), text: true };
    if (!isFunctionLike(fn)) return undefined;
    if (index === 0 && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
      const payload = this.payloadOrigin(fn, mode, depth);
      if (payload) return payload;
    }
    // A destructured parameter is named by the properties taken from it (bindingOrigin).
    if (this.calledWithClientData(param)) return { source: ts.isIdentifier(param.name) ? param.name.text : '', text: true };
    return this.callSiteOrigin(fn, index, mode, depth) ?? this.callerOrigin(param, fn);
  }

  /** Library input: `arguments` in an exported function that takes its input that way (`extend(target, …sources)` in ES5). */
  private argumentsOrigin(id: ts.Identifier): RequestOrigin | undefined {
    if (!this.callerInput) return undefined;
    let fn: ts.Node | undefined = id.parent;
    // An arrow function has no `arguments` of its own: it sees its enclosing function's.
    while (fn && (!isFunctionLike(fn) || ts.isArrowFunction(fn))) fn = fn.parent;
    if (!fn || !isFunctionLike(fn) || isHandlerLike(fn)) return undefined;
    const label = this.exportedAs(fn);
    return label === undefined ? undefined : { source: 'arguments', caller: label };
  }

  /** Library input: a parameter of an exported function that is not a request handler's. */
  private callerOrigin(param: ts.ParameterDeclaration, fn: ts.FunctionLikeDeclaration): RequestOrigin | undefined {
    if (!this.callerInput || isHandlerLike(fn) || this.isRequestParameter(param) || !mayHoldText(param.type)) return undefined;
    const label = this.exportedAs(fn);
    return label === undefined ? undefined : { source: paramName(param), caller: label, parameter: fn.parameters.indexOf(param) };
  }

  /**
   * A parameter the framework fills with client data: a GraphQL resolver's `args` (its second parameter, in a
   * `Query`/`Mutation`/`Subscription` map), and the fields and file names an upload parser's callback gets.
   */
  private calledWithClientData(param: ts.ParameterDeclaration): boolean {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    if (index === 1 && isGraphqlResolver(fn)) return true;
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || call.arguments[call.arguments.length - 1] !== fn) return false;
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const library = this.libraries.of(callee.expression)?.library;
    const callbacks = library === undefined ? undefined : uploadCallbacks[library];
    if (!callbacks) return false;
    const event = call.arguments[0];
    const eventName = call.arguments.length === 2 && ts.isStringLiteralLike(event) ? event.text : undefined;
    const method = callee.name.text;
    return callbacks.some((c) => (c.event !== undefined ? method === 'on' && eventName === c.event : c.method === method) && c.parameters.includes(index));
  }

  /** The first parameter of a socket `message` handler, a socket.io event handler, or an array callback over request data. */
  private payloadOrigin(fn: ts.ArrowFunction | ts.FunctionExpression, mode: FlowMode, depth: number): RequestOrigin | undefined {
    const parent = fn.parent;
    // `ws.onmessage = (event) => …`
    if (ts.isBinaryExpression(parent) && parent.right === fn && ts.isPropertyAccessExpression(parent.left) && parent.left.name.text === 'onmessage') {
      return { source: paramName(fn.parameters[0]), text: true };
    }
    if (!ts.isCallExpression(parent)) return undefined;
    const callee = unwrap(parent.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    if (elementCallbacks.has(method) && parent.arguments[0] === fn) {
      const base = this.eval(callee.expression, mode, undefined, depth + 1);
      // A promise's callback gets the settled value itself, an array's gets an element.
      return base && (method === 'then' ? base : { ...base, source: `${base.source}[]` });
    }
    if (!/^(on|once|addEventListener|addListener)$/.test(method) || parent.arguments[1] !== fn) return undefined;
    const event = parent.arguments[0];
    if (!event || !ts.isStringLiteralLike(event)) return undefined;
    const receiver = dottedName(callee.expression) ?? '';
    if (event.text === 'message') return localMessageChannels.test(receiver) ? undefined : { source: paramName(fn.parameters[0]), text: true };
    // socket.io: any other event on a socket a `connection` handler received; its payload is parsed JSON.
    if (socketLifecycleEvents.has(event.text)) return undefined;
    const socket = unwrap(callee.expression);
    const decl = ts.isIdentifier(socket) ? this.scopes.resolve(socket) : undefined;
    if (!decl || !ts.isParameter(decl) || !isConnectionHandler(decl.parent)) return undefined;
    return { source: paramName(fn.parameters[0]) };
  }

  /** `function load(name) { … }` called as `load(req.query.file)` elsewhere in the file. */
  private callSiteOrigin(fn: ts.FunctionLikeDeclaration, index: number, mode: FlowMode, depth: number): RequestOrigin | undefined {
    const name = functionName(fn);
    if (!name || depth > 12) return undefined;
    this.callsByName ??= byName(this.collections.of(plainCallsFact, gatherPlainCall), (call) => (call.expression as ts.Identifier).text);
    const calls = this.callsByName.get(name.text);
    if (!calls) return undefined;
    return first(calls, (call) => {
      const arg = call.arguments[index];
      if (!arg || ts.isSpreadElement(arg) || this.localFunction(call.expression as ts.Identifier) !== fn) return undefined;
      return this.eval(arg, mode, undefined, depth + 1);
    });
  }

  /** `req.body`, `ctx.request.body`, `c.req` roots, and a Next.js page's `props.params`. */
  private requestRoot(expr: ts.Expression): RequestOrigin | undefined {
    const e = unwrap(expr);
    if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
    const name = memberName(e);
    if (name === undefined) return undefined;
    let base = unwrap(e.expression);
    if (nextRouteProps.has(name) && ts.isIdentifier(base)) {
      const decl = this.scopes.resolve(base);
      if (decl && ts.isParameter(decl) && isNextEntry(decl.parent)) return { source: `${base.text}.${name}`, text: true };
    }
    if (name === 'input' && ts.isIdentifier(base)) {
      const decl = this.scopes.resolve(base);
      if (decl && ts.isParameter(decl) && isTrpcResolver(decl.parent)) return { source: `${base.text}.input`, text: true };
    }
    if (!requestMembers.has(name)) return undefined;
    // Koa: ctx.request.body; Hono/others: c.req.*
    if (ts.isPropertyAccessExpression(base) && (base.name.text === 'request' || base.name.text === 'req')) base = unwrap(base.expression);
    // Koa 1's generator middleware has the context as `this`: `this.query`, `this.request.body`.
    if (base.kind === ts.SyntaxKind.ThisKeyword) return isInGenerator(base) ? { source: e.getText(this.sourceFile), text: textRequestMembers.has(name) } : undefined;
    if (!ts.isIdentifier(base)) return undefined;
    const decl = this.scopes.resolve(base);
    if (!decl || !ts.isParameter(decl) || !this.isRequestParameter(decl)) return undefined;
    return { source: dottedName(e) ?? `${base.text}.${name}`, text: textRequestMembers.has(name) };
  }

  /** The values of `name = value` and `name += value` in the file, by the name assigned. */
  private assignedValues(): Map<string, ts.Expression[]> {
    return (this.assignments ??= byName(this.collections.of(assignmentsFact, gatherAssignment), (value) => ((value.parent as ts.BinaryExpression).left as ts.Identifier).text));
  }

  /** Whether a test (`if`, `?:`, `&&`, `||`, `switch`) somewhere in the file reads the member path `e` spells. */
  private isTestedMember(e: ts.Expression): boolean {
    this.testedMembers ??= new Set(this.collections.of(testedMembersFact, (n, out) => {
      const tested = ts.isIfStatement(n) || ts.isSwitchStatement(n) ? n.expression
        : ts.isConditionalExpression(n) ? n.condition
        : ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || n.operatorToken.kind === ts.SyntaxKind.BarBarToken) ? n.left
        : undefined;
      if (!tested) return;
      this.tree.preorder(tested, (m) => {
        const key = (ts.isPropertyAccessExpression(m) || ts.isElementAccessExpression(m)) && memberKey(m);
        if (key) out.push(key);
      });
    }));
    const key = memberKey(e);
    return key !== undefined && this.testedMembers.has(key);
  }

  private evalMember(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    // `if (allowed.includes(req.query.f)) read(req.query.f)`: the path tested is the path used (the whole path only).
    // Only a path that some test in the file reads can be guarded: the others skip the climb to the function's top.
    const inner = ts.isPropertyAccessExpression(e.parent) || ts.isElementAccessExpression(e.parent) ? e.parent.expression === e : false;
    if (!inner && this.isTestedMember(e)) {
      const path = this.guards.memberPath(e);
      if (path && this.guards.protects(e, path, this.guardMode(mode))) return undefined;
    }
    const root = this.requestRoot(e);
    const name = memberName(e);
    if (root) return mode === 'url' && name !== undefined && rawUrlMembers.has(name) ? undefined : root;
    if (name !== undefined && numericMembers.has(name)) return undefined;
    if (mode === 'path' && name !== undefined && urlHostParts.has(name)) return undefined;
    if (mode === 'path' && name !== undefined) {
      const entry = archiveEntryName(e, name);
      if (entry) return entry;
    }
    const base = this.eval(e.expression, mode, env, depth + 1);
    if (!base) return undefined;
    // multer's `req.file.path` and `filename` are chosen by the server; `originalname` is the client's.
    if (name !== undefined && uploadStorageMembers.has(name) && /(^|\.)files?(\.|\[|$)/.test(base.source)) return undefined;
    return name === undefined ? base : { ...base, source: `${base.source}.${name}` };
  }

  private evalCall(call: ts.CallExpression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    // `var quote = JSON.stringify`: the call is the global's, whatever the file named it (a `quote` that
    // stringifies is no shell quoting).
    const alias = this.globalAlias(call.expression);
    const name = alias ? alias.name.text : calleeName(call);
    if (name !== undefined && endsFlow(name, mode)) return undefined;
    const callee = alias ?? unwrap(call.expression);
    const args = (from = 0): RequestOrigin | undefined => first(call.arguments.slice(from), (a) => this.eval(a, mode, env, depth + 1));
    // A library-input question is about this file alone: what it says is part of the file's own summary.
    const imported = this.callerInput ? undefined : this.importedReturn(call);
    if (imported && (imported.request || imported.parameters)) return this.importedOrigin(call, imported, mode, env, depth);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = unwrap(callee.expression);
      const method = callee.name.text;
      if (requestReaders.has(method) && this.isRequestObject(receiver)) {
        return { source: callee.getText(this.sourceFile) + '()', text: textRequestReaders.has(method) };
      }
      // `searchParams.get('q')` on a request's URL.
      if (method === 'get' && (/searchParams$/.test(dottedName(receiver) ?? '') || (ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'searchParams'))) {
        return { source: `${dottedName(receiver) ?? 'searchParams'}.get()`, text: true };
      }
      const global = ts.isIdentifier(receiver) && this.scopes.resolve(receiver) === undefined ? receiver.text : undefined;
      if (global === 'JSON') {
        // Parsing turns text back into objects; serialising makes a string literal, safe inside code.
        if (method === 'parse') return untext(call.arguments[0] && this.eval(call.arguments[0], 'any', env, depth + 1));
        return mode === 'code' ? undefined : asText(args());
      }
      if (global === 'Object' && /^(assign|values|entries|keys|freeze|fromEntries)$/.test(method)) return args();
      // `Array.prototype.slice.call(arguments, 1)`, `[].slice.call(list)`: the array method on the value it is called with.
      if (method === 'call' && isArrayPrototypeMethod(receiver, this.scopes)) return call.arguments[0] && this.eval(call.arguments[0], mode, env, depth + 1);
      // A Buffer holds bytes: it can carry text into SQL or a path, never an operator object into a filter.
      if (global === 'Buffer' && method === 'from') return mode === 'nosql' ? undefined : args();
      if (global === 'Array' && method === 'from') return args();
      // `Promise.resolve(v).then((x) => …)`: the promise settles with the value.
      if (global === 'Promise' && method === 'resolve') return args();
      if (this.isPathModule(receiver) && pathBuilders.has(method)) return this.pathCall(call, method, mode, env, depth);
      const parser = this.urlParserOf(receiver, method);
      if (parser) {
        // A query-string parser decodes what it parses; a URL parser leaves the path encoded.
        const follow = (): RequestOrigin | undefined => call.arguments[0] && this.eval(call.arguments[0], parsedMode(mode), env, depth + 1);
        const parsed = parser === 'url' ? follow() : this.decoded(mode, follow);
        return parser === 'qs' ? untext(parsed) : asText(parsed);
      }
      if (mode === 'code' && isRemoteClientName(dottedName(receiver)?.split('.')[0] ?? '')) return { source: shortCall(call, this.sourceFile) };
      if (name === 'format') return this.eval(receiver, mode, env, depth + 1) ?? this.formatCall(call, mode, env, depth);
      if (name === 'join' || name === 'concat') return this.eval(receiver, mode, env, depth + 1) ?? args();
      // Methods on request data keep it, except the ones that answer a question about it.
      const base = this.eval(receiver, mode, env, depth + 1);
      if (!base || questionMethods.has(method)) return undefined;
      if ((method === 'replace' || method === 'replaceAll') && (replaceSanitizes(call, mode) || (mode === 'path' && stripsParentSegments(call, receiver)))) return undefined;
      return stringMethods.has(method) ? asText(base) : base;
    }
    if (ts.isIdentifier(callee)) {
      const decl = this.scopes.resolve(callee);
      if (decl === undefined) {
        if (/^(decodeURI|decodeURIComponent|unescape|atob)$/.test(callee.text)) return asText(this.decoded(mode, () => args()));
        if (callee.text === 'String' || /^(encodeURI|encodeURIComponent|escape|btoa)$/.test(callee.text)) return asText(args());
        if (mode === 'code' && isRemoteClientName(callee.text)) return { source: shortCall(call, this.sourceFile) };
      }
      if (callee.text === 'format') return this.formatCall(call, mode, env, depth);
      const imported = decl === undefined ? undefined : this.libraries.of(callee);
      const exported = imported?.isModule ? imported.exportName : undefined;
      if (imported?.library === 'path' && exported !== undefined && pathBuilders.has(exported)) return this.pathCall(call, exported, mode, env, depth);
      if (imported?.library === 'util' && exported === 'format') return this.formatCall(call, mode, env, depth);
      if (imported?.isModule && isUrlParser(imported.library, exported)) {
        const parsed = call.arguments[0] && this.eval(call.arguments[0], parsedMode(mode), env, depth + 1);
        return imported.library === 'qs' ? untext(parsed) : asText(parsed);
      }
      if (this.wrapsUrlParser(decl)) return asText(call.arguments[0] && this.eval(call.arguments[0], parsedMode(mode), env, depth + 1));
      return this.helperOrigin(callee, call, mode, env, depth);
    }
    return undefined;
  }

  /**
   * `new URL(req.url, base)` and `new URLSearchParams(body)` parse their first argument and keep it; `new
   * Buffer(name)`, Node's old form of `Buffer.from`, holds its bytes.
   */
  private evalNew(e: ts.NewExpression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const callee = unwrap(e.expression);
    const input = e.arguments?.[0];
    if (!input || !ts.isIdentifier(callee) || this.scopes.resolve(callee) !== undefined) return undefined;
    if (urlParserConstructors.has(callee.text)) return asText(this.eval(input, parsedMode(mode), env, depth + 1));
    if (callee.text === 'Buffer' || callee.text === 'String') return mode === 'nosql' ? undefined : this.eval(input, mode, env, depth + 1);
    return undefined;
  }

  /**
   * `getUserInput(req)` of another module, which returns `req.body.q`; `normalise(req.body.q)`, which returns its
   * argument trimmed. Known only for the sink kinds its summary names: a sanitiser there ends the flow here.
   */
  private importedOrigin(call: ts.CallExpression, imported: ImportedReturn, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const carries = (kinds: readonly SinkKind[]): boolean => mode === 'any' || kinds.includes(mode);
    const request = imported.request;
    if (request && carries(request.kinds)) return this.textFor({ source: shortCall(call, this.sourceFile), ...(request.text ? { text: true } : {}) }, mode);
    for (const p of imported.parameters ?? []) {
      const arg = call.arguments[p.parameter];
      if (!arg || ts.isSpreadElement(arg) || !carries(p.kinds)) continue;
      const origin = this.eval(arg, mode, env, depth + 1);
      if (origin) return origin;
    }
    return undefined;
  }

  /** `JSON.stringify` when `callee` is a variable the file set to a global's method once: `var quote = JSON.stringify`. */
  private globalAlias(callee: ts.Expression): ts.PropertyAccessExpression | undefined {
    const e = unwrap(callee);
    const decl = ts.isIdentifier(e) ? this.scopes.resolve(e) : undefined;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !ts.isIdentifier(decl.name)) return undefined;
    const init = unwrap(decl.initializer);
    if (!ts.isPropertyAccessExpression(init) || !ts.isIdentifier(init.expression) || this.scopes.resolve(init.expression) !== undefined) return undefined;
    return this.assignedValues().has(decl.name.text) ? undefined : init;
  }

  /** `util.format('git log %s', branch)`: a caller's value put into the function's own format is built into it. */
  private formatCall(call: ts.CallExpression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const found = firstWithIndex(call.arguments, (a) => this.eval(a, mode, env, depth + 1));
    return found && builtAfter(found.origin, found.index > 0);
  }

  /** `path.join(base, name)` carries `name`; `path.basename` ends a path flow but not an HTML one. */
  private pathCall(call: ts.CallExpression, method: string, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    if (mode === 'path' && pathSegmentTakers.has(method)) return undefined;
    // `path.join(dest, path.join('/', name))`: normalised against the root first, `..` cannot climb above it,
    // so joined after `dest` it stays below `dest`. (Not so for `resolve`, where an absolute part starts over.)
    const confined = (a: ts.Expression, i: number): boolean => mode === 'path' && method === 'join' && i > 0 && this.isRootedNormalisation(a);
    const found = firstWithIndex(call.arguments, (a, i) => (confined(a, i) ? undefined : this.eval(a, mode, env, depth + 1)));
    return asText(found && builtAfter(found.origin, found.index > 0));
  }

  /** `path.join('/', name)` or `path.normalize('/' + name)`: a path normalised below the file-system root. */
  private isRootedNormalisation(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(unwrap(e.expression))) return false;
    const callee = unwrap(e.expression) as ts.PropertyAccessExpression;
    if (!this.isPathModule(callee.expression)) return false;
    const head = e.arguments[0] && unwrap(e.arguments[0]);
    const rooted = (x: ts.Expression | undefined): boolean => x !== undefined && ts.isStringLiteralLike(x) && x.text.startsWith('/');
    if (callee.name.text === 'join') return e.arguments.length > 1 && rooted(head);
    return callee.name.text === 'normalize' && head !== undefined && ts.isBinaryExpression(head) && head.operatorToken.kind === ts.SyntaxKind.PlusToken && rooted(unwrap(head.left));
  }

  /** `const memoizedParse = mem(parse)`: a wrapper around a URL parser (a memoiser, `once`) parses as it does. */
  private wrapsUrlParser(decl: Declaration | undefined): boolean {
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
    const init = unwrap(decl.initializer);
    if (!ts.isCallExpression(init) || init.arguments.length !== 1) return false;
    const ref = this.libraries.of(init.arguments[0]);
    return ref?.isModule === true && isUrlParser(ref.library, ref.exportName);
  }

  /** The parser library of `url.parse(…)` or `querystring.parse(…)`, when `receiver` is that module. */
  private urlParserOf(receiver: ts.Expression, method: string): string | undefined {
    const ref = ts.isIdentifier(receiver) && this.scopes.resolve(receiver) !== undefined ? this.libraries.of(receiver) : undefined;
    return ref?.isModule && ref.exportName === undefined && isUrlParser(ref.library, method) ? ref.library : undefined;
  }

  /** `path`, `path.posix`, `require('path')`, `import * as path from 'node:path'`. */
  private isPathModule(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (ts.isPropertyAccessExpression(e) && (e.name.text === 'posix' || e.name.text === 'win32')) return this.isPathModule(e.expression);
    if (!ts.isIdentifier(e)) return false;
    const decl = this.scopes.resolve(e);
    if (!decl) return e.text === 'path';
    const ref = this.libraries.of(e);
    return ref !== undefined && ref.isModule && ref.library === 'path';
  }

  /** A request-shaped receiver: the request parameter, or Hono's `c.req`. */
  private isRequestObject(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    const id = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) && e.name.text === 'req' && ts.isIdentifier(e.expression) ? e.expression : undefined;
    if (!id) return false;
    const decl = this.scopes.resolve(id);
    return decl !== undefined && ts.isParameter(decl) && this.isRequestParameter(decl);
  }

  /**
   * `buildQuery(req.body.email)` where `buildQuery` is a function in this file that returns what it is given,
   * and `readName(req)` where it returns request data itself.
   */
  private helperOrigin(callee: ts.Identifier, call: ts.CallExpression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const fn = this.localFunction(callee);
    // A recursive helper is followed once: entered again from inside itself, each branch would double the work
    // down to the depth bound, and its base cases are what it returns.
    if (!fn || !fn.body || depth > 12 || this.activeHelpers.has(fn)) return undefined;
    this.activeHelpers.add(fn);
    try {
      return this.helperReturn(fn, call, mode, env, depth);
    } finally {
      this.activeHelpers.delete(fn);
    }
  }

  private helperReturn(fn: ts.FunctionLikeDeclaration, call: ts.CallExpression, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const bindings = new Map<Declaration, RequestOrigin | undefined>();
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      const origin = arg ? this.eval(arg, mode, env, depth + 1) : undefined;
      bindings.set(p, origin);
      if (!ts.isIdentifier(p.name)) {
        for (const el of p.name.elements) if (ts.isBindingElement(el)) bindings.set(el, origin);
      }
    });
    return first(returnedExpressions(fn, (root, enter) => this.tree.preorder(root, enter)), (r) => this.eval(r, mode, bindings, depth + 1));
  }

  localFunction(id: ts.Identifier): ts.FunctionLikeDeclaration | undefined {
    if (!ts.isIdentifier(id)) return undefined;
    return functionDeclaredBy(this.scopes.resolve(id));
  }

  /** `const parts = ['grep']; parts.push(req.query.q)` and `const filter = {}; filter.email = req.body.email`. */
  private mutatedOrigin(decl: ts.VariableDeclaration, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    // Pushed after elements the function wrote itself (`['git', 'log']`), a caller's value is built into the list.
    const ownStart = [decl.initializer, ...this.laterValues(decl)].some((v) => v !== undefined && ts.isArrayLiteralExpression(unwrap(v)) && (unwrap(v) as ts.ArrayLiteralExpression).elements.length > 0);
    return first(this.mutations.valuesPutInto(decl), (v) => {
      const origin = this.eval(v, mode, env, depth + 1);
      return builtAfter(origin, ownStart && isPushed(v));
    });
  }

  /** What `var args; … args = ['notify-send']` is set to after its declaration. */
  private laterValues(decl: ts.VariableDeclaration): readonly ts.Expression[] {
    if (isConstDeclaration(decl) || !ts.isIdentifier(decl.name)) return [];
    return (this.assignedValues().get(decl.name.text) ?? []).filter((w) => this.scopes.resolve((w.parent as ts.BinaryExpression).left as ts.Identifier) === decl);
  }

  /** `let sql = '…'; sql += req.body.x;` — later assignments to a `let` in the same file. */
  private assignedOrigin(decl: ts.VariableDeclaration, mode: FlowMode, env: Env | undefined, depth: number): RequestOrigin | undefined {
    if (isConstDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
    const writes = this.assignedValues().get(decl.name.text);
    if (!writes) return undefined;
    // `cmd += opts.branch` after `let cmd = 'git log '`: the caller's value is appended to the function's own start.
    const ownStart = decl.initializer !== undefined && !isEmptyString(decl.initializer);
    return first(writes, (w) => {
      const write = w.parent as ts.BinaryExpression;
      if (this.scopes.resolve(write.left as ts.Identifier) !== decl) return undefined;
      const origin = this.eval(w, mode, env, depth + 1);
      return builtAfter(origin, ownStart && write.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken);
    });
  }
}

/**
 * An archive entry's own name (adm-zip `entry.entryName`, yauzl `entry.fileName`, unzipper `entry.path`,
 * tar-stream `header.name`) or the target of a link entry (`header.linkname`): whoever made the archive chose
 * it, so it is a source for path sinks (zip slip).
 */
function archiveEntryName(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string): RequestOrigin | undefined {
  const base = unwrap(e.expression);
  if (!ts.isIdentifier(base)) return undefined;
  const entry = /entry/i.test(base.text) && (name === 'entryName' || name === 'fileName' || name === 'path');
  const header = /header/i.test(base.text) && name === 'name';
  // adm-zip's `entryName` and a tar header's `linkname` (the target of a link entry) are archive names whatever
  // the holder is called (`item.entryName`, a plugin's `x.linkname`).
  const own = name === 'entryName' || name === 'linkname';
  return entry || header || own ? { source: `${base.text}.${name}`, text: true, archive: true } : undefined;
}

/** `Array.prototype.slice` or `[].slice`: an array method taken off the prototype, to be `call`ed on another value. */
function isArrayPrototypeMethod(expr: ts.Expression, scopes: ScopeIndex): boolean {
  if (!ts.isPropertyAccessExpression(expr)) return false;
  const owner = unwrap(expr.expression);
  if (ts.isArrayLiteralExpression(owner)) return owner.elements.length === 0;
  if (!ts.isPropertyAccessExpression(owner) || owner.name.text !== 'prototype') return false;
  const global = unwrap(owner.expression);
  return ts.isIdentifier(global) && global.text === 'Array' && scopes.resolve(global) === undefined;
}

/** `fetch(url)` as written, or `fetch(…)` when the arguments are long. */
function shortCall(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  const text = call.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length <= 40 ? text : `${call.expression.getText(sourceFile)}(…)`;
}

function asText(origin: RequestOrigin | undefined): RequestOrigin | undefined {
  return origin && !origin.text ? { ...origin, text: true } : origin;
}

function untext(origin: RequestOrigin | undefined): RequestOrigin | undefined {
  if (!origin) return undefined;
  const { text: _text, ...rest } = origin;
  return rest;
}

/**
 * The raw request URL is a redirect source only through its parsed query (`url.parse(req.url, true).query.next`):
 * a parser's argument is followed whatever the sink.
 */
function parsedMode(mode: FlowMode): FlowMode {
  return mode === 'url' ? 'any' : mode;
}

/**
 * A parameter whose declared type may carry a caller's text: none declared, `string`, `any`, `unknown`, or an
 * options object. A framework instance or a service (`fastify: FastifyInstance`) is not text from a caller.
 */
function mayHoldText(type: ts.TypeNode | undefined): boolean {
  if (!type) return true;
  if (type.kind === ts.SyntaxKind.StringKeyword || type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.UnknownKeyword) return true;
  if (ts.isTypeLiteralNode(type) || ts.isArrayTypeNode(type)) return true;
  if (ts.isUnionTypeNode(type)) return type.types.some(mayHoldText);
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  return /(Options|Opts|Args|Arguments|Params|Input|Props)$/.test(name);
}

/** `req.query.f` and `req.query['f']` alike, by the names as written: `req.query.f`. */
function memberKey(e: ts.Expression): string | undefined {
  const chain = memberChain(e);
  return chain && `${chain.root.text}.${chain.names.join('.')}`;
}

function isEmptyString(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) && u.text === '';
}

/** `list.push(v)` or `list.push(...v)`: appended after what the list held (not `unshift`ed before it, nor set as a field). */
function isPushed(value: ts.Expression): boolean {
  const call = ts.isSpreadElement(value.parent) ? value.parent.parent : value.parent;
  return ts.isCallExpression(call) && calleeName(call) === 'push';
}

/** A caller's value placed after a part the function chose is built into the result, not the whole of it. */
function builtAfter(origin: RequestOrigin | undefined, afterOwnPart: boolean): RequestOrigin | undefined {
  return origin?.caller !== undefined && afterOwnPart && !origin.built ? { ...origin, built: true } : origin;
}

function paramName(p: ts.ParameterDeclaration): string {
  return ts.isIdentifier(p.name) ? p.name.text : 'param';
}

/** Functions that look like request handlers: `(req, res)`, `(req, res, next)`, `async (request) =>`. */
function isHandlerLike(fn: ts.SignatureDeclaration): boolean {
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  return names.includes('res') || names.includes('reply') || names.includes('next') || names.includes('response');
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** A Next.js route handler (`export async function GET(request, { params })`), page or layout (`export default function Page({ params })`). */
function isNextEntry(fn: ts.SignatureDeclaration): boolean {
  if (ts.isFunctionDeclaration(fn)) {
    if (!hasModifier(fn, ts.SyntaxKind.ExportKeyword)) return false;
    return hasModifier(fn, ts.SyntaxKind.DefaultKeyword) || (fn.name !== undefined && nextEntryNames.test(fn.name.text));
  }
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    const decl = fn.parent;
    if (ts.isExportAssignment(decl)) return true;
    return ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && nextEntryNames.test(decl.name.text) && hasModifier(decl.parent.parent, ts.SyntaxKind.ExportKeyword);
  }
  return false;
}

/** A server action's form: a `FormData` parameter of a function in a `'use server'` file or body. */
function isServerActionForm(param: ts.ParameterDeclaration, fn: ts.SignatureDeclaration, sourceFile: ts.SourceFile): boolean {
  const type = param.type;
  const typed = type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'FormData';
  if (!typed && !(ts.isIdentifier(param.name) && /^(form|formData|data)$/.test(param.name.text) && type === undefined)) return false;
  const body = isFunctionLike(fn) ? fn.body : undefined;
  return hasUseServer(sourceFile.statements) || (body !== undefined && ts.isBlock(body) && hasUseServer(body.statements));
}

function hasUseServer(statements: readonly ts.Statement[]): boolean {
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false;
    if (s.expression.text === 'use server') return true;
  }
  return false;
}

/** Inside a generator function (Koa 1's middleware), not an arrow within it. */
function isInGenerator(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n)) continue;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) return n.asteriskToken !== undefined;
    if (ts.isSourceFile(n) || ts.isClassLike(n)) return false;
  }
  return false;
}

/** `t.procedure.input(schema).mutation(({ input }) => …)`: a tRPC resolver with a declared input. */
function isTrpcResolver(fn: ts.SignatureDeclaration): boolean {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !trpcResolverMethods.has(callee.name.text)) return false;
  for (let e = unwrap(callee.expression); ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = unwrap(e.expression)) {
    if (ts.isCallExpression(e) && calleeName(e) === 'input') return true;
  }
  return false;
}

/** `Query: { user: (parent, args) => … }` and `Mutation: { addUser(parent, args) { … } }` in a resolver map. */
function isGraphqlResolver(fn: ts.SignatureDeclaration): boolean {
  const holder = ts.isMethodDeclaration(fn) ? fn : fn.parent;
  if (!ts.isPropertyAssignment(holder) && !ts.isMethodDeclaration(holder)) return false;
  const map = holder.parent;
  if (!ts.isObjectLiteralExpression(map) || !ts.isPropertyAssignment(map.parent)) return false;
  const key = map.parent.name;
  return (ts.isIdentifier(key) || ts.isStringLiteral(key)) && graphqlRootTypes.test(key.text);
}

/** `io.on('connection', (socket) => …)`: the function receives a connected socket.io socket. */
function isConnectionHandler(fn: ts.SignatureDeclaration): boolean {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || calleeName(call) !== 'on') return false;
  const event = call.arguments[0];
  return event !== undefined && ts.isStringLiteralLike(event) && (event.text === 'connection' || event.text === 'connect');
}

/** The name a function is called by in this file: `function f`, `const f = () => …`. */
function functionName(fn: ts.FunctionLikeDeclaration): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name;
  return undefined;
}

export function returnedExpressions(fn: ts.FunctionLikeDeclaration, walk: Walk = preorder): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  walk(body, (n) => {
    if (n !== body && (isFunctionLike(n) || ts.isClassLike(n))) return false;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    return true;
  });
  return out;
}

/** The value of `name = value` or `name += value`. */
function gatherAssignment(n: ts.Node, out: ts.Expression[]): void {
  if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.EqualsToken || n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) && ts.isIdentifier(n.left)) out.push(n.right);
}

/** Calls of plain names (`load(x)`), for following data into the file's own functions. */
function gatherPlainCall(n: ts.Node, out: ts.CallExpression[]): void {
  if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.arguments.length > 0) out.push(n);
}

/**
 * The first part of a built value that carries data, and its position: request data first, wherever it is
 * (it is the sender's, whoever calls), else the first caller's value.
 */
function firstWithIndex<T>(items: readonly T[], f: (item: T, index: number) => RequestOrigin | undefined): { origin: RequestOrigin; index: number } | undefined {
  let caller: { origin: RequestOrigin; index: number } | undefined;
  for (let index = 0; index < items.length; index++) {
    const origin = f(items[index], index);
    if (origin === undefined) continue;
    if (origin.caller === undefined) return { origin, index };
    caller ??= { origin, index };
  }
  return caller;
}

function first<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = f(item);
    if (r !== undefined) return r;
  }
  return undefined;
}
