import * as ts from 'typescript';
import type { Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { Route } from '../../facts/routes';
import { mountCovers } from '../../facts/route-paths';
import { calleeName, dottedName, stringText, unwrap } from '../../facts/syntax';
import { middlewareKindOf, sessionMiddlewareCalls } from '../../catalog';

/** Middleware that keeps the login in a cookie the browser sends with every request, cross-site ones too. */
const isSessionModule = (module: string): boolean => middlewareKindOf(module) === 'session';
/** Cookie names that carry a login. */
const authCookie = /token|session|sess|sid|auth|jwt|access|refresh|remember|login|user_?id/i;
const cookieSetters = new Set(['cookie', 'setCookie', 'set']);
const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Signs of CSRF protection anywhere in the file: a CSRF library or token (`csurf`, `csrf-csrf`, `lusca`,
 * `@fastify/csrf-protection`, `hono/csrf`, an `X-CSRF-Token` check), an Origin or Sec-Fetch-Site check, or
 * cookies marked SameSite strict or lax, which browsers do not send on cross-site POSTs.
 */
const protection = /csrf|xsrf|sec-fetch-site|headers\.origin\b|headers\[['"]origin['"]\]|(get|header)\(\s*['"]origin['"]|sameSite\s*:\s*(['"](strict|lax)['"]|true)/i;
/** Route middleware that authenticates by header, not cookie: these routes are a token API. */
const headerAuth = /jwt|bearer|api_?key|token|authenticate\(\s*['"](jwt|bearer|headerapikey|oauth2-client-password)/i;
/** Routes other sites are meant to call: CSRF tokens would break them, and they authenticate otherwise. */
const crossSitePaths = /webhook|\/hooks?\b|callback|\/oauth\/token|\/api\/public/i;

/** Where the file shows cookie authentication: a session middleware mounted, or an auth cookie set or read. */
function sessionEvidence(facts: Facts, cookieUse: ts.Node | undefined): ts.Node | undefined {
  for (const mount of facts.mounts) {
    for (const arg of mount.args) {
      const a = unwrap(arg);
      const target = ts.isCallExpression(a) ? a.expression : a;
      const module = facts.libraryOf(target)?.module;
      if (module !== undefined && isSessionModule(module)) return mount.call;
      // `app.use(passport.session())`
      if (ts.isCallExpression(a) && sessionMiddlewareCalls.includes(dottedName(a.expression) ?? '')) return mount.call;
    }
  }
  if (cookieUse) return cookieUse;
  return facts.imports.find((i) => isSessionModule(i.module))?.node;
}

/** `protection` in the code, not in comments ("// TODO: csrf" protects nothing). */
function hasProtection(sourceFile: ts.SourceFile): boolean {
  if (!protection.test(sourceFile.text)) return false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, sourceFile.languageVariant, sourceFile.text);
  let code = '';
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) code += scanner.getTokenText();
  return protection.test(code);
}

/** What a handler reads to know who is calling: the cookies, the session, the signed-in user. */
const identityRead = /\b(cookies|signedCookies|session|user|userId|currentUser|isAuthenticated)\b/;

/**
 * Whether a route acts as the signed-in user: it runs behind middleware (an auth check), the file mounts
 * middleware of its own that may authenticate every route, or the handler reads the cookies, the session or the
 * user. A route that reads none of them does the same for any caller, so a request forged from another site
 * gains nothing.
 */
function actsAsUser(route: Route, facts: Facts, sourceFile: ts.SourceFile): boolean {
  if (route.middleware.length > 0 || !route.handler) return true;
  const ownMiddleware = facts.mounts.some((m) => m.args.some((a) => facts.libraryOf(ts.isCallExpression(unwrap(a)) ? (unwrap(a) as ts.CallExpression).expression : a) === undefined));
  return ownMiddleware || identityRead.test(route.handler.getText(sourceFile));
}

function label(route: Route): string {
  return `${route.method} ${(route.path ?? '').replace(/^`|`$/g, '')}`.trim();
}

export const missingCsrf: Rule = {
  meta: {
    id: 'missing-csrf',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Cookie-authenticated app without CSRF protection',
    description:
      'When the login lives in a cookie, the browser sends it with requests other sites make: a page elsewhere can post to your state-changing routes as the signed-in user. Add CSRF tokens (csrf-csrf, lusca, @fastify/csrf-protection), or SameSite cookies and an Origin check.',
    fixable: 'none',
    sources: ['CWE-352', 'OWASP A01:2021', 'OWASP CSRF Prevention Cheat Sheet'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    const changesState = (r: Route): boolean => stateChanging.has(r.method) && r.framework !== 'next' && r.framework !== 'nestjs';
    // The routes are known before the walk: a file with no state-changing route has nothing to look for.
    if (facts.isTestFile || !facts.routes.some(changesState)) return {};
    let cookieUse: ts.Node | undefined;

    return {
      // `res.cookie('token', jwt)`, `reply.setCookie('sid', …)`, `ctx.cookies.set('session', …)`
      CallExpression(call) {
        if (cookieUse) return;
        const name = calleeName(call);
        if (name === undefined || !cookieSetters.has(name)) return;
        const cookieName = stringText(call.arguments[0]) ?? (call.arguments.length > 2 ? stringText(call.arguments[1]) : undefined);
        if (cookieName === undefined || !authCookie.test(cookieName)) return;
        if (name === 'set') {
          const callee = unwrap(call.expression);
          if (!ts.isPropertyAccessExpression(callee) || !/cookies$/.test(dottedName(callee.expression) ?? '')) return;
        }
        cookieUse = call;
      },
      // `req.cookies.token` read by an auth middleware
      PropertyAccessExpression(node) {
        if (cookieUse) return;
        const base = node.expression;
        if (!ts.isPropertyAccessExpression(base) || (base.name.text !== 'cookies' && base.name.text !== 'signedCookies')) return;
        if (authCookie.test(node.name.text)) cookieUse = node;
      },
      end() {
        const routes = facts.routes.filter(
          (r) =>
            changesState(r) &&
            !crossSitePaths.test(r.path ?? '') &&
            !r.middleware.some((m) => headerAuth.test(m.getText(sourceFile))) &&
            actsAsUser(r, facts, sourceFile) &&
            // CSRF protection another file mounts in front of this file's router, where its path reaches the route.
            !context.project.mountedAround('csrf').some((m) => mountCovers(m, r.path)),
        );
        if (routes.length === 0) return;
        const evidence = sessionEvidence(facts, cookieUse);
        if (!evidence || hasProtection(sourceFile)) return;
        const listed = routes.slice(0, 3).map((r) => `\`${label(r)}\``).join(', ') + (routes.length > 3 ? ` and ${routes.length - 3} more` : '');
        context.report({
          at: evidence,
          message: `The login here rides in a cookie, and nothing in this file protects against CSRF: another site can make a signed-in user's browser call ${listed}. Add CSRF tokens (csrf-csrf, lusca, @fastify/csrf-protection), or set the cookie \`sameSite: 'lax'\` and check the Origin header.`,
          related: routes.map((r) => ({ at: r.at, message: `state-changing route ${label(r)}` })),
        });
      },
    };
  },
};
