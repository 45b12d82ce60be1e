/**
 * The project index: every analysable file of a project (the workspace folder or repository holding it), each
 * with its summary (file-summary.ts), kept by content hash so a file whose text comes back costs nothing; the
 * module graph those summaries give (module-resolution.ts); and what it implies for one file (project-facts.ts).
 *
 * A summary is kept in two parts. The graph part (imports, mounts, app-wide guards) is made for every file as it
 * is walked, most without a parse. The exports part (what each export does: data flow, database work) costs a
 * parse and the facts of the file, and most files' are never asked for: it is made the first time an analysis
 * asks the project about one of the file's exports, and kept by the same content hash.
 *
 * A project is walked the first time a file of it asks (`ensure`), or ahead of time by the editor, in slices
 * (`indexInSlices`), so that no analysis waits on it. Open documents replace their file's text on disk
 * (`record`).
 *
 * Memory budget: the index holds its summaries (kept while a file uses them: an edited document's old versions
 * are let go) and one entry per file, and keeps an estimate of their size (`estimatedBytes`, measured against the
 * heap by bench/index-memory.ts). Past `maxFiles` files in one project or `maxBytes` in all (20,000 files and
 * 64 MB by default), no more files are added: the walk stops, the project is marked incomplete
 * (`indexedProjects`), and a file's analysis knows less of the project, never more than is true. Files already
 * indexed keep being updated.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type MiddlewareKind, isDatabaseHandleLibrary, isKind, isModelBaseLibrary, libraryIdOf } from '../catalog';
import { isTestCode } from '../facts/test-code';
import { type Facts, buildFacts } from '../facts/facts';
import { joinPaths } from '../facts/route-paths';
import { parse } from '../parse';
import { siblingDeclaration } from './declaration-files';
import { projectPathOf } from '../project-path';
import { type ExportsSummary, type FileSummary, type GraphSummary, exportsNeedParse, graphNeedsParse, importsOf, splitSummary, summarizeExports, summarizeGraph, summarizeValues } from './file-summary';
import { type WorkspacePackage, packageEntryFiles, resolveModule } from './module-resolution';
import type { PackageManifest, PackageManifests } from './package-manifests';
import type { MountedAround, ProjectFacts, ResolvedExport } from './project-facts';
import { type ProjectRoots, isInside } from './project-roots';
import { isAnalysable, skippedFolders } from './skipped-paths';
import { TsconfigPaths } from './tsconfig-paths';
import { type Reexport, reexportsOf } from './reexports';
import { type TestFileMatcher, matchesTestFile, testRunnerMatchers } from './test-runner-config';
import { testRunnerConfigs } from '../catalog/test-frameworks';

export interface IndexLimits {
  /** A project with more files than this is indexed in part (the first ones the walk finds). */
  maxFiles: number;
  /** The estimated size of every summary and file entry the index holds, in bytes. */
  maxBytes: number;
}

export const defaultIndexLimits: IndexLimits = { maxFiles: 20_000, maxBytes: 64 * 1024 * 1024 };
/** What one file entry costs beyond its path: the map entry, the content hash, the memo entries made for it. */
const fileEntryBytes = 400;
/** A summary's heap size against its JSON length: UTF-16 strings, arrays and object headers (bench/index-memory.ts). */
const summaryBytesPerChar = 6;
/** Files larger than this are generated bundles: they are not summarised. */
const maxSummarisedBytes = 1024 * 1024;
/** How many mounts up app composition follows (app → api router → auth router → …). */
const mountDepth = 4;
/**
 * How many re-exports a lookup of an export, or of a re-exported router, follows (`index.ts` → `services/index.ts`
 * → `services/users.ts`).
 */
const reexportDepth = 3;
/**
 * How many importers up a change of summaries reaches: what a file's exports do enters its importers' facts,
 * and through summaries composed across files (a helper calling another file's helper), theirs.
 */
const importerDepth = 3;
/** How many importers up "imported only by tests" follows (test → helper → helper's helper). */
const testHelperDepth = 3;
/** Files named like a program's or package's entry: run or imported from outside, so never a test helper by its importers. */
const entryName = /^(index|main|server|app|cli)$/;
/** The config files of the test runners the catalogue knows: a change to one is a change of which files are tests. */
const runnerConfigNames: ReadonlySet<string> = new Set(testRunnerConfigs.flatMap((r) => r.files));

const emptySummary: GraphSummary = { imports: [], mounts: [], globalGuards: [] };
const emptyExports: ExportsSummary = { exportedMiddleware: [] };

/**
 * How much of a file's exports part a lookup needs: all of it (data flow, database work), or only its values
 * (file-summary.ts `summarizeValues`: handles, re-exports, exported middleware), which costs no data flow.
 */
export type ExportsPart = 'all' | 'values';

/**
 * One file of a project as the index holds it from the start: the content hash of the text summarised, and its
 * graph summary (what its exports do is made when asked: `ProjectIndex.exportsOf`).
 */
