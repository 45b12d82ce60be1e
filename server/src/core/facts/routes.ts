/**
 * Route registrations and the middleware around them: Express apps and routers, Fastify, Koa routers, Hono,
 * Next.js route handlers and NestJS controllers.
 */
import * as ts from 'typescript';
import type { LibraryIndex } from './libraries';
import { ScopeIndex } from './scopes';
import { dottedName, isFunctionLike, memberName, objectProperty, stringText, unwrap } from './syntax';

export type Framework = 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'nestjs' | 'unknown';

export interface Route {
  framework: Framework;
  /** Upper case: "POST". "ALL" for `app.all` and `app.use(path, …)` mounts. */
  method: string;
  /** As written; NestJS routes join the controller prefix and the method path. */
  path: string | undefined;
  /** Where to report about the route: the method name of the registration, or the handler's name. */
  at: ts.Node;
  /** The registration call (Express-style and Fastify), if any. */
  call?: ts.CallExpression;
  /** `app`, `router`, `fastify`…: the expression the route was registered on. */
  receiver?: ts.Expression;
  /** Middleware between the path and the handler, Fastify hooks, NestJS method and class decorators. */
  middleware: ts.Expression[];
  handler?: ts.FunctionLikeDeclaration;
  /** Fastify's route options object, where there is one. */
  options?: ts.ObjectLiteralExpression;
}

/** `app.use(...)`, `router.use(...)`, `fastify.register(...)`, `app.useGlobalGuards(...)`. */
export interface MiddlewareMount {
  receiver: ts.Expression;
  /** Dotted name of the receiver ("app", "this.app"), for matching against routes. */
  receiverName: string | undefined;
  path: string | undefined;
  args: readonly ts.Expression[];
  call: ts.CallExpression;
}

const httpMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);
const nestMethods = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head']);
const nextExports = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const mountMethods = new Set(['use', 'register', 'useGlobalGuards', 'useGlobalInterceptors']);
/** HTTP clients whose `.post('/path', …)` is a request, not a route. */
const clientLibraries = new Set(['axios', 'got', 'superagent', 'supertest', 'ky', 'node-fetch', 'undici', 'request', 'needle', 'ofetch']);
const frameworkByLibrary: Readonly<Record<string, Framework>> = {
  express: 'express',
  fastify: 'fastify',
  koa: 'koa',
  'koa-router': 'koa',
  hono: 'hono',
  next: 'next',
  nestjs: 'nestjs',
};

function isPathLike(node: ts.Expression | undefined): boolean {
  const text = node && (stringText(node) ?? (ts.isTemplateExpression(node) ? node.head.text : undefined));
  return text !== undefined && (text.startsWith('/') || text === '*' || text === '');
}

function pathText(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  return stringText(node) ?? (ts.isTemplateExpression(node) ? node.getText() : undefined);
}

