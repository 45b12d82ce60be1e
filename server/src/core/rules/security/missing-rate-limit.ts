import * as path from 'node:path';
import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { decoratorName, type MiddlewareMount, type Route } from '../../facts/routes';
import { joinPaths, mountCovers, pathCovers } from '../../facts/route-paths';
import { AuthRouteKind, authRouteKind, segmentWords } from '../../facts/auth-paths';
import { serverActions } from '../../facts/server-actions';
import { RateLimiterIndex, isLimiterName } from '../../facts/rate-limiters';
import { dottedName, memberName, objectProperty, stringText, unwrap } from '../../facts/syntax';
import { addDefaultImport, addNamedImport } from '../../fixers/add-import';
import { addPropertyEdit, insertArgumentEdit } from '../../fixers/object-property';

/** Methods that carry credentials; a GET of `/login` only renders the form. */
const credentialMethods = new Set(['POST', 'PUT', 'PATCH', 'ALL']);

const why: Readonly<Record<AuthRouteKind, string>> = {
  login: 'an attacker can try passwords as fast as the server answers',
  'sign-up': 'a bot can create accounts as fast as the server answers',
  'password-reset': 'an attacker can flood inboxes with reset mail and guess reset tokens',
  'one-time-code': 'an attacker can try every code before it expires',
  'magic-link': 'an attacker can flood inboxes with sign-in links',
  token: 'an attacker can try stolen or guessed credentials as fast as the server answers',
};

const advice: Readonly<Record<Route['framework'], string>> = {
  express: 'Add a limiter such as express-rate-limit to this route',
  unknown: 'Add a limiter such as express-rate-limit to this route',
  fastify: 'Register @fastify/rate-limit or give this route `config: { rateLimit: … }`',
  koa: 'Add a limiter such as koa-ratelimit to this route',
  hono: 'Add a limiter such as hono-rate-limiter to this route',
  next: 'Limit this handler, for example with @upstash/ratelimit or rate-limiter-flexible',
  nestjs: 'Add `@Throttle()` from @nestjs/throttler to this handler',
};

const suppressHint =
  '(if a limiter is mounted in another file, record that with `// vigil-ignore-next-line missing-rate-limit` or turn the rule "off" in vigil.config.json)';

const expressLimiterOptions = '{ windowMs: 15 * 60 * 1000, limit: 5 }';
const fastifyRouteLimit = "rateLimit: { max: 5, timeWindow: '1 minute' }";
const nestThrottle = '@Throttle({ default: { limit: 5, ttl: 60000 } })';

/**
 * Where the project shows who mounts this file, the finding says that none of them limits it either; else it
 * says how to record a limiter Vigil cannot see.
 */
function mountedHint(mountedBy: readonly string[]): string {
  if (mountedBy.length === 0) return suppressHint;
  const names = mountedBy.slice(0, 2).map((f) => `\`${path.basename(f)}\``).join(' and ');
  return `(none is mounted in front of it where ${names} mount${mountedBy.length === 1 ? 's' : ''} it either)`;
}

/** `router.routes()` and `router.middleware()` (Koa) mount `router` itself. */
function mountedName(arg: ts.Expression): string | undefined {
  const e = unwrap(arg);
  if (ts.isCallExpression(e) && (memberName(e.expression) === 'routes' || memberName(e.expression) === 'middleware')) {
    return dottedName((e.expression as ts.PropertyAccessExpression).expression);
  }
  return dottedName(e);
}

/** A Koa router's own `prefix`: `new Router({ prefix: '/auth' })`. */
function routerPrefix(receiver: ts.Expression, facts: Facts): string | undefined {
  const e = unwrap(receiver);
  const decl = ts.isIdentifier(e) ? facts.resolve(e) : undefined;
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  const options = init && (ts.isNewExpression(init) || ts.isCallExpression(init)) ? init.arguments?.[0] : undefined;
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const prefix = objectProperty(options, 'prefix');
  return prefix && ts.isPropertyAssignment(prefix) ? stringText(prefix.initializer) : undefined;
}

function isRouterLike(receiver: ts.Expression, facts: Facts): boolean {
  const ref = facts.libraryOf(receiver);
  if (ref && (ref.exportName === 'Router' || ref.library === 'koa-router')) return true;
  return /router$/i.test(dottedName(receiver) ?? '');
}