export interface SummarisedFile {
  file: string;
  hash: string;
  summary: GraphSummary;
}

/**
 * A project's index as plain data, in the walk's order: what a scan's worker threads are given, so that the
 * project is walked and summarised once for all of them rather than once in each.
 */
export interface IndexedFiles {
  root: string;
  files: SummarisedFile[];
}

/**
 * An exports part made by one thread of a scan, for the others: made from the file's text alone, it is what any
 * thread would make of the same text.
 */
export interface MadeExports {
  hash: string;
  part: ExportsPart;
  summary: ExportsSummary;
}

/** A project not indexed yet: its root, and the files a walk of it finds (those its index is to hold). */
export interface ProjectToIndex {
  root: string;
  files: string[];
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** What mounts a file: the mounting file, the mount, and the file's prefix under it. */
interface MountEdge {
  parent: string;
  mount: GraphSummary['mounts'][number];
  /** The autoloaded folder's path below the mount (`/api/auth` for `routes/api/auth/index.ts`). */
  folderPrefix: string;
}

class IndexedProject {
  /** File → content hash of the text its summary was made from. */
  readonly files = new Map<string, string>();
  /** False when the budget stopped the walk before every file was indexed. */
  complete = true;
  readonly packages = new Map<string, WorkspacePackage>();
  /** Every folder of the project with a package.json, named or not. */
  packageDirs: ReadonlySet<string> = new Set();
  /** The manifest of each of those folders that could be read. */
  manifests = new Map<string, PackageManifest>();
  private entriesMemo: Set<string> | undefined;
  /** Folder → specifier → file: what a specifier names depends only on the folder it is written in. */
  private resolved = new Map<string, Map<string, string | undefined>>();
  private mountedByMemo: Map<string, MountEdge[]> | undefined;
  private importersMemo: Map<string, string[]> | undefined;
  private testMemo = new Map<string, boolean>();
  private guardsMemo: Map<string, string[]> | undefined;
  private databaseReachMemo: Set<string> | undefined;
  /** What the test runners' configs of the project's packages name as tests. */
  testMatchers: TestFileMatcher[] = [];

  constructor(readonly root: string, private readonly index: ProjectIndex) {}

  /** The file set changed: resolutions are made again. */
  filesChanged(): void {
    this.resolved = new Map();
    this.entriesMemo = undefined;
    this.summariesChanged();
  }

  /** A summary changed: the graphs built from them are made again. */
  summariesChanged(): void {
    this.mountedByMemo = undefined;
    this.importersMemo = undefined;
    this.testMemo = new Map();
    this.guardsMemo = undefined;
    this.databaseReachMemo = undefined;
  }

  /**
   * Test code as the project sees it, beyond what the file says of itself (test-code.ts): a file a test runner's
   * config names, and a helper every importer of which is test code (through up to `testHelperDepth` importers).
   */
  isTest(file: string): boolean {
    let known = this.testMemo.get(file);
    if (known === undefined) {
      known = this.runnerTest(file) || this.onlyImportedByTests(file, 0, new Set());
      this.testMemo.set(file, known);
    }
    return known;
  }

  /** The guards NestJS files of `file`'s package apply to every route of their app. */
  globalGuards(file: string): readonly string[] {
    if (!this.guardsMemo) {
      const byPackage = new Map<string, Set<string>>();
      for (const other of this.files.keys()) {
        const guards = this.summaryOf(other).globalGuards;
        if (guards.length === 0) continue;
        const dir = this.packageDirOf(other);
        let names = byPackage.get(dir);
        if (!names) byPackage.set(dir, (names = new Set()));
        for (const g of guards) names.add(g);
      }
      this.guardsMemo = new Map([...byPackage].map(([dir, names]) => [dir, [...names]]));
    }
    return this.guardsMemo.get(this.packageDirOf(file)) ?? [];
  }

  samePackage(file: string): string[] {
    const dir = this.packageDirOf(file);
    return [...this.files.keys()].filter((f) => this.packageDirOf(f) === dir);
  }

  private packageDirOf(file: string): string {
    for (let dir = path.dirname(file); isInside(dir, this.root); dir = path.dirname(dir)) {
      if (this.packageDirs.has(dir) || dir === this.root || path.dirname(dir) === dir) return dir;
    }
    return this.root;
  }

  private runnerTest(file: string): boolean {
    return this.testMatchers.some((m) => matchesTestFile(m, file));
  }

  private ownTest(file: string): boolean {
    return isTestCode(projectPathOf(file, this.root), this.summaryOf(file).imports) || this.runnerTest(file);
  }