export class RouteCollector {
  readonly routes: Route[] = [];
  readonly mounts: MiddlewareMount[] = [];

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly scopes: ScopeIndex,
    private readonly libraries: LibraryIndex,
  ) {}

  visitCall(call: ts.CallExpression): void {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const name = callee.name.text;
    if (httpMethods.has(name)) this.expressStyle(call, callee, name);
    else if (name === 'route') this.fastifyRoute(call, callee);
    else if (mountMethods.has(name) && call.arguments.length > 0) {
      const first = call.arguments[0];
      this.mounts.push({
        receiver: callee.expression,
        receiverName: dottedName(callee.expression),
        path: isPathLike(first) ? pathText(first) : undefined,
        args: call.arguments.filter((a) => !isPathLike(a)),
        call,
      });
    }
  }

  visitClass(cls: ts.ClassDeclaration): void {
    const controller = decoratorCall(cls, 'Controller');
    if (!controller) return;
    const prefixArg = controller.arguments[0];
    const prefix = stringText(prefixArg) ?? (prefixArg && ts.isObjectLiteralExpression(prefixArg) ? stringText(propertyValue(prefixArg, 'path')) : undefined) ?? '';
    const classDecorators = (ts.getDecorators(cls) ?? []).map((d) => d.expression);
    for (const member of cls.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const decorators = ts.getDecorators(member) ?? [];
      const route = decorators.find((d) => ts.isCallExpression(d.expression) && nestMethods.has(decoratorName(d) ?? ''));
      if (!route || !ts.isCallExpression(route.expression)) continue;
      const sub = stringText(route.expression.arguments[0]) ?? '';
      this.routes.push({
        framework: 'nestjs',
        method: decoratorName(route)!.toUpperCase(),
        path: '/' + [prefix, sub].filter((s) => s !== '').join('/').replace(/\/+/g, '/').replace(/^\//, ''),
        at: route,
        middleware: [...decorators.map((d) => d.expression), ...classDecorators],
        handler: member,
      });
    }
  }

  /** Next.js App Router: `export async function POST(request)` (or `export const POST = …`). */
  visitTopLevel(statement: ts.Statement): void {
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) return;
    if (ts.isFunctionDeclaration(statement) && statement.name && nextExports.has(statement.name.text)) {
      this.routes.push({ framework: 'next', method: statement.name.text, path: this.nextPath(), at: statement.name, middleware: [], handler: statement });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !nextExports.has(d.name.text) || !d.initializer) continue;
        const init = unwrap(d.initializer);
        const handler = isFunctionLike(init) ? init : undefined;
        // `export const POST = withRateLimit(async (req) => …)`: the wrapper counts as middleware.
        const wrapped = ts.isCallExpression(init) ? init.arguments.find(isFunctionLike) : undefined;
        this.routes.push({
          framework: 'next',
          method: d.name.text,
          path: this.nextPath(),
          at: d.name,
          middleware: ts.isCallExpression(init) ? [init.expression] : [],
          handler: handler ?? (wrapped as ts.FunctionLikeDeclaration | undefined),
        });
      }
    }
  }

  private nextPath(): string {
    const f = this.sourceFile.fileName.replace(/\\/g, '/');
    const m = /(?:^|\/)(?:src\/)?(?:app|pages)(\/.*)\/route\.[cm]?[jt]sx?$/.exec(f);
    return m ? m[1] : f;
  }

  private expressStyle(call: ts.CallExpression, callee: ts.PropertyAccessExpression, name: string): void {
    const args = call.arguments;
    // `router.route('/login').post(handler)`: the path is on the inner call.
    const chained = unwrap(callee.expression);
    const chainPath = ts.isCallExpression(chained) && memberName(unwrap(chained.expression)) === 'route' ? chained.arguments[0] : undefined;
    const pathIndex = chainPath ? -1 : args.findIndex((a, i) => i < 2 && isPathLike(a));
    if (!chainPath && pathIndex === -1) return;
    const rest = args.slice(pathIndex + 1);
    if (rest.length === 0) return;
    const receiver = chainPath ? (unwrap((chained as ts.CallExpression).expression) as ts.PropertyAccessExpression).expression : callee.expression;
    const lib = this.libraries.of(receiver)?.library;
    if (lib && clientLibraries.has(lib)) return;
    const framework: Framework = (lib && frameworkByLibrary[lib]) || 'unknown';
    const last = rest[rest.length - 1];
    const handler = this.functionOf(last);
    const options = framework === 'fastify' || (framework === 'unknown' && rest.length === 2) ? rest.find(ts.isObjectLiteralExpression) : undefined;
    // On an unknown receiver only a handler proves a route: `api.post('/login', payload)` is a client call.
    if (framework === 'unknown' && !handler && !isControllerReference(last)) return;
    this.routes.push({
      framework,
      method: name === 'del' ? 'DELETE' : name.toUpperCase(),
      path: pathText(chainPath ?? args[pathIndex]),
      at: callee.name,
      call,
      receiver,
      middleware: [...rest.slice(0, -1).filter((a) => a !== options), ...(options ? hookExpressions(options) : [])],
      handler,
      options,
    });
  }

  /** `fastify.route({ method: 'POST', url: '/login', preHandler, handler })`. */
  private fastifyRoute(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const opts = call.arguments[0];
    if (!opts || !ts.isObjectLiteralExpression(opts)) return;
    const url = propertyValue(opts, 'url') ?? propertyValue(opts, 'path');
    const method = propertyValue(opts, 'method');
    if (!isPathLike(url) || !method) return;
    const handlerExpr = propertyValue(opts, 'handler');
    this.routes.push({
      framework: 'fastify',
      method: (stringText(method) ?? 'ALL').toUpperCase(),
      path: pathText(url),
      at: callee.name,
      call,
      receiver: callee.expression,
      middleware: hookExpressions(opts),
      handler: handlerExpr ? this.functionOf(handlerExpr) : undefined,
      options: opts,
    });
  }

  private functionOf(expr: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const e = unwrap(expr);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
    if (ts.isIdentifier(e)) {
      const decl = this.scopes.resolve(e);
      if (decl && ts.isFunctionDeclaration(decl)) return decl;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
        const init = unwrap(decl.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
    }
    // `asyncHandler(async (req, res) => …)`
    if (ts.isCallExpression(e)) {
      const inner = e.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
      if (inner) return inner as ts.ArrowFunction | ts.FunctionExpression;
    }
    return undefined;
  }
}

/** `authController.login`, `AuthController.login`: a handler defined in another file. */
function isControllerReference(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isPropertyAccessExpression(e) && /controller|handler|auth/i.test(dottedName(e.expression) ?? '');
}

function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const p = objectProperty(obj, name);
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  if (ts.isMethodDeclaration(p)) return undefined;
  return undefined;
}

/** Fastify route hooks and `config` (where `rateLimit` options live) count as the route's middleware. */
function hookExpressions(opts: ts.ObjectLiteralExpression): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const key of ['preHandler', 'onRequest', 'preValidation', 'config']) {
    const v = propertyValue(opts, key);
    if (!v) continue;
    if (ts.isArrayLiteralExpression(v)) out.push(...v.elements);
    else out.push(v);
  }
  return out;
}

function decoratorName(d: ts.Decorator): string | undefined {
  const e = d.expression;
  const callee = ts.isCallExpression(e) ? e.expression : e;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

function decoratorCall(node: ts.HasDecorators, name: string): ts.CallExpression | undefined {
  for (const d of ts.getDecorators(node) ?? []) {
    if (decoratorName(d) === name && ts.isCallExpression(d.expression)) return d.expression;
  }
  return undefined;
}