interface Scope {
  name: string;
  /** The route's path as seen by a mount on `name`. */
  path: string | undefined;
}

/**
 * An action client's chain that mounts a limiter among its middleware: next-safe-action's
 * `actionClient.use(createRateLimitMiddleware(5, '1 h')).action(…)`.
 */
function chainUsesLimiter(wrapper: ts.Expression): boolean {
  for (let link: ts.Expression = unwrap(wrapper); ; ) {
    if (ts.isCallExpression(link)) {
      if (link.arguments.some((a) => ts.isCallExpression(unwrap(a)) && isLimiterName(dottedName(unwrap((unwrap(a) as ts.CallExpression).expression))))) return true;
      link = unwrap(link.expression);
    } else if (ts.isPropertyAccessExpression(link)) {
      link = unwrap(link.expression);
    } else {
      return false;
    }
  }
}

export const missingRateLimit: Rule = {
  meta: {
    id: 'missing-rate-limit',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Authentication route without a rate limit',
    description:
      'A login, sign-up, password-reset, one-time-code or token route with no rate limiter lets an attacker guess passwords and codes, or flood inboxes, as fast as the server answers. Put a limiter on the route, its router or the app.',
    fixable: 'suggestion',
    sources: ['CWE-307', 'CWE-799', 'OWASP A07:2021', 'OWASP API4:2023', 'OWASP Authentication Cheat Sheet'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    let throttlerAppGuard = false;

    /** Next.js server actions named for signing in or up (`login`, `signUpAction`, `handleRegister`). */
    const checkServerActions = (limiters: RateLimiterIndex): void => {
      for (const action of serverActions(sourceFile)) {
        const kind = actionKind(action.name.text);
        if (!kind || limiters.limitsInBody(action.fn) || (action.wrapper && (limiters.isLimiter(action.wrapper) || chainUsesLimiter(action.wrapper)))) continue;
        context.report({
          at: action.name,
          message: `The server action \`${action.name.text}\` has no rate limiter: ${why[kind]}. ${advice.next} ${suppressHint}.`,
        });
      }
    };

    const check = (): void => {
      if (!facts.isTestFile) checkServerActions(new RateLimiterIndex(facts));
      const candidates = facts.routes.flatMap((route) => {
        const kind = credentialMethods.has(route.method) && route.path !== undefined ? authRouteKind(route.path) : undefined;
        return kind ? [{ route, kind }] : [];
      });
      if (candidates.length === 0 || facts.isTestFile) return;
      const limiters = new RateLimiterIndex(facts);
      const limiterMounts = facts.mounts.filter((m) => m.args.some((a) => limiters.isLimiter(a)));
      const reported = new Set<ts.Node>();

      /** The receiver names a route is reachable through, with its path as each sees it: router, then app. */
      const scopesOf = (route: Route): Scope[] => {
        const scopes: Scope[] = [];
        let name = route.receiver && dottedName(route.receiver);
        let path = route.receiver ? joinPaths(routerPrefix(route.receiver, facts) ?? '', route.path) : route.path;
        for (let depth = 0; name !== undefined && depth < 8 && !scopes.some((s) => s.name === name); depth++) {
          scopes.push({ name, path });
          const parent: MiddlewareMount | undefined = facts.mounts.find((m) => m.args.some((a) => mountedName(a) === name));
          if (!parent) break;
          name = parent.receiverName;
          path = joinPaths(parent.path ?? '', path);
        }
        return scopes;
      };

      const fastifyGlobal = limiterMounts.some((m) => memberName(m.call.expression) === 'register' && !registersLocally(m));
      // A throttler guard this file or another of the app applies to every route (`APP_GUARD` in app.module.ts, `useGlobalGuards` in main.ts).
      const nestGlobal = throttlerAppGuard || limiterMounts.some((m) => memberName(m.call.expression) === 'useGlobalGuards') || context.project.globalGuards.some(isLimiterName);

      const covered = (route: Route): boolean => {
        if (route.framework === 'nestjs') return nestLimited(route, nestGlobal, limiters);
        if (route.middleware.some((m) => limiters.isLimiter(m))) return true;
        if (route.handler && limiters.limitsInBody(route.handler)) return true;
        if (route.framework === 'fastify' && fastifyGlobal && !optsOut(route)) return true;
        if (route.framework === 'next') return false;
        const scopes = scopesOf(route);
        // A limiter the project mounts in front of this file's router or plugin, where its path reaches the route.
        const outermost = scopes[scopes.length - 1]?.path ?? route.path;
        if (context.project.mountedAround('rate-limit').some((m) => mountCovers(m, outermost))) return true;
        for (const mount of limiterMounts) {
          // Fastify's `register` is judged above: it is global unless `global: false`.
          if (memberName(mount.call.expression) === 'register') continue;
          const scope = scopes.find((s) => s.name === mount.receiverName);
          if (scope) {
            if (pathCovers(mount.path, scope.path)) return true;
            continue;
          }
          // A router this file never mounts, and a limiter on this file's app: the app probably mounts it.
          if (route.receiver && isRouterLike(route.receiver, facts) && !isRouterLike(mount.receiver, facts) && scopes.length === 1) return true;
        }
        return false;
      };

      for (const { route, kind } of candidates) {
        if (reported.has(route.at) || covered(route)) continue;
        reported.add(route.at);
        const label = `${route.method === 'ALL' ? '' : `${route.method} `}${(route.path ?? '').replace(/^`|`$/g, '')}`;
        context.report({
          at: route.at,
          message: `\`${label}\` has no rate limiter: ${why[kind]}. ${advice[route.framework]} ${mountedHint(context.project.mountedBy)}.`,
          fixes: fixesFor(route, kind, facts, sourceFile, limiterMounts),
        });
      }
    };

    return {
      // `{ provide: APP_GUARD, useClass: ThrottlerGuard }` in a module limits every controller of the app.
      PropertyAssignment(node) {
        if (throttlerAppGuard || !ts.isIdentifier(node.name) || node.name.text !== 'provide') return;
        if (!ts.isIdentifier(node.initializer) || node.initializer.text !== 'APP_GUARD') return;
        const obj = node.parent;
        const guard = objectProperty(obj, 'useClass') ?? objectProperty(obj, 'useExisting');
        if (guard && ts.isPropertyAssignment(guard) && isLimiterName(dottedName(guard.initializer))) throttlerAppGuard = true;
      },
      end: check,
    };
  },
};

/** Words around an action's name that say nothing about what it does: `handleLogin`, `signInAction`. */
const actionNoise = new Set(['handle', 'do', 'perform', 'submit', 'action', 'handler', 'server', 'form']);

/** What kind of authentication a server action's name says it performs: `signInAction` → login. */
function actionKind(name: string): AuthRouteKind | undefined {
  const words = segmentWords(name).filter((w) => !actionNoise.has(w));
  return words.length === 0 ? undefined : authRouteKind(`/${words.join('-')}`);
}

/** `fastify.register(rateLimit, { global: false })` limits only the routes that ask for it. */
function registersLocally(mount: MiddlewareMount): boolean {
  return mount.args.some((a) => {
    const o = unwrap(a);
    if (!ts.isObjectLiteralExpression(o)) return false;
    const g = objectProperty(o, 'global');
    return g !== undefined && ts.isPropertyAssignment(g) && g.initializer.kind === ts.SyntaxKind.FalseKeyword;
  });
}

/** A Fastify route's `config: { rateLimit: false }`. */
function optsOut(route: Route): boolean {
  const config = route.options && objectProperty(route.options, 'config');
  const value = config && ts.isPropertyAssignment(config) ? unwrap(config.initializer) : undefined;
  const limit = value && ts.isObjectLiteralExpression(value) ? objectProperty(value, 'rateLimit') : undefined;
  return limit !== undefined && ts.isPropertyAssignment(limit) && limit.initializer.kind === ts.SyntaxKind.FalseKeyword;
}

/** `@SkipThrottle()`, unless it is `@SkipThrottle({ default: false })`, which turns throttling back on. */
function skips(decorators: readonly ts.Decorator[]): boolean {
  return decorators.some((d) => {
    if (decoratorName(d) !== 'SkipThrottle') return false;
    const arg = ts.isCallExpression(d.expression) ? d.expression.arguments[0] : undefined;
    return !(arg && ts.isObjectLiteralExpression(arg) && arg.properties.every((p) => ts.isPropertyAssignment(p) && p.initializer.kind === ts.SyntaxKind.FalseKeyword));
  });
}

/** `@Throttle(…)`, `@UseGuards(ThrottlerGuard)` or another decorator whose name says it limits. */
function throttles(decorators: readonly ts.Decorator[], limiters: RateLimiterIndex): boolean {
  return decorators.some((d) => {
    const name = decoratorName(d);
    if (name === 'SkipThrottle') return false;
    if (name === 'Throttle' || isLimiterName(name)) return true;
    if (name !== 'UseGuards' || !ts.isCallExpression(d.expression)) return false;
    return d.expression.arguments.some((a) => isLimiterName(dottedName(ts.isNewExpression(a) ? a.expression : a)) || limiters.isLimiter(a));
  });
}

function nestLimited(route: Route, appGuard: boolean, limiters: RateLimiterIndex): boolean {
  const method = route.handler;
  if (!method || !ts.isMethodDeclaration(method)) return true;
  const own = ts.getDecorators(method) ?? [];
  const cls = ts.getDecorators(method.parent as ts.ClassDeclaration) ?? [];
  if (throttles(own, limiters)) return true;
  if (skips(own) || skips(cls)) return false;
  return appGuard || throttles(cls, limiters);
}

function fixesFor(route: Route, kind: AuthRouteKind, facts: Facts, sourceFile: ts.SourceFile, limiterMounts: readonly MiddlewareMount[]): OffsetFix[] {
  let fix: OffsetFix | undefined;
  if (route.framework === 'express' || (route.framework === 'unknown' && !facts.importsLibrary('koa') && !facts.importsLibrary('hono'))) {
    fix = expressFix(route, kind, facts, sourceFile);
  } else if (route.framework === 'fastify') {
    fix = limiterMounts.some((m) => memberName(m.call.expression) === 'register' && registersLocally(m)) ? fastifyFix(route, sourceFile) : undefined;
  } else if (route.framework === 'nestjs') {
    fix = nestFix(route, facts, sourceFile);
  }
  return fix ? [fix] : [];
}

/** The statement directly under the file that holds `node`. */
function topLevelStatement(node: ts.Node): ts.Statement | undefined {
  let n: ts.Node = node;
  while (n.parent && !ts.isSourceFile(n.parent)) n = n.parent;
  return n.parent ? (n as ts.Statement) : undefined;
}

/** Where code inserted before `statement` goes: above its leading comments. */
function startWithComments(statement: ts.Statement, sourceFile: ts.SourceFile): number {
  const comments = ts.getLeadingCommentRanges(sourceFile.text, statement.getFullStart()) ?? [];
  return comments.length > 0 && statement !== sourceFile.statements[0] ? comments[0].pos : statement.getStart(sourceFile);
}

/** An express-rate-limit limiter declared at the top of the file before `before`: `const loginLimiter = rateLimit({…})`. */
function existingExpressLimiter(facts: Facts, before: number): string | undefined {
  const found: string[] = [];
  for (const s of facts.sourceFile.statements) {
    if (s.getEnd() > before) break;
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      const init = unwrap(d.initializer);
      if (ts.isCallExpression(init) && facts.libraryOf(init.expression)?.module === 'express-rate-limit') found.push(d.name.text);
    }
  }
  return found.find((n) => /login|auth|sign|password|otp|token/i.test(n)) ?? found[0];
}

