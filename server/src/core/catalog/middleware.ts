/**
 * Middleware that protects every route it is mounted in front of: rate limiters, CSRF protection and cookie
 * sessions, by module. A rule asks "is this mount a limiter?"; the project index asks it of the middleware one
 * file mounts around the routers and plugins of another (app composition).
 */

/** What a middleware does to the requests that pass it. */
export type MiddlewareKind = 'rate-limit' | 'csrf' | 'session';

export const middlewareModules: Readonly<Record<string, MiddlewareKind>> = {
  'express-rate-limit': 'rate-limit',
  'express-slow-down': 'rate-limit',
  'rate-limiter-flexible': 'rate-limit',
  'express-brute': 'rate-limit',
  'express-limiter': 'rate-limit',
  'express-throttle': 'rate-limit',
  'koa-ratelimit': 'rate-limit',
  'koa2-ratelimit': 'rate-limit',
  'koa-simple-ratelimit': 'rate-limit',
  'hono-rate-limiter': 'rate-limit',
  '@fastify/rate-limit': 'rate-limit',
  'fastify-rate-limit': 'rate-limit',
  '@nestjs/throttler': 'rate-limit',
  'nestjs-throttler-storage-redis': 'rate-limit',
  '@upstash/ratelimit': 'rate-limit',
  limiter: 'rate-limit',
  arcjet: 'rate-limit',
  csurf: 'csrf',
  'csrf-csrf': 'csrf',
  'csrf-sync': 'csrf',
  'tiny-csrf': 'csrf',
  lusca: 'csrf',
  'koa-csrf': 'csrf',
  '@fastify/csrf-protection': 'csrf',
  'hono/csrf': 'csrf',
  'express-session': 'session',
  'cookie-session': 'session',
  '@fastify/session': 'session',
  '@fastify/secure-session': 'session',
  'fastify-session': 'session',
  'koa-session': 'session',
  'koa-generic-session': 'session',
  'hono-sessions': 'session',
  '@hono/session': 'session',
  'client-sessions': 'session',
};

/** Families published as many modules (`@arcjet/next`, `@hono-rate-limiter/redis`). */
const middlewarePrefixes: readonly (readonly [string, MiddlewareKind])[] = [
  ['@arcjet/', 'rate-limit'],
  ['@hono-rate-limiter/', 'rate-limit'],
];

/** Calls on a library's object that make session middleware: `passport.session()`. */
export const sessionMiddlewareCalls: readonly string[] = ['passport.session'];

/** What middleware `module` provides, or undefined for a module that is not one of these. */
export function middlewareKindOf(module: string): MiddlewareKind | undefined {
  if (Object.prototype.hasOwnProperty.call(middlewareModules, module)) return middlewareModules[module];
  return middlewarePrefixes.find(([prefix]) => module.startsWith(prefix))?.[1];
}

/**
 * Plugin loaders that register every file of a folder on the instance they are registered on
 * (`fastify.register(autoload, { dir })`), and the option naming the folder.
 */
export const pluginLoaders: Readonly<Record<string, { dirOption: string }>> = {
  '@fastify/autoload': { dirOption: 'dir' },
  'fastify-autoload': { dirOption: 'dir' },
};

/**
 * Wrappers that lift a plugin out of its encapsulation context, so what it registers applies to the instance it
 * is registered on and that instance's other plugins (fastify-plugin's `fp(plugin)`).
 */
export const encapsulationBreakers: readonly string[] = ['fastify-plugin'];
