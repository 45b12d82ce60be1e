/**
 * Where request data flows within a function: from `req.body/query/params/headers/cookies`, Koa's `ctx`,
 * Hono's `c.req`, Next.js `request.json()`/`searchParams`/`formData()`, and NestJS `@Body()/@Query()/@Param()`,
 * through variables, destructuring, property access, template literals, concatenation, `util.format`,
 * `String()`, string methods, and simple helper functions in the same file.
 */
import * as ts from 'typescript';
import { Declaration, ScopeIndex, bindingPath } from './scopes';
import { preorder } from '../traverse';
import { calleeName, dottedName, isFunctionLike, memberName, unwrap } from './syntax';

export interface RequestOrigin {
  /** The request expression the data came from, as written: "req.body.email", "@Body() dto". */
  source: string;
}

const requestMembers = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'rawBody']);
const requestParamNames = /^(req|request|ctx|context|c|event)$/;
const requestTypeNames = /^(Request|NextRequest|FastifyRequest|IncomingMessage|Context|HonoRequest)$/;
/** Body readers on a fetch-style request (Next.js, Hono, Remix) and Hono's accessors. */
const requestReaders = new Set(['json', 'formData', 'text', 'parseBody', 'query', 'queries', 'param', 'header', 'valid']);
const nestSources = new Set(['Body', 'Query', 'Param', 'Params', 'Headers', 'Req', 'Request', 'Cookies']);
/** Calls whose result no longer carries text an attacker chose. */
const sanitizers = /^(Number|parseInt|parseFloat|Boolean|isNaN|isFinite|escape\w*|sanitize\w*|encodeURI\w*|quote\w*|validate\w*|hash\w*|compare\w*|verify\w*|uuid\w*)$/i;
const numericMembers = new Set(['length', 'size']);

type Env = ReadonlyMap<Declaration, RequestOrigin | undefined>;