/** How this file calls express-rate-limit: an existing `rateLimit` binding, or a new default import. */
function rateLimitFactory(facts: Facts): { call: string; edit?: OffsetEdit } {
  for (const i of facts.imports) {
    if (i.module !== 'express-rate-limit') continue;
    const node = i.node;
    if (ts.isImportDeclaration(node) && node.importClause?.namedBindings) {
      const b = node.importClause.namedBindings;
      if (ts.isNamespaceImport(b)) return { call: `${b.name.text}.rateLimit` };
      const spec = b.elements.find((e) => (e.propertyName ?? e.name).text === 'rateLimit');
      if (spec) return { call: spec.name.text };
    }
    const decl = ts.isCallExpression(node) ? node.parent : undefined;
    if (decl && ts.isVariableDeclaration(decl) && ts.isObjectBindingPattern(decl.name)) {
      const el = decl.name.elements.find((e) => ((e.propertyName ?? e.name) as ts.Identifier).text === 'rateLimit');
      if (el && ts.isIdentifier(el.name)) return { call: el.name.text };
    }
  }
  const { name, edit } = addDefaultImport(facts, { module: 'express-rate-limit', localName: 'rateLimit' });
  return { call: name, edit };
}

/** Index of the first argument after the path(s): where middleware goes. */
function firstHandlerArgument(call: ts.CallExpression): number {
  const i = call.arguments.findIndex((a) => !ts.isStringLiteralLike(a) && !ts.isTemplateExpression(a));
  return i === -1 ? call.arguments.length : i;
}

