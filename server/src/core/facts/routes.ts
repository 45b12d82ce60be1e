/**
 * Route registrations and the middleware around them: Express apps and routers, Fastify, Koa routers, Hono,
 * Next.js route handlers and NestJS controllers.
 */
import * as ts from 'typescript';
import type { LibraryIndex } from './libraries';
import { ScopeIndex, functionDeclaredBy } from './scopes';
import { WebFramework, bodySchemaOptions, isKind, libraryIdOf, webFrameworkOf } from '../catalog';
import { dottedName, isFunctionLike, isRequireCall, memberName, objectProperty, stringText, unwrap } from './syntax';

export type Framework = WebFramework | 'unknown';

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
/** Every name `visitCall` looks at. */
const registrationNames: ReadonlySet<string> = new Set([...httpMethods, 'route', ...mountMethods]);
/** HTTP clients whose `.post('/path', …)` is a request, not a route. */
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
    /** The file's path relative to its project, with `/`: App Router and pages/api routes are named by it. */
    private readonly projectPath: string,
  ) {}

  /** Whether `visitCall` may find a route or a mount in the call: what its callee's name says, without a lookup. */
  static mayRegister(call: ts.CallExpression): boolean {
    const callee = unwrap(call.expression);
    return ts.isPropertyAccessExpression(callee) && registrationNames.has(callee.name.text);
  }

  visitCall(call: ts.CallExpression): void {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const name = callee.name.text;
    const first = call.arguments[0];
    if (httpMethods.has(name)) this.expressStyle(call, callee, name);
    else if (name === 'route' && first && ts.isObjectLiteralExpression(first)) this.fastifyRoute(call, callee, first);
    // Hono's `app.route('/auth', auth)` mounts a sub-app as `app.use('/auth', router)` mounts a router.
    else if ((mountMethods.has(name) || (name === 'route' && call.arguments.length >= 2)) && first) {
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

  /**
   * Next.js route handlers: `export async function POST(request)` (or `export const POST = …`) in an App Router
   * `route.ts`, and the default-exported handler of a Pages Router file under `pages/api/`.
   */
  visitTopLevel(statement: ts.Statement): void {
    if (ts.isExportAssignment(statement)) return this.defaultExport(statement);
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) {
      const pagesPath = this.pagesApiPath();
      if (pagesPath !== undefined && ts.isFunctionDeclaration(statement)) {
        this.routes.push({ framework: 'next', method: 'ALL', path: pagesPath, at: statement.name ?? modifiers[0], middleware: [], handler: statement });
      }
      return;
    }
    if (ts.isFunctionDeclaration(statement) && statement.name && nextExports.has(statement.name.text)) {
      this.routes.push({ framework: 'next', method: statement.name.text, path: this.appRoutePath(), at: statement.name, middleware: [], handler: statement });
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
          path: this.appRoutePath(),
          at: d.name,
          middleware: ts.isCallExpression(init) ? [init.expression] : [],
          handler: handler ?? (wrapped as ts.FunctionLikeDeclaration | undefined),
        });
      }
    }
  }

  /** `export default async function handler(req, res)` in `pages/api/auth/login.ts`: "/api/auth/login". */
  private defaultExport(assignment: ts.ExportAssignment): void {
    const pagesPath = this.pagesApiPath();
    if (pagesPath === undefined || assignment.isExportEquals) return;
    const handler = this.functionOf(assignment.expression);
    if (handler) this.routes.push({ framework: 'next', method: 'ALL', path: pagesPath, at: assignment.expression, middleware: [], handler });
  }

  /**
   * The URL path of an App Router handler file: `app/(auth)/api/login/route.ts` → "/api/login" (route groups
   * and parallel-route slots are not part of the URL). A file named `<a>.<b>.route.ts` outside an `app/`
   * folder stands for "/a/b": Vigil's own fixtures, which sit side by side in one folder, use it.
   */
  private appRoutePath(): string | undefined {
    const f = this.projectPath;
    const inApp = /^(?:.*\/)?app((?:\/[^/]+)*)\/route\.[cm]?[jt]sx?$/.exec(f);
    if (inApp) return urlOf(inApp[1].split('/'));
    const dotted = /(?:^|\/)([^/]+)\.route\.[cm]?[jt]sx?$/.exec(f);
    return dotted ? urlOf(dotted[1].split('.')) : undefined;
  }

  private pagesApiPath(): string | undefined {
    const f = this.projectPath;
    const m = /^(?:.*\/)?pages(\/api(?:\/[^/]+)*?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(f);
    return m ? urlOf(m[1].split('/')) : undefined;
  }

  private expressStyle(call: ts.CallExpression, callee: ts.PropertyAccessExpression, name: string): void {
    const args = call.arguments;
    // `router.route('/login').get(show).post(submit)`: the path is on the `.route()` call under the chain.
    const routeCall = chainedRouteCall(callee.expression);
    const chainPath = routeCall?.arguments[0];
    const pathIndex = routeCall ? -1 : args.findIndex((a, i) => i < 2 && isPathLike(a));
    if (!isPathLike(chainPath) && pathIndex === -1) return;
    const rest = args.slice(pathIndex + 1);
    if (rest.length === 0) return;
    const receiver = routeCall ? (unwrap(routeCall.expression) as ts.PropertyAccessExpression).expression : callee.expression;
    const framework = this.frameworkOf(receiver);
    if (framework === undefined) return;
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

  /**
   * The framework of a route's receiver: from its library, else from its name (`fastify` in a plugin), else
   * from the one server framework the file imports. Undefined for HTTP clients.
   */
  private frameworkOf(receiver: ts.Expression): Framework | undefined {
    const lib = this.libraries.of(receiver)?.library;
    if (isKind(lib, 'http-client')) return undefined;
    const known = webFrameworkOf(lib);
    if (known) return known;
    if (/(^|\.)fastify$/.test(dottedName(receiver) ?? '')) return 'fastify';
    return this.fileFramework();
  }

  private fileFrameworkMemo: Framework | undefined;

  private fileFramework(): Framework {
    if (this.fileFrameworkMemo) return this.fileFrameworkMemo;
    const found = new Set<Framework>();
    for (const s of this.sourceFile.statements) {
      for (const module of moduleNames(s)) {
        const id = libraryIdOf(module);
        const framework = webFrameworkOf(id) ?? (module.startsWith('@fastify/') || module === 'fastify-plugin' ? 'fastify' : undefined);
        if (framework && framework !== 'next' && framework !== 'nestjs') found.add(framework);
      }
    }
    this.fileFrameworkMemo = found.size === 1 ? [...found][0] : 'unknown';
    return this.fileFrameworkMemo;
  }

  /** `fastify.route({ method: 'POST', url: '/login', preHandler, handler })`; a method list gives one route each. */
  private fastifyRoute(call: ts.CallExpression, callee: ts.PropertyAccessExpression, opts: ts.ObjectLiteralExpression): void {
    const url = propertyValue(opts, 'url') ?? propertyValue(opts, 'path');
    const method = propertyValue(opts, 'method');
    if (!isPathLike(url) || !method) return;
    const methods = ts.isArrayLiteralExpression(method) ? method.elements.map((m) => stringText(m) ?? 'ALL') : [stringText(method) ?? 'ALL'];
    const handlerExpr = propertyValue(opts, 'handler');
    for (const m of new Set(methods.map((x) => x.toUpperCase()))) {
      this.routes.push({
        framework: 'fastify',
        method: m,
        path: pathText(url),
        at: callee.name,
        call,
        receiver: callee.expression,
        middleware: hookExpressions(opts),
        handler: handlerExpr ? this.functionOf(handlerExpr) : undefined,
        options: opts,
      });
    }
  }

  private functionOf(expr: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const e = unwrap(expr);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
    if (ts.isIdentifier(e)) {
      const declared = functionDeclaredBy(this.scopes.resolve(e));
      if (declared) return declared;
    }
    // `asyncHandler(async (req, res) => …)`
    if (ts.isCallExpression(e)) {
      const inner = e.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
      if (inner) return inner as ts.ArrowFunction | ts.FunctionExpression;
    }
    return undefined;
  }
}

/** The `.route(path)` call at the bottom of `x.route(path).get(…).post(…)`, if the chain starts with one. */
function chainedRouteCall(expr: ts.Expression): ts.CallExpression | undefined {
  let e = unwrap(expr);
  for (let depth = 0; depth < 16 && ts.isCallExpression(e); depth++) {
    const callee = unwrap(e.expression);
    const name = memberName(callee);
    if (!ts.isPropertyAccessExpression(callee) || name === undefined) return undefined;
    if (name === 'route') return e;
    if (!httpMethods.has(name)) return undefined;
    e = unwrap(callee.expression);
  }
  return undefined;
}

/** URL segments without Next.js route groups `(auth)` and parallel-route slots `@modal`. */
function urlOf(segments: readonly string[]): string {
  return '/' + segments.filter((s) => s !== '' && !/^\(.*\)$/.test(s) && !s.startsWith('@')).join('/');
}

/** The modules a top-level statement imports: `import … from 'm'`, `const x = require('m')`. */
function moduleNames(statement: ts.Statement): string[] {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) return [statement.moduleSpecifier.text];
  if (!ts.isVariableStatement(statement)) return [];
  const out: string[] = [];
  for (const d of statement.declarationList.declarations) {
    let init = d.initializer && unwrap(d.initializer);
    // `require('express')()`, `require('koa-router')({ prefix })`, `require('x').default`
    while (init && (ts.isCallExpression(init) || ts.isPropertyAccessExpression(init)) && !isRequireCall(init)) init = unwrap(init.expression);
    if (init && isRequireCall(init)) out.push(init.arguments[0].text);
  }
  return out;
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

/** The schema a route's options declare for the request body (Fastify's `{ schema: { body } }`), if any. */
export function bodySchemaOf(route: Route): ts.Expression | undefined {
  const keys = route.framework === 'unknown' ? undefined : bodySchemaOptions[route.framework];
  if (!keys || !route.options) return undefined;
  let value: ts.Expression | undefined = route.options;
  for (const key of keys) {
    const obj: ts.Expression | undefined = value && unwrap(value);
    value = obj && ts.isObjectLiteralExpression(obj) ? propertyValue(obj, key) : undefined;
  }
  return value;
}

/** `@Post('login')` → "Post", `@nest.UseGuards(…)` → "UseGuards". */
export function decoratorName(d: ts.Decorator): string | undefined {
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
