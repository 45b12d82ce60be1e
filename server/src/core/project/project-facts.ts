/**
 * What a file's analysis knows of the rest of its project, from the project index: the middleware the files that
 * mount it put in front of its routes (app composition) and the dependencies its package declares. A file
 * analysed without an index (a rule fixture, a buffer with no folder) sees no other file.
 */
import type { MiddlewareKind } from '../catalog';
import { siblingDeclaration } from './declaration-files';
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
   * The project counts the file as test code where the file alone does not say so: a test runner's config names
   * it, or only tests import it (project-index.ts). Facts.isTestFile joins this to what the file says of itself.
   */
  readonly isTestCode: boolean;
  /** Guards the NestJS app of this file's package applies to every route (`APP_GUARD` providers, `useGlobalGuards`), by name. */
  readonly globalGuards: readonly string[];
  /** The declaration file beside this JavaScript file that types its exports (`index.d.ts` for `index.js`). */
  declarationFile(): string | undefined;
  /**
   * What the export `name` (an export key, export-summary.ts) of the module `specifier`, as this file imports
   * it, does: followed through re-exports to the file that defines it. `default.m` falls back to `m` and ''
   * (the module object called) to `default`, as a CommonJS module seen through a default import. `from`: the
   * file (absolute) the specifier is written in, when not this one (following a summary into further modules).
   */
  exportSummary(specifier: string, name: string, from?: string): ResolvedExport | undefined;
  /** Whether `specifier` names another file of the project, where `exportSummary` would look: known without reading it. */
  importsProjectFile(specifier: string, from?: string): boolean;
  /** `exportSummary` for what the export is (a database handle: `summary.handle`), without what its code does. */
  exportHandle(specifier: string, name: string, from?: string): ResolvedExport | undefined;
  /**
   * Whether an export of the module `specifier` can be a database handle at all, known without summarising it:
   * false when neither it nor anything it imports in the project imports a database library.
   */
  mayExportHandle(specifier: string, from?: string): boolean;
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
    declarationFile: () => siblingDeclaration(fileName),
    exportSummary: () => undefined,
    exportHandle: () => undefined,
    importsProjectFile: () => false,
    mayExportHandle: () => false,
    isTestCode: false,
    globalGuards: [],
  };
}