function expressFix(route: Route, kind: AuthRouteKind, facts: Facts, sourceFile: ts.SourceFile): OffsetFix | undefined {
  const call = route.call;
  const statement = call && topLevelStatement(call);
  if (!call || !statement) return undefined;
  const at = startWithComments(statement, sourceFile);
  const reuse = existingExpressLimiter(facts, at);
  const use = (name: string): OffsetEdit => insertArgumentEdit(call, firstHandlerArgument(call), name);
  if (reuse) return { title: 'Add rate limiter', safe: false, edits: [use(reuse)] };

  const factory = rateLimitFactory(facts);
  if (factory.edit && factory.edit.start > at) return undefined;
  let name = kind === 'login' ? 'loginLimiter' : 'authLimiter';
  for (let i = 2; facts.resolveName(name, call) !== undefined; i++) name = `${kind === 'login' ? 'loginLimiter' : 'authLimiter'}${i}`;
  const declaration: OffsetEdit = { start: at, end: at, text: `const ${name} = ${factory.call}(${expressLimiterOptions});\n\n` };
  return { title: 'Add rate limiter', safe: false, edits: [...(factory.edit ? [factory.edit] : []), declaration, use(name)] };
}

function fastifyFix(route: Route, sourceFile: ts.SourceFile): OffsetFix | undefined {
  const title = 'Add rate limit to route config';
  const options = route.options;
  if (options) {
    const config = objectProperty(options, 'config');
    if (!config) return { title, safe: false, edits: [addPropertyEdit(sourceFile, options, `config: { ${fastifyRouteLimit} }`)] };
    const value = ts.isPropertyAssignment(config) ? unwrap(config.initializer) : undefined;
    if (!value || !ts.isObjectLiteralExpression(value) || objectProperty(value, 'rateLimit')) return undefined;
    return { title, safe: false, edits: [addPropertyEdit(sourceFile, value, fastifyRouteLimit)] };
  }
  const call = route.call;
  if (!call || memberName(call.expression) === 'route') return undefined;
  return { title, safe: false, edits: [insertArgumentEdit(call, firstHandlerArgument(call), `{ config: { ${fastifyRouteLimit} } }`)] };
}

function nestFix(route: Route, facts: Facts, sourceFile: ts.SourceFile): OffsetFix | undefined {
  const method = route.handler;
  if (!method || !ts.isMethodDeclaration(method)) return undefined;
  if (skips(ts.getDecorators(method) ?? []) || skips(ts.getDecorators(method.parent as ts.ClassDeclaration) ?? [])) return undefined;
  const imported = addNamedImport(facts, { module: '@nestjs/throttler', name: 'Throttle' });
  if (!imported) return undefined;
  const first = (ts.getDecorators(method) ?? [])[0] ?? method;
  const start = first.getStart(sourceFile);
  let lineStart = start;
  while (lineStart > 0 && sourceFile.text[lineStart - 1] !== '\n') lineStart--;
  const indent = sourceFile.text.slice(lineStart, start);
  const edits: OffsetEdit[] = [{ start, end: start, text: `${nestThrottle.replace('@Throttle', `@${imported.name}`)}\n${/^[ \t]*$/.test(indent) ? indent : ''}` }];
  if (imported.edit) edits.unshift(imported.edit);
  return { title: 'Add @Throttle (needs ThrottlerGuard)', safe: false, edits };
}