  /**
   * A helper only tests import. Entry-like files (`index`, `server`, `app`), a package's entry points, files that mount
   * middleware or import a web framework are application code whoever imports them: a test importing the app to drive
   * it, or a library's tests importing its main module, make no helper.
   */
  private onlyImportedByTests(file: string, depth: number, seen: Set<string>): boolean {
    if (depth >= testHelperDepth || seen.has(file)) return false;
    seen.add(file);
    const summary = this.summaryOf(file);
    if (entryName.test(path.basename(file).replace(/\.[^.]+$/, '')) || summary.mounts.length > 0 || this.isPackageEntry(file)) return false;
    if (summary.imports.some((m) => isKind(libraryIdOf(m), 'web-framework'))) return false;
    const importers = this.importers(file);
    return importers.length > 0 && importers.every((i) => this.ownTest(i) || this.onlyImportedByTests(i, depth + 1, seen));
  }

  /** A file a package's users start from (its main, exports root or a bin): the package's code, whoever imports it. */
  private isPackageEntry(file: string): boolean {
    this.entriesMemo ??= new Set([...this.manifests].flatMap(([dir, manifest]) => packageEntryFiles(dir, manifest, this.files)));
    return this.entriesMemo.has(file);
  }

  summaryOf(file: string): GraphSummary {
    const hash = this.files.get(file);
    return (hash !== undefined && this.index.summaryByHash(hash)) || emptySummary;
  }

  /** What `file`'s exports do, made the first time it is asked for the text the index holds. */
  exportsOf(file: string, part: ExportsPart = 'all'): ExportsSummary {
    return this.index.exportsOf(file, this.files.get(file), this.root, part);
  }

  resolve(specifier: string, from: string): string | undefined {
    const dir = path.dirname(from);
    let byDir = this.resolved.get(dir);
    if (!byDir) this.resolved.set(dir, (byDir = new Map()));
    if (byDir.has(specifier)) return byDir.get(specifier);
    const target = resolveModule(specifier, from, {
      files: this.files,
      packages: this.packages,
      aliasesFor: (folder) => this.index.tsconfigs.aliasesFor(folder, this.root),
    });
    byDir.set(specifier, target);
    return target;
  }

  /** The files a mount registers: the modules it names and the files of the folder it autoloads. */
  mountTargets(parent: string, mount: GraphSummary['mounts'][number]): { file: string; folderPrefix: string }[] {
    const out: { file: string; folderPrefix: string }[] = [];
    for (const module of mount.modules) {
      const file = this.throughReexports(this.resolve(module, parent), mount.exports?.[module]);
      if (file !== undefined && file !== parent) out.push({ file, folderPrefix: '' });
    }
    if (mount.folder !== undefined) {
      const folder = path.resolve(path.dirname(parent), mount.folder);
      for (const file of this.files.keys()) {
        if (file === parent || !isInside(path.dirname(file), folder)) continue;
        const relative = path.relative(folder, path.dirname(file)).split(path.sep).join('/');
        out.push({ file, folderPrefix: relative === '' ? '' : `/${relative}` });
      }
    }
    return out;
  }

  /**
   * The file that defines export `name` of `file`, following what `file` passes on from others (an aggregating
   * `routes/index.js`) up to a few modules; `file` itself when it passes nothing on under that name.
   */
  throughReexports(file: string | undefined, name: string | undefined, depth = 0): string | undefined {
    if (file === undefined || name === undefined || depth >= reexportDepth) return file;
    const reexports = this.index.reexportsOf(file, this.files.get(file));
    const named = reexports.get(name);
    // `export *` passes a name on from whichever module has it: followed only when there is one such module.
    const star = reexports.get('*') ?? [];
    const from = named ? named[0] : star.length === 1 ? { specifier: star[0].specifier, exportName: name } : undefined;
    const target = from && this.resolve(from.specifier, file);
    return target !== undefined && target !== file ? this.throughReexports(target, from?.exportName, depth + 1) : file;
  }

  mountedBy(file: string): readonly MountEdge[] {
    if (!this.mountedByMemo) {
      const edges = new Map<string, MountEdge[]>();
      for (const parent of this.files.keys()) {
        for (const mount of this.summaryOf(parent).mounts) {
          for (const { file: child, folderPrefix } of this.mountTargets(parent, mount)) {
            let list = edges.get(child);
            if (!list) edges.set(child, (list = []));
            list.push({ parent, mount, folderPrefix });
          }
        }
      }
      this.mountedByMemo = edges;
    }
    return this.mountedByMemo.get(file) ?? [];
  }

  importers(file: string): readonly string[] {
    if (!this.importersMemo) {
      const edges = new Map<string, string[]>();
      for (const from of this.files.keys()) {
        for (const specifier of this.summaryOf(from).imports) {
          const target = this.resolve(specifier, from);
          if (target === undefined) continue;
          let list = edges.get(target);
          if (!list) edges.set(target, (list = []));
          list.push(from);
        }
      }
      this.importersMemo = edges;
    }
    return this.importersMemo.get(file) ?? [];
  }

