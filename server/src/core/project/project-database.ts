/**
 * What the project says a file's imports do to the database, composed across files from their summaries
 * (database-summaries.ts): which imported values are database handles (a model made in models/User.js from the
 * client made in db.js), which imported functions run a per-item query, write outside a transaction, or hash a
 * parameter with a fast digest, directly or through a helper of another file they pass their parameters to. Each
 * step follows at most `composeDepth` files; past it, or where a step is not known, the answer is "not known".
 */
import type { LibraryRef } from '../facts/libraries';
import { ormOf } from '../catalog';
import type { ExportSummary, HashedParameters, HelperQuery, HelperWrite } from './export-summary';
import type { ProjectFacts, ResolvedExport } from './project-facts';

/** How many files a composed answer follows (a route's helper → a service → a repository). */
const composeDepth = 3;

/** The export `name` of `specifier` as the file `from` imports it. */
type Lookup = (from: string, specifier: string, name: string) => ResolvedExport | undefined;

/** The project's lookup of exports, asked from any of its files. */
export function exportLookup(project: ProjectFacts): Lookup {
  return (from, specifier, name) => project.exportSummary(specifier, name, from);
}

/** The lookup `importedHandle` needs: what exports are, not what their code does (cheaper to make). */
export function handleLookup(project: ProjectFacts): Lookup {
  return (from, specifier, name) => project.exportHandle(specifier, name, from);
}

/**
 * The database handle the export `exportName` (undefined: the default, or the CommonJS module object) of
 * `specifier`, imported by `from`, is. A member of a Prisma client exported as default (`db.user` of `import db
 * from '@/lib/db'`) is that client's.
 */
export function importedHandle(lookup: Lookup, from: string, specifier: string, exportName: string | undefined, depth = 0): LibraryRef | undefined {
  const own = handleAt(lookup, from, specifier, exportName ?? '', depth);
  if (own || exportName === undefined) return own;
  const client = handleAt(lookup, from, specifier, '', depth);
  return client && !client.isModule && ormOf(client.library)?.queryOptions?.modelIsClientMember ? client : undefined;
}

function handleAt(lookup: Lookup, from: string, specifier: string, name: string, depth: number): LibraryRef | undefined {
  const found = lookup(from, specifier, name);
  const handle = found?.summary.handle;
  if (!found || !handle) return undefined;
  if (handle.kind === 'library') return { library: handle.library, module: handle.module, ...(handle.exportName !== undefined ? { exportName: handle.exportName } : {}), isModule: handle.isModule };
  if (depth + 1 >= composeDepth) return undefined;
  // Made by calling a member (`db.define(…)` of `const db = require('../db')`): a method of the module's default
  // export when it has no export of that name.
  const base = importedHandle(lookup, found.file, handle.module, handle.exportName, depth + 1) ??
    (handle.exportName !== undefined ? handleAt(lookup, found.file, handle.module, '', depth + 1) : undefined);
  return base && { ...base, isModule: false };
}

/** An effect of a helper and the file it is in. */
export interface HelperEffect<T> {
  effect: T;
  /** The file whose code has the effect (absolute). */
  file: string;
}

/** The per-item query the imported function `name` of `specifier` runs with what it is passed. */
export function importedQuery(lookup: Lookup, from: string, specifier: string, name: string): HelperEffect<HelperQuery> | undefined {
  return composed(lookup, from, specifier, name, 0, (s) => s.query, (inner) => inner);
}

/** The write the imported function runs outside a transaction of its own. */
export function importedWrite(lookup: Lookup, from: string, specifier: string, name: string): HelperEffect<HelperWrite> | undefined {
  return composed(lookup, from, specifier, name, 0, (s) => s.writes, (inner) => inner);
}

/** The parameters the imported function hashes with a fast digest, itself or through the helpers it passes them to. */
export function importedHashing(lookup: Lookup, from: string, specifier: string, name: string): HelperEffect<HashedParameters> | undefined {
  return composed(lookup, from, specifier, name, 0, (s) => s.hashes, (inner, forward) =>
    inner.parameters.includes(forward.argument) ? { ...inner, parameters: [forward.parameter] } : undefined,
  );
}

type Forward = NonNullable<ExportSummary['forwards']>[number];

/**
 * The effect `own` picks from the export's summary; else the first effect of a helper of another module it passes
 * its parameters to (`forwards`, from the data-flow summary), as `through` carries it over that call.
 */
function composed<T>(
  lookup: Lookup,
  from: string,
  specifier: string,
  name: string,
  depth: number,
  own: (s: ExportSummary) => T | undefined,
  through: (inner: T, forward: Forward) => T | undefined,
): HelperEffect<T> | undefined {
  const found: ResolvedExport | undefined = lookup(from, specifier, name);
  if (!found) return undefined;
  const effect = own(found.summary);
  if (effect !== undefined) return { effect, file: found.file };
  if (depth + 1 >= composeDepth) return undefined;
  for (const forward of found.summary.forwards ?? []) {
    const inner = composed(lookup, found.file, forward.specifier, forward.name, depth + 1, own, through);
    const carried = inner && through(inner.effect, forward);
    if (inner && carried !== undefined) return { effect: carried, file: inner.file };
  }
  return undefined;
}
