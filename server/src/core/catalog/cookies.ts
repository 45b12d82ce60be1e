/**
 * Where cookies are set, and each setter's defaults. Express's `res.cookie`, Fastify's `reply.setCookie`,
 * Hono's `setCookie` and Next.js's `cookies().set` leave `HttpOnly` off unless asked; Koa's
 * `ctx.cookies.set` and the session middlewares turn it on by default.
 */

export type CookieLibrary = 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'express-session' | 'cookie-session' | 'koa-session' | '@fastify/session';

/**
 * How a setter is recognised:
 *   response-method: a method of the response a handler receives (`res.cookie`, `reply.setCookie`);
 *   context-cookies: `ctx.cookies.set` on a Koa context;
 *   import: a function or object imported from a module (`setCookie` from 'hono/cookie', `cookies` from
 *     'next/headers', `NextResponse` from 'next/server'), then `path` (`cookies().set`: ['set']).
 */
export type CookieSetterShape =
  | { kind: 'response-method'; method: string }
  | { kind: 'context-cookies' }
  | { kind: 'import'; module: string; exportName: string; path: readonly string[] };

export interface CookieSetter {
  library: CookieLibrary;
  shape: CookieSetterShape;
  /** Argument positions of the name, the value and the options. */
  nameArg: number;
  valueArg: number;
  optionsArg: number;
  /**
   * Next.js also takes one object (`set({ name, value, httpOnly })`): then the name, value and options are
   * its properties.
   */
  acceptsObject: boolean;
  httpOnlyByDefault: boolean;
}

export const cookieSetters: readonly CookieSetter[] = [
  { library: 'express', shape: { kind: 'response-method', method: 'cookie' }, nameArg: 0, valueArg: 1, optionsArg: 2, acceptsObject: false, httpOnlyByDefault: false },
  { library: 'fastify', shape: { kind: 'response-method', method: 'setCookie' }, nameArg: 0, valueArg: 1, optionsArg: 2, acceptsObject: false, httpOnlyByDefault: false },
  { library: 'koa', shape: { kind: 'context-cookies' }, nameArg: 0, valueArg: 1, optionsArg: 2, acceptsObject: false, httpOnlyByDefault: true },
  { library: 'hono', shape: { kind: 'import', module: 'hono/cookie', exportName: 'setCookie', path: [] }, nameArg: 1, valueArg: 2, optionsArg: 3, acceptsObject: false, httpOnlyByDefault: false },
  { library: 'hono', shape: { kind: 'import', module: 'hono/cookie', exportName: 'setSignedCookie', path: [] }, nameArg: 1, valueArg: 2, optionsArg: 4, acceptsObject: false, httpOnlyByDefault: false },
  { library: 'next', shape: { kind: 'import', module: 'next/headers', exportName: 'cookies', path: ['set'] }, nameArg: 0, valueArg: 1, optionsArg: 2, acceptsObject: true, httpOnlyByDefault: false },
  { library: 'next', shape: { kind: 'import', module: 'next/server', exportName: 'NextResponse', path: ['cookies', 'set'] }, nameArg: 0, valueArg: 1, optionsArg: 2, acceptsObject: true, httpOnlyByDefault: false },
];

/**
 * Session middlewares: the module, where the cookie options sit in its options (`cookie: { … }` for
 * express-session, the options themselves for cookie-session and koa-session), and how it is installed.
 * Every cookie they set is a session cookie, and all of them default to `HttpOnly`.
 */
export interface SessionMiddleware {
  library: CookieLibrary;
  module: string;
  install: 'call' | 'plugin';
  optionsArg: number;
  /** The property holding the cookie's options, or undefined when the options are the cookie's. */
  cookieProperty?: string;
}

export const sessionMiddlewares: readonly SessionMiddleware[] = [
  { library: 'express-session', module: 'express-session', install: 'call', optionsArg: 0, cookieProperty: 'cookie' },
  { library: 'cookie-session', module: 'cookie-session', install: 'call', optionsArg: 0 },
  { library: 'koa-session', module: 'koa-session', install: 'call', optionsArg: 0 },
  { library: '@fastify/session', module: '@fastify/session', install: 'plugin', optionsArg: 1, cookieProperty: 'cookie' },
];

/**
 * Words of a cookie's name (split at `-`, `_`, `.` and camel case) that mark it as holding a session or a
 * credential: `connect.sid`, `accessToken`, `__Host-session`, `next-auth.session-token`.
 */
export const sensitiveCookieWords: ReadonlySet<string> = new Set([
  'session', 'sess', 'sessid', 'sessionid', 'sid', 'token', 'jwt', 'auth', 'authjs', 'authorization', 'refresh',
  'remember', 'credential', 'credentials', 'bearer', 'apikey',
]);

/**
 * Words that mark a cookie about a session or a sign-in but not holding it: where to go after signing in, an
 * OAuth flow's state, an expiry time, a preference (`auth-redirect`, `session-expires`, `token_expiry`).
 */
export const nonCredentialCookieWords: ReadonlySet<string> = new Set([
  'redirect', 'callback', 'url', 'return', 'returnto', 'next', 'provider', 'method', 'error', 'state', 'nonce',
  'hint', 'pending', 'expires', 'expiry', 'exp', 'expiration', 'theme', 'locale', 'lang', 'consent', 'prefs',
  'preference', 'preferences', 'banner', 'dismissed', 'seen', 'count', 'timeout',
]);

/**
 * Words that mark a cookie meant to be read by the page's script: the double-submit CSRF token (Angular and
 * axios read `XSRF-TOKEN`), which `HttpOnly` would break.
 */
export const scriptReadableCookieWords: ReadonlySet<string> = new Set(['csrf', 'xsrf']);
