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