export class RequestDataIndex {
  private readonly cache = new Map<Declaration, RequestOrigin | null>();
  private assignments: Map<string, ts.Expression[]> | undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly scopes: ScopeIndex,
  ) {}

  /** The request data `expr` carries, if any. */
  origin(expr: ts.Expression): RequestOrigin | undefined {
    return this.eval(expr, undefined, 0);
  }

  /** Whether a parameter holds the incoming request (by name, type, position in a handler, or Nest decorator). */
  isRequestParameter(param: ts.ParameterDeclaration): boolean {
    if (!ts.isIdentifier(param.name)) return false;
    const type = param.type;
    if (type && ts.isTypeReferenceNode(type)) {
      const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
      if (requestTypeNames.test(name)) return true;
    }
    return requestParamNames.test(param.name.text) && param.parent.parameters.indexOf(param) === 0;
  }

  private eval(expr: ts.Expression, env: Env | undefined, depth: number): RequestOrigin | undefined {
    if (depth > 24) return undefined;
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) return this.evalIdentifier(e, env, depth);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return this.evalMember(e, env, depth);
    if (ts.isTemplateExpression(e)) return first(e.templateSpans, (s) => this.eval(s.expression, env, depth + 1));
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        return this.eval(e.left, env, depth + 1) ?? this.eval(e.right, env, depth + 1);
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken) return this.eval(e.right, env, depth + 1);
      return undefined;
    }
    if (ts.isConditionalExpression(e)) return this.eval(e.whenTrue, env, depth + 1) ?? this.eval(e.whenFalse, env, depth + 1);
    if (ts.isCallExpression(e)) return this.evalCall(e, env, depth);
    if (ts.isArrayLiteralExpression(e)) return first(e.elements, (x) => (ts.isSpreadElement(x) ? this.eval(x.expression, env, depth + 1) : this.eval(x, env, depth + 1)));
    if (ts.isObjectLiteralExpression(e)) {
      return first(e.properties, (p) =>
        ts.isPropertyAssignment(p) ? this.eval(p.initializer, env, depth + 1)
        : ts.isShorthandPropertyAssignment(p) ? this.eval(p.name, env, depth + 1)
        : ts.isSpreadAssignment(p) ? this.eval(p.expression, env, depth + 1)
        : undefined,
      );
    }
    return undefined;
  }

  private evalIdentifier(id: ts.Identifier, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const decl = this.scopes.resolve(id);
    if (!decl) return undefined;
    if (env?.has(decl)) return env.get(decl);
    if (ts.isParameter(decl)) return this.parameterOrigin(decl);
    const cached = this.cache.get(decl);
    if (cached !== undefined) return cached ?? undefined;
    this.cache.set(decl, null);
    let origin: RequestOrigin | undefined;
    if (ts.isVariableDeclaration(decl)) {
      origin = decl.initializer ? this.eval(decl.initializer, env, depth + 1) : undefined;
      origin ??= this.assignedOrigin(id.text, decl, env, depth);
    } else if (ts.isBindingElement(decl)) {
      origin = this.bindingOrigin(decl, env, depth);
    }
    if (!env) this.cache.set(decl, origin ?? null);
    return origin;
  }

  /** `const { email } = req.body` and `({ body }) => …` in a handler. */
  private bindingOrigin(element: ts.BindingElement, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const path = bindingPath(element);
    if (!path) return undefined;
    const { root } = path;
    if (ts.isParameter(root)) {
      if (this.parameterOrigin(root)) return { source: `${paramName(root)}.${path.path.join('.')}` };
      const isRequestShaped = root.parent.parameters.indexOf(root) === 0 && requestMembers.has(path.path[0]) && isHandlerLike(root.parent);
      return isRequestShaped ? { source: `req.${path.path.join('.')}` } : env?.get(root);
    }
    if (!root.initializer) return undefined;
    const base = this.eval(root.initializer, env, depth + 1);
    if (base) return { source: `${base.source}.${path.path.join('.')}` };
    const requestBase = this.requestRoot(root.initializer);
    return requestBase ? { source: `${requestBase}.${path.path.join('.')}` } : undefined;
  }

  /** A parameter carries request data itself only through a NestJS decorator; `req` is an object, not data. */
  private parameterOrigin(param: ts.ParameterDeclaration): RequestOrigin | undefined {
    const decorators = ts.canHaveDecorators(param) ? ts.getDecorators(param) ?? [] : [];
    for (const d of decorators) {
      const call = d.expression;
      const name = ts.isCallExpression(call) ? calleeName(call) : ts.isIdentifier(call) ? call.text : undefined;
      if (name && nestSources.has(name)) return { source: `@${name}() ${paramName(param)}` };
    }
    return undefined;
  }

  /** `req.body`, `ctx.request.body`, `c.req` roots: returns the source text when `expr` is one. */
  private requestRoot(expr: ts.Expression): string | undefined {
    const e = unwrap(expr);
    if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
    const name = memberName(e);
    if (name === undefined || !requestMembers.has(name)) return undefined;
    let base = unwrap(e.expression);
    // Koa: ctx.request.body; Hono/others: c.req.*
    if ((ts.isPropertyAccessExpression(base) && (base.name.text === 'request' || base.name.text === 'req'))) base = unwrap(base.expression);
    if (!ts.isIdentifier(base)) return undefined;
    const decl = this.scopes.resolve(base);
    if (!decl || !ts.isParameter(decl) || !this.isRequestParameter(decl)) return undefined;
    return dottedName(e) ?? `${base.text}.${name}`;
  }

  private evalMember(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const root = this.requestRoot(e);
    if (root) return { source: root };
    const name = memberName(e);
    if (name !== undefined && numericMembers.has(name)) return undefined;
    const base = this.eval(e.expression, env, depth + 1);
    if (!base) return undefined;
    return name === undefined ? base : { source: `${base.source}.${name}` };
  }

  private evalCall(call: ts.CallExpression, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const name = calleeName(call);
    if (name !== undefined && sanitizers.test(name)) return undefined;
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = unwrap(callee.expression);
      if (requestReaders.has(callee.name.text) && this.isRequestObject(receiver)) {
        return { source: callee.getText(this.sourceFile) + '()' };
      }
      // `searchParams.get('q')` on a request's URL.
      if (callee.name.text === 'get' && /searchParams$/.test(dottedName(receiver) ?? '')) return { source: `${dottedName(receiver)}.get()` };
      if (name === 'format' || name === 'join' || name === 'concat') {
        return this.eval(callee.expression, env, depth + 1) ?? first(call.arguments, (a) => this.eval(a, env, depth + 1));
      }
      // String methods and `.get()` on tainted data keep it tainted.
      return this.eval(callee.expression, env, depth + 1);
    }
    if (ts.isIdentifier(callee)) {
      if (callee.text === 'String' || callee.text === 'format') return first(call.arguments, (a) => this.eval(a, env, depth + 1));
      return this.helperOrigin(callee, call, env, depth);
    }
    return undefined;
  }

  /** A request-shaped receiver: the request parameter, or Hono's `c.req`. */
  private isRequestObject(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    const id = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) && e.name.text === 'req' && ts.isIdentifier(e.expression) ? e.expression : undefined;
    if (!id) return false;
    const decl = this.scopes.resolve(id);
    return decl !== undefined && ts.isParameter(decl) && this.isRequestParameter(decl);
  }

  /** `buildQuery(req.body.email)` where `buildQuery` is a function in this file that returns what it is given. */
  private helperOrigin(callee: ts.Identifier, call: ts.CallExpression, env: Env | undefined, depth: number): RequestOrigin | undefined {
    const fn = this.localFunction(callee);
    if (!fn || !fn.body || depth > 12) return undefined;
    const bindings = new Map<Declaration, RequestOrigin | undefined>();
    let any = false;
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      const origin = arg ? this.eval(arg, env, depth + 1) : undefined;
      if (origin) any = true;
      bindings.set(p, origin);
      if (!ts.isIdentifier(p.name)) {
        for (const el of p.name.elements) if (ts.isBindingElement(el)) bindings.set(el, origin);
      }
    });
    if (!any) return undefined;
    return first(returnedExpressions(fn), (r) => this.eval(r, bindings, depth + 1));
  }

  localFunction(id: ts.Identifier): ts.FunctionLikeDeclaration | undefined {
    const decl = this.scopes.resolve(id);
    if (!decl) return undefined;
    if (ts.isFunctionDeclaration(decl)) return decl;
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
    }
    return undefined;
  }

  /** `let sql = '…'; sql += req.body.x;` — later assignments to a `let` in the same file. */
  private assignedOrigin(name: string, decl: ts.VariableDeclaration, env: Env | undefined, depth: number): RequestOrigin | undefined {
    if ((decl.parent.flags & ts.NodeFlags.Const) !== 0) return undefined;
    this.assignments ??= collectAssignments(this.sourceFile);
    const writes = this.assignments.get(name);
    if (!writes) return undefined;
    return first(writes, (w) => {
      const target = (w.parent as ts.BinaryExpression).left as ts.Identifier;
      return this.scopes.resolve(target) === decl ? this.eval(w, env, depth + 1) : undefined;
    });
  }
}

