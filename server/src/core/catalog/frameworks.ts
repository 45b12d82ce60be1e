/** Web frameworks: which libraries make apps and routers, and the framework whose routing API each one has. */
import type { LibraryId, WebFramework } from './types';

export const webFrameworks: Readonly<Partial<Record<LibraryId, WebFramework>>> = {
  express: 'express',
  fastify: 'fastify',
  koa: 'koa',
  'koa-router': 'koa',
  hono: 'hono',
  next: 'next',
  nestjs: 'nestjs',
};

/** The framework whose routing API a value of `library` has. */
export function webFrameworkOf(library: LibraryId | undefined): WebFramework | undefined {
  return library === undefined ? undefined : webFrameworks[library];
}

/**
 * Where a route's options name the schema the framework checks the request body against before the handler runs:
 * Fastify's `{ schema: { body } }`. Ajv rejects a body that breaks it, and drops the keys it does not list under
 * `additionalProperties: false` or the app's `removeAdditional` setting.
 */
export const bodySchemaOptions: Readonly<Partial<Record<WebFramework, readonly string[]>>> = { fastify: ['schema', 'body'] };

/**
 * How a NestJS app applies a guard to every route: a module provider `{ provide: APP_GUARD, useClass: X }`
 * (or `useExisting`), and `app.useGlobalGuards(new X())` in the bootstrap file.
 */
export const nestGlobalGuards = { providerToken: 'APP_GUARD', providerKeys: ['useClass', 'useExisting'], appMethod: 'useGlobalGuards' } as const;

/** Decorators a NestJS app marks a route with to let it past its global authentication guard (a project's own, by convention). */
export const nestPublicRouteDecorator = /^(Public|IsPublic|SkipAuth|AllowAnonymous|NoAuth|Anonymous|PublicRoute)$/;