  /**
   * Whether an export of `file` can be a database handle: the file, or a file of the project it imports however
   * far, imports a database library or a model base class. Read from the graph part alone (no parse): when it
   * cannot, asking what its exports are would only make their summaries to learn that none is a handle.
   */
  reachesDatabaseLibrary(file: string): boolean {
    if (!this.databaseReachMemo) {
      const reached = new Set<string>();
      const queue: string[] = [];
      for (const from of this.files.keys()) {
        const database = this.summaryOf(from).imports.some((specifier) => {
          const library = libraryIdOf(specifier);
          return isDatabaseHandleLibrary(library) || isModelBaseLibrary(library);
        });
        if (database) {
          reached.add(from);
          queue.push(from);
        }
      }
      // Up the import edges: whatever imports a file that can export a handle can pass it on or make one of it.
      while (queue.length > 0) {
        for (const importer of this.importers(queue.pop()!)) {
          if (reached.has(importer)) continue;
          reached.add(importer);
          queue.push(importer);
        }
      }
      this.databaseReachMemo = reached;
    }
    return this.databaseReachMemo.has(file);
  }

  /** The export `key` of `file`, or of the module it passes it on from, up to `reexportDepth` re-exports away. */
  exportIn(file: string, key: string, part: ExportsPart, depth = 0): ResolvedExport | undefined {
    if (depth > reexportDepth) return undefined;
    const summary = this.exportsOf(file, part);
    const own = summary.exports?.[key];
    if (own) return { summary: own, file, name: key };
    for (const re of summary.reexports ?? []) {
      let there: string | undefined;
      if (re.as === undefined) {
        // `export *` passes on every export but the default.
        if (key !== 'default' && !key.startsWith('default.')) there = key;
      } else if (re.as === '' || key === re.as || key.startsWith(`${re.as}.`)) {
        const rest = re.as === '' ? key : key.slice(re.as.length + 1);
        there = re.name === '' || re.name === undefined ? rest || 'default' : rest ? `${re.name}.${rest}` : re.name;
      }
      const target = there === undefined ? undefined : this.resolve(re.specifier, file);
      const found = target === undefined || target === file ? undefined : this.exportIn(target, there!, part, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** Middleware of `kind` in front of `file`'s routes: on the receivers that mount it, then theirs, up to `mountDepth`. */
  mountedAround(file: string, kind: MiddlewareKind, depth = 0, seen = new Set<string>()): MountedAround[] {
    if (depth >= mountDepth || seen.has(file)) return [];
    seen.add(file);
    const out: MountedAround[] = [];
    for (const edge of this.mountedBy(file)) {
      // A mount without a path is at the root of its receiver.
      const prefix = joinPaths(edge.mount.path ?? '', edge.folderPrefix);
      for (const sibling of this.summaryOf(edge.parent).mounts) {
        if (sibling.receiver !== edge.mount.receiver) continue;
        const exported = this.mountTargets(edge.parent, sibling).some((t) => t.file !== file && this.exportsOf(t.file, 'values').exportedMiddleware.includes(kind));
        if (sibling.middleware.includes(kind) || exported) out.push({ kind, file: edge.parent, mountPath: sibling.path, prefix });
      }
      for (const above of this.mountedAround(edge.parent, kind, depth + 1, seen)) out.push({ ...above, prefix: joinPaths(above.prefix, prefix) });
    }
    return out;
  }
}

export class ProjectIndex {
  readonly tsconfigs = new TsconfigPaths();
  private readonly summaries = new Map<string, GraphSummary>();
  /** What the exports of a text do, by content hash: made when first asked (`exportsOf`), let go with the graph summary. */
  private readonly exportParts = new Map<string, ExportsSummary>();
  /** The values of the exports of a text (`ExportsPart`), by content hash, for texts whose whole exports part is not made. */
  private readonly valueParts = new Map<string, ExportsSummary>();
  /** How many files (in every project) use each summary: one nobody uses is let go. */
  private readonly uses = new Map<string, number>();
  private bytes = 0;
  private readonly reexports = new Map<string, Map<string, Reexport[]>>();
  private readonly projects = new Map<string, IndexedProject>();
  /** Folders below a repository root indexed as projects of their own (own-project.ts), and those adopted. */
  private readonly ownRoots = new Set<string>();
  /** The exports parts made since `takeMadeExports` was last called, kept only when another thread is to hear of them. */
  private made: MadeExports[] | undefined;

  constructor(
    private readonly roots: ProjectRoots,
    private readonly manifests: PackageManifests,
    private readonly limits: IndexLimits = defaultIndexLimits,
  ) {}

  /** The estimated bytes of what the index holds (summaries and file entries), checked against `maxBytes`. */
  estimatedBytes(): number {
    return this.bytes;
  }

  summaryByHash(hash: string): GraphSummary | undefined {
    return this.summaries.get(hash);
  }

  /**
   * What the exports of `file`, indexed with the text of content hash `hash`, do: made from the disk the first time
   * a file's analysis asks (an open document's are made from its analysis, `record`). Nothing is known when the
   * text on disk is no longer the one indexed (a watcher will say so).
   */
  exportsOf(file: string, hash: string | undefined, root: string, part: ExportsPart): ExportsSummary {
    if (hash === undefined) return emptyExports;
    const known = this.exportParts.get(hash) ?? (part === 'values' ? this.valueParts.get(hash) : undefined);
    if (known) return known;
    const text = readText(file);
    if (text === undefined || contentHash(text) !== hash) return emptyExports;
    if (part === 'values') return this.keepValues(hash, () => summariseValuesText(text, file, root));
    const summary = this.keepExports(hash, () => summariseExportsText(text, file, root));
    this.made?.push({ hash, part, summary });
    return summary;
  }

  /**
   * The values part of `file`'s exports from facts already built for `text` (a scan's analysis of it, the project
   * not counting it as test code), kept unless the index has it or holds another text for the file: a file analysed
   * before its importers costs them no parse when they ask whether its exports are database handles.
   */
  offerValues(file: string, text: string, make: () => ExportsSummary): void {
    const hash = this.projectOf(file)?.files.get(file);
    if (hash === undefined || this.exportParts.has(hash) || this.valueParts.has(hash) || contentHash(text) !== hash) return;
    this.keepValues(hash, make);
  }

  /** What `file` re-exports, read from disk the first time a mount asks, kept by the content hash it was indexed with. */
  reexportsOf(file: string, hash: string | undefined): Map<string, Reexport[]> {
    const key = hash ?? file;
    let known = this.reexports.get(key);
    if (!known) {
      const text = readText(file);
      known = text === undefined || !/export|exports/.test(text) ? new Map() : reexportsOf(parse(text, file));
      this.reexports.set(key, known);
    }
    return known;
  }

  /** From now on, every exports part made is also kept for `takeMadeExports` (a scan worker shares them). */
  shareMadeExports(): void {
    this.made ??= [];
  }

  /** The exports parts made since the last call (see `shareMadeExports`). */
  takeMadeExports(): MadeExports[] {
    const made = this.made ?? [];
    if (this.made) this.made = [];
    return made;
  }

  /** Exports parts another thread made, for the texts this index holds and has none of that part for. */
  adoptMadeExports(entries: readonly MadeExports[]): void {
    for (const { hash, part, summary } of entries) {
      if (!this.uses.has(hash) || this.exportParts.has(hash)) continue;
      if (part === 'all') this.exportParts.set(hash, this.copied(summary));
      else if (!this.valueParts.has(hash)) this.valueParts.set(hash, this.copied(summary));
    }
  }

  /** The projects holding `files` that are not indexed yet, each with the files its index is to hold. */
  unindexedProjects(files: readonly string[]): ProjectToIndex[] {
    const roots = new Set<string>();
    for (const file of files) {
      const root = this.rootOf(file);
      if (root !== undefined && !this.projects.has(root)) roots.add(root);
    }
    return [...roots].map((root) => ({ root, files: projectFiles(root, this.limits.maxFiles + 1) }));
  }

  /** `folder`, below the repository or workspace root holding it, is indexed as a project of its own. */
  addOwnRoot(folder: string): void {
    this.ownRoots.add(path.resolve(folder));
  }

  /** A project summarised elsewhere (`summariseFile` in a scan's workers), entered as `ensure` would have walked it. */
  adopt(indexed: IndexedFiles): void {
    // Its files are the project's wherever it lies: the thread that walked it may have been told it is one of its own.
    this.ownRoots.add(indexed.root);
    if (this.projects.has(indexed.root)) return;
    const project = this.begin(indexed.root);
    for (const entry of indexed.files) {
      if (!this.withinBudget(project)) break;
      this.enter(project, entry);
    }
  }

  ensure(file: string): IndexedProject | undefined {
    const root = this.rootOf(file);
    if (root === undefined) return undefined;
    const known = this.projects.get(root);
    if (known) return known;
    const project = this.begin(root);
    for (const found of projectFiles(root, this.limits.maxFiles + 1)) if (!this.summariseFromDisk(project, found)) break;
    return project;
  }

  /**
   * Walks the project holding `file` a slice at a time, yielding to the event loop between slices so that
   * requests are served meanwhile; `onProgress` hears how far it is. Resolves when the project is indexed.
   */
  async indexInSlices(file: string, onProgress?: (done: number, total: number) => void): Promise<void> {
    const root = this.rootOf(file);
    if (root === undefined || this.projects.has(root)) return;
    const project = this.begin(root);
    const files = projectFiles(root, this.limits.maxFiles + 1);
    for (let i = 0; i < files.length; i++) {
      if (!project.files.has(files[i]) && !this.summariseFromDisk(project, files[i])) break;
      if (i % 50 === 49) {
        onProgress?.(i + 1, files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    onProgress?.(files.length, files.length);
  }

  /**
   * The summary of `file` made from `text` (an open document, or the text just analysed). True when it differs
   * from the one the index had: what the project says of other files may have changed. Without `summary`, `text`
   * is the file's text on disk (a watcher's), from which its exports part is made when asked.
   */
  record(file: string, text: string, summary?: FileSummary): boolean {
    const project = this.projectOf(file);
    if (!project) return false;
    const hash = contentHash(text);
    const before = project.files.get(file);
    if (before === hash) return false;
    const added = before === undefined;
    if (added && !this.withinBudget(project)) return false;
    const previous = before === undefined ? undefined : this.summaries.get(before);
    // What the exports did matters to other files only if one of them asked: then it is compared, made again if need be.
    const previousExports = before === undefined ? undefined : this.exportParts.get(before);
    // Only what the exports are may have been asked (a handle lookup): that part is compared then.
    const previousValues = before === undefined || previousExports ? undefined : this.valueParts.get(before);
    const parts = summary && splitSummary(summary);
    this.keep(hash, () => parts?.graph ?? summariseGraphText(text, file, project.root));
    if (parts) this.keepExports(hash, () => parts.exports);
    else if (previousExports) this.keepExports(hash, () => summariseExportsText(text, file, project.root));
    else if (previousValues) this.keepValues(hash, () => summariseValuesText(text, file, project.root));
    const changed =
      added ||
      JSON.stringify(previous) !== JSON.stringify(this.summaries.get(hash)) ||
      (previousExports !== undefined && JSON.stringify(previousExports) !== JSON.stringify(this.exportParts.get(hash))) ||
      // An analysis's summary has no values part of its own to compare with: the importers are told, once.
      (previousValues !== undefined && (parts !== undefined || JSON.stringify(previousValues) !== JSON.stringify(this.valueParts.get(hash))));
    this.setFile(project, file, hash);
    const runnerConfig = runnerConfigNames.has(path.basename(file));
    if (runnerConfig) project.testMatchers = packageFolders(project.root).flatMap(testRunnerMatchers);
    if (added) project.filesChanged();
    else if (changed || runnerConfig) project.summariesChanged();
    return changed || runnerConfig;
  }

  /** A file was deleted (or left the project). */
  forget(file: string): void {
    const project = this.projectOf(file);
    const hash = project?.files.get(file);
    if (!project || hash === undefined) return;
    project.files.delete(file);
    this.bytes -= fileEntryBytes + 2 * file.length;
    this.release(hash);
    project.filesChanged();
  }

  /** A file changed on disk (a watcher saw it): its summary is made again from the disk. */
  changedOnDisk(file: string): boolean {
    const project = this.projectOf(file);
    if (!project || !isAnalysable(file)) return false;
    const text = readText(file);
    if (text === undefined) {
      this.forget(file);
      return true;
    }
    return this.record(file, text);
  }

  /** What the project says of `file`; the project is indexed first if it is not yet and `build` is set. */
  factsFor(file: string, build: boolean): ProjectFacts {
    const project = build ? this.ensure(file) : this.projectOf(file);
    const declaredRange = (dependency: string): string | undefined => this.manifests.declaredRange(file, dependency);
    const declarationFile = (): string | undefined => siblingDeclaration(file);
    if (!project) return { mountedAround: () => [], mountedBy: [], declaredRange, declarationFile, exportSummary: () => undefined, exportHandle: () => undefined, importsProjectFile: () => false, mayExportHandle: () => false, isTestCode: false, globalGuards: [] };
    // Another file of the project: a module importing itself has no summary to follow.
    const otherFile = (specifier: string, from: string): string | undefined => {
      const target = project.resolve(specifier, from);
      return target === from ? undefined : target;
    };
    const exportOf = (specifier: string, name: string, from: string, part: ExportsPart): ResolvedExport | undefined => {
      const target = otherFile(specifier, from);
      if (target === undefined) return undefined;
      const key = name === '' ? 'default' : name;
      const found = project.exportIn(target, key, part);
      return found ?? (key.startsWith('default.') ? project.exportIn(target, key.slice('default.'.length), part) : undefined);
    };
    return {
      mountedAround: (kind) => project.mountedAround(file, kind),
      mountedBy: [...new Set(project.mountedBy(file).map((e) => e.parent))],
      declaredRange,
      declarationFile,
      exportSummary: (specifier, name, from = file) => exportOf(specifier, name, from, 'all'),
      exportHandle: (specifier, name, from = file) => exportOf(specifier, name, from, 'values'),
      importsProjectFile: (specifier, from = file) => otherFile(specifier, from) !== undefined,
      mayExportHandle: (specifier, from = file) => {
        const target = otherFile(specifier, from);
        return target !== undefined && project.reachesDatabaseLibrary(target);
      },
      isTestCode: project.isTest(file),
      get globalGuards() {
        return project.globalGuards(file);
      },
    };
  }

  /**
   * Indices into `files` (absolute), each file after the files of its project it imports (depth first; a cycle is
   * broken where the walk meets it), files outside any indexed project in place at the end. Their projects are
   * indexed first when `build` is set.
   */
  dependencyOrder(files: readonly string[], build: boolean): number[] {
    const position = new Map(files.map((f, i) => [f, i]));
    const order: number[] = [];
    const visited = new Set<string>();
    for (const start of files) {
      if (visited.has(start)) continue;
      const project = build ? this.ensure(start) : this.projectOf(start);
      if (!project) continue;
      // Iterative post-order walk: an import chain can be as long as the project is large.
      const stack: { file: string; imports: string[] }[] = [];
      const enter = (file: string): void => {
        visited.add(file);
        const imports = project.summaryOf(file).imports.map((s) => project.resolve(s, file)).filter((f): f is string => f !== undefined && f !== file);
        stack.push({ file, imports });
      };
      enter(start);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const next = top.imports.pop();
        if (next !== undefined) {
          if (!visited.has(next) && position.has(next)) enter(next);
          continue;
        }
        stack.pop();
        order.push(position.get(top.file)!);
      }
    }
    const placed = new Set(order);
    files.forEach((_, i) => {
      if (!placed.has(i)) order.push(i);
    });
    return order;
  }

  /**
   * The files whose project facts `file` enters: those it mounts (and theirs, as far as composition goes), those
   * that import it (and theirs, as far as summaries compose), and those it imports (whether only tests import them).
   */
  dependantsOf(file: string): string[] {
    const project = this.projectOf(file);
    if (!project) return [];
    const out = new Set<string>();
    const up = (from: string, depth: number): void => {
      if (depth >= importerDepth) return;
      for (const importer of project.importers(from)) {
        if (out.has(importer) || importer === file) continue;
        out.add(importer);
        up(importer, depth + 1);
      }
    };
    up(file, 0);
    // A guard applied app-wide reaches every controller of its package.
    if (project.summaryOf(file).globalGuards.length > 0) for (const other of project.samePackage(file)) if (other !== file) out.add(other);
    for (const specifier of project.summaryOf(file).imports) {
      const target = project.resolve(specifier, file);
      if (target !== undefined && target !== file) out.add(target);
    }
    const down = (from: string, depth: number): void => {
      if (depth >= mountDepth) return;
      for (const mount of project.summaryOf(from).mounts) {
        for (const { file: child } of project.mountTargets(from, mount)) {
          if (out.has(child) || child === file) continue;
          out.add(child);
          down(child, depth + 1);
        }
      }
    };
    down(file, 0);
    return [...out];
  }

  /** Which projects are indexed, with their file counts and whether the budget left files out (for the editor's status and the bench). */
  indexedProjects(): { root: string; files: number; complete: boolean }[] {
    return [...this.projects.values()].map((p) => ({ root: p.root, files: p.files.size, complete: p.complete }));
  }

  /** package.json or tsconfig.json changed: packages and aliases are read again; summaries stay. */
  reset(): void {
    this.tsconfigs.reset();
    for (const project of this.projects.values()) {
      this.readPackages(project);
      project.filesChanged();
    }
  }

  /** The root of the project holding `file`: the innermost own root holding it, else its repository or workspace root. */
  private rootOf(file: string): string | undefined {
    const boundary = this.roots.boundaryOf(file);
    if (boundary === undefined || this.ownRoots.size === 0) return boundary;
    for (let dir = path.dirname(file); dir !== boundary && isInside(dir, boundary); dir = path.dirname(dir)) if (this.ownRoots.has(dir)) return dir;
    return boundary;
  }

  private projectOf(file: string): IndexedProject | undefined {
    const root = this.rootOf(file);
    return root === undefined ? undefined : this.projects.get(root);
  }

  private begin(root: string): IndexedProject {
    const project = new IndexedProject(root, this);
    this.projects.set(root, project);
    this.readPackages(project);
    return project;
  }

  private readPackages(project: IndexedProject): void {
    project.packages.clear();
    project.manifests.clear();
    const folders = packageFolders(project.root);
    project.packageDirs = new Set(folders);
    project.testMatchers = folders.flatMap(testRunnerMatchers);
    for (const dir of folders) {
      const manifest = this.manifests.read(path.join(dir, 'package.json'));
      if (manifest) project.manifests.set(dir, manifest);
      if (manifest?.name !== undefined && !project.packages.has(manifest.name)) project.packages.set(manifest.name, { dir, manifest });
    }
  }

  /** False when the budget is spent: the walk stops there. */
  private summariseFromDisk(project: IndexedProject, file: string): boolean {
    if (!this.withinBudget(project)) return false;
    const entry = summariseFile(file, project.root, (hash) => this.summaries.get(hash));
    if (entry) this.enter(project, entry);
    return true;
  }

  private enter(project: IndexedProject, entry: SummarisedFile): void {
    this.keep(entry.hash, () => entry.summary);
    this.setFile(project, entry.file, entry.hash);
    project.filesChanged();
  }

  /** Whether one more file may join `project`; when not, the project is marked incomplete. */
  private withinBudget(project: IndexedProject): boolean {
    if (this.bytes < this.limits.maxBytes && project.files.size < this.limits.maxFiles) return true;
    project.complete = false;
    return false;
  }

  private keepValues(hash: string, make: () => ExportsSummary): ExportsSummary {
    let part = this.valueParts.get(hash);
    if (!part) {
      this.valueParts.set(hash, (part = this.copied(make())));
      this.made?.push({ hash, part: 'values', summary: part });
    }
    return part;
  }

  /** Makes the graph summary of `hash` if the index has none (its use is counted by setFile). */
  private keep(hash: string, make: () => GraphSummary): void {
    if (!this.summaries.has(hash)) this.summaries.set(hash, this.copied(make()));
  }

  /** The exports summary of `hash`, made if the index has none; it is let go with the graph summary. */
  private keepExports(hash: string, make: () => ExportsSummary): ExportsSummary {
    let part = this.exportParts.get(hash);
    if (!part) this.exportParts.set(hash, (part = this.copied(make())));
    return part;
  }

  /** Copied through JSON: names cut from the source text would otherwise keep the whole text alive (V8 slices strings). */
  private copied<T>(value: T): T {
    const json = JSON.stringify(value);
    this.bytes += summaryBytesPerChar * json.length;
    return JSON.parse(json) as T;
  }

  private setFile(project: IndexedProject, file: string, hash: string): void {
    const before = project.files.get(file);
    project.files.set(file, hash);
    this.uses.set(hash, (this.uses.get(hash) ?? 0) + 1);
    if (before === undefined) this.bytes += fileEntryBytes + 2 * file.length;
    else this.release(before);
  }

  /** One file less uses `hash`: a summary no file uses any more is let go, with what was read for it. */
  private release(hash: string): void {
    const left = (this.uses.get(hash) ?? 1) - 1;
    if (left > 0) {
      this.uses.set(hash, left);
      return;
    }
    this.uses.delete(hash);
    for (const part of [this.summaries.get(hash), this.exportParts.get(hash), this.valueParts.get(hash)]) if (part) this.bytes -= summaryBytesPerChar * JSON.stringify(part).length;
    this.summaries.delete(hash);
    this.exportParts.delete(hash);
    this.valueParts.delete(hash);
    this.reexports.delete(hash);
  }
}

function readText(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > maxSummarisedBytes) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The summary of a file on disk in the project at `root`, as the index makes it; undefined when it cannot be
 * read or is too large to summarise. `known` answers for a text already summarised (by its hash), sparing a parse.
 */
export function summariseFile(file: string, root: string, known?: (hash: string) => GraphSummary | undefined): SummarisedFile | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  const hash = contentHash(text);
  return { file, hash, summary: known?.(hash) ?? summariseGraphText(text, file, root) };
}

/** The graph summary of a text the index reads itself. */
function summariseGraphText(text: string, file: string, root: string): GraphSummary {
  if (!summarisable(text)) return emptySummary;
  // Most files mount nothing: their imports are read by the scanner, without a parse.
  if (!graphNeedsParse(text)) return { ...emptySummary, imports: importsOf(text) };
  return fromFacts(text, file, root, summarizeGraph) ?? emptySummary;
}

/** The values part of the exports summary of a text the index reads itself. */
function summariseValuesText(text: string, file: string, root: string): ExportsSummary {
  if (!summarisable(text) || !exportsNeedParse(text)) return emptyExports;
  return fromFacts(text, file, root, summarizeValues) ?? emptyExports;
}

/** The exports summary of a text the index reads itself. */
function summariseExportsText(text: string, file: string, root: string): ExportsSummary {
  if (!summarisable(text) || !exportsNeedParse(text)) return emptyExports;
  return fromFacts(text, file, root, summarizeExports) ?? emptyExports;
}

function summarisable(text: string): boolean {
  return text.length <= maxSummarisedBytes && !text.includes('\u0000');
}

/** Parsed and its facts built, as for an analysis. */
function fromFacts<T>(text: string, file: string, root: string, make: (facts: Facts) => T): T | undefined {
  try {
    return make(buildFacts(parse(text, file), projectPathOf(file, root)));
  } catch {
    // A file the parser cannot take (nested too deeply) says nothing of the project.
    return undefined;
  }
}

/** The analysable files under `root`, skipping dependencies, build output and hidden folders, up to `cap`. */
function projectFiles(root: string, cap: number): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.length >= cap) return;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && isAnalysable(entry.name)) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out;
}

/** Folders under `root` with a package.json: the packages of a monorepo (and the root's own). */
function packageFolders(root: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, depth: number): void => {
    if (fs.existsSync(path.join(folder, 'package.json'))) out.push(folder);
    if (depth >= 4) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(folder, entry.name), depth + 1);
    }
  };
  walk(root, 0);
  return out;
}