function paramName(p: ts.ParameterDeclaration): string {
  return ts.isIdentifier(p.name) ? p.name.text : 'param';
}

/** Functions that look like request handlers: `(req, res)`, `(req, res, next)`, `async (request) =>`. */
function isHandlerLike(fn: ts.SignatureDeclaration): boolean {
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  return names.includes('res') || names.includes('reply') || names.includes('next') || names.includes('response');
}

export function returnedExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  preorder(body, (n) => {
    if (n !== body && (isFunctionLike(n) || ts.isClassLike(n))) return false;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    return true;
  });
  return out;
}

/** Right-hand sides of `x = …` and `x += …`, by the assigned name. */
function collectAssignments(sourceFile: ts.SourceFile): Map<string, ts.Expression[]> {
  const out = new Map<string, ts.Expression[]>();
  preorder(sourceFile, (n) => {
    if (
      ts.isBinaryExpression(n) &&
      (n.operatorToken.kind === ts.SyntaxKind.EqualsToken || n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) &&
      ts.isIdentifier(n.left)
    ) {
      let list = out.get(n.left.text);
      if (!list) out.set(n.left.text, (list = []));
      list.push(n.right);
    }
  });
  return out;
}

function first<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = f(item);
    if (r !== undefined) return r;
  }
  return undefined;
}
