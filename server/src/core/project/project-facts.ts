/**
 * What a file's analysis knows of the rest of its project, from the project index: the middleware the files that
 * mount it put in front of its routes (app composition) and the dependencies its package declares. A file
 * analysed without an index (a rule fixture, a buffer with no folder) sees no other file.
 */
import type { MiddlewareKind } from '../catalog';
import type { ExportSummary } from './export-summary';
import type { PackageManifests } from './package-manifests';

/** Middleware another file mounts in front of this file's routers or plugins. */
export interface MountedAround {
  kind: MiddlewareKind;
  /** The file that mounts it (absolute). */
  file: string;
  /** The middleware's own path where it is mounted (`app.use('/api', limiter)`); undefined for every path. */
  mountPath: string | undefined;
  /** This file's routes' prefix as that mount sees them (`/api/auth`); undefined when not known. */
  prefix: string | undefined;
}

export interface ProjectFacts {
  /** Middleware of `kind` mounted around this file by the files that mount it, through up to a few levels. */
  mountedAround(kind: MiddlewareKind): readonly MountedAround[];
  /** The files that mount this one as a router or plugin (absolute). */
  readonly mountedBy: readonly string[];
  /** The range the file's package declares for `dependency`. */
  declaredRange(dependency: string): string | undefined;
  /**
   * What the export `name` (an export key, export-summary.ts) of the module `specifier`, as this file imports
   * it, does: followed through re-exports to the file that defines it. `default.m` falls back to `m` and ''
   * (the module object called) to `default`, as a CommonJS module seen through a default import.
   */
  exportSummary(specifier: string, name: string): ResolvedExport | undefined;
  /** The same question asked from another file of the project (absolute): for summaries composed across files. */
  exportSummaryFrom(file: string, specifier: string, name: string): ResolvedExport | undefined;
}

/** An export's summary and where it is defined. */
export interface ResolvedExport {
  summary: ExportSummary;
  /** The file that defines it (absolute). */
  file: string;
  /** Its key there. */
  name: string;
}

/** A file without an index: no other file is known; its package.json is still read from disk. */
export function standaloneProject(fileName: string, manifests: PackageManifests): ProjectFacts {
  return {
    mountedAround: () => [],
    mountedBy: [],
    declaredRange: (dependency) => manifests.declaredRange(fileName, dependency),
    exportSummary: () => undefined,
    exportSummaryFrom: () => undefined,
  };
}
