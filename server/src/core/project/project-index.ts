/**
 * The project index: every analysable file of a project (the workspace folder or repository holding it), each
 * with its summary (file-summary.ts), kept by content hash so a file whose text comes back costs nothing; the
 * module graph those summaries give (module-resolution.ts); and what it implies for one file (project-facts.ts).
 *
 * A project is walked the first time a file of it asks (`ensure`), or ahead of time by the editor, in slices
 * (`indexInSlices`), so that no analysis waits on it. Open documents replace their file's text on disk
 * (`record`). The summaries of one project are capped at `maxIndexedFiles`: past it, the remaining files are
 * not indexed (a file's analysis then knows less of the project, never more than is true).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MiddlewareKind } from '../catalog';
import { buildFacts } from '../facts/facts';
import { joinPaths } from '../facts/route-paths';
import { parse } from '../parse';
import { projectPathOf } from '../project-path';
import { type FileSummary, importsOf, needsFullSummary, summarize } from './file-summary';
import { type ResolutionContext, type WorkspacePackage, resolveModule } from './module-resolution';
import type { PackageManifests } from './package-manifests';
import type { MountedAround, ProjectFacts } from './project-facts';
import { type ProjectRoots, isInside } from './project-roots';
import { isAnalysable, skippedFolders } from './skipped-paths';
import { TsconfigPaths } from './tsconfig-paths';

/** A project with more files than this is indexed in part (the first ones the walk finds). */
export const maxIndexedFiles = 20_000;
/** Files larger than this are generated bundles: they are not summarised. */
const maxSummarisedBytes = 1024 * 1024;
/** How many mounts up app composition follows (app → api router → auth router → …). */
const mountDepth = 4;

const emptySummary: FileSummary = { imports: [], mounts: [], exportedMiddleware: [] };

/** One file of a project as the index holds it: the content hash of the text summarised, and the summary. */
export interface SummarisedFile {
  file: string;
  hash: string;
  summary: FileSummary;
}

/**
 * A project's index as plain data, in the walk's order: what a scan's worker threads are given, so that the
 * project is walked and summarised once for all of them rather than once in each.
 */
export interface IndexedFiles {
  root: string;
  files: SummarisedFile[];
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
  mount: FileSummary['mounts'][number];
  /** The autoloaded folder's path below the mount (`/api/auth` for `routes/api/auth/index.ts`). */
  folderPrefix: string;
}

class IndexedProject {
  /** File → content hash of the text its summary was made from. */
  readonly files = new Map<string, string>();
  readonly packages = new Map<string, WorkspacePackage>();
  private resolved = new Map<string, Map<string, string | undefined>>();
  private mountedByMemo: Map<string, MountEdge[]> | undefined;
  private importersMemo: Map<string, string[]> | undefined;

  constructor(readonly root: string, private readonly index: ProjectIndex) {}

  /** The file set changed: resolutions are made again. */
  filesChanged(): void {
    this.resolved = new Map();
    this.summariesChanged();
  }

  /** A summary changed: the graphs built from them are made again. */
  summariesChanged(): void {
    this.mountedByMemo = undefined;
    this.importersMemo = undefined;
  }

  summaryOf(file: string): FileSummary {
    const hash = this.files.get(file);
    return (hash !== undefined && this.index.summaryByHash(hash)) || emptySummary;
  }

  resolve(specifier: string, from: string): string | undefined {
    let byFile = this.resolved.get(from);
    if (!byFile) this.resolved.set(from, (byFile = new Map()));
    if (byFile.has(specifier)) return byFile.get(specifier);
    const context: ResolutionContext = {
      files: this.fileSet(),
      packages: this.packages,
      aliasesFor: (dir) => this.index.tsconfigs.aliasesFor(dir, this.root),
    };
    const target = resolveModule(specifier, from, context);
    byFile.set(specifier, target);
    return target;
  }

  private fileSetMemo: { size: number; set: Set<string> } | undefined;

  private fileSet(): ReadonlySet<string> {
    if (!this.fileSetMemo || this.fileSetMemo.size !== this.files.size) this.fileSetMemo = { size: this.files.size, set: new Set(this.files.keys()) };
    return this.fileSetMemo.set;
  }

  /** The files a mount registers: the modules it names and the files of the folder it autoloads. */
  mountTargets(parent: string, mount: FileSummary['mounts'][number]): { file: string; folderPrefix: string }[] {
    const out: { file: string; folderPrefix: string }[] = [];
    for (const module of mount.modules) {
      const file = this.resolve(module, parent);
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
        const exported = this.mountTargets(edge.parent, sibling).some((t) => t.file !== file && this.summaryOf(t.file).exportedMiddleware.includes(kind));
        if (sibling.middleware.includes(kind) || exported) out.push({ kind, file: edge.parent, mountPath: sibling.path, prefix });
      }
      for (const above of this.mountedAround(edge.parent, kind, depth + 1, seen)) out.push({ ...above, prefix: joinPaths(above.prefix, prefix) });
    }
    return out;
  }
}

export class ProjectIndex {
  readonly tsconfigs = new TsconfigPaths();
  private readonly summaries = new Map<string, FileSummary>();
  private readonly projects = new Map<string, IndexedProject>();

  constructor(
    private readonly roots: ProjectRoots,
    private readonly manifests: PackageManifests,
  ) {}

  summaryByHash(hash: string): FileSummary | undefined {
    return this.summaries.get(hash);
  }

  /** The indexed project holding `file`, walked now if it is not yet. Undefined when no folder holds the file. */
  ensure(file: string): IndexedProject | undefined {
    const root = this.roots.boundaryOf(file);
    if (root === undefined) return undefined;
    const known = this.projects.get(root);
    if (known) return known;
    const project = this.begin(root);
    for (const found of projectFiles(root)) this.summariseFromDisk(project, found);
    return project;
  }

  /** The projects holding `files` that are not indexed yet, each with the files its index is to hold. */
  unindexedProjects(files: readonly string[]): ProjectToIndex[] {
    const roots = new Set<string>();
    for (const file of files) {
      const root = this.roots.boundaryOf(file);
      if (root !== undefined && !this.projects.has(root)) roots.add(root);
    }
    return [...roots].map((root) => ({ root, files: projectFiles(root) }));
  }

  /** A project summarised elsewhere (`summariseFile` in a scan's workers), entered as `ensure` would have walked it. */
  adopt(indexed: IndexedFiles): void {
    if (this.projects.has(indexed.root)) return;
    const project = this.begin(indexed.root);
    for (const entry of indexed.files) this.enter(project, entry);
  }

  /**
   * Walks the project holding `file` a slice at a time, yielding to the event loop between slices so that
   * requests are served meanwhile; `onProgress` hears how far it is. Resolves when the project is indexed.
   */
  async indexInSlices(file: string, onProgress?: (done: number, total: number) => void): Promise<void> {
    const root = this.roots.boundaryOf(file);
    if (root === undefined || this.projects.has(root)) return;
    const project = this.begin(root);
    const files = projectFiles(root);
    for (let i = 0; i < files.length; i++) {
      if (!project.files.has(files[i])) this.summariseFromDisk(project, files[i]);
      if (i % 50 === 49) {
        onProgress?.(i + 1, files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    onProgress?.(files.length, files.length);
  }

  /**
   * The summary of `file` made from `text` (an open document, or the text just analysed). True when it differs
   * from the one the index had: what the project says of other files may have changed.
   */
  record(file: string, text: string, summary?: FileSummary): boolean {
    const project = this.projectOf(file);
    if (!project) return false;
    const hash = contentHash(text);
    const before = project.files.get(file);
    if (before === hash) return false;
    if (!this.summaries.has(hash)) this.summaries.set(hash, summary ?? summariseText(text, file, project.root));
    const added = before === undefined;
    const changed = added || JSON.stringify(this.summaries.get(before)) !== JSON.stringify(this.summaries.get(hash));
    project.files.set(file, hash);
    if (added) project.filesChanged();
    else if (changed) project.summariesChanged();
    return changed;
  }

  /** A file was deleted (or left the project). */
  forget(file: string): void {
    const project = this.projectOf(file);
    if (project?.files.delete(file)) project.filesChanged();
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
    if (!project) return { mountedAround: () => [], mountedBy: [], declaredRange };
    return {
      mountedAround: (kind) => project.mountedAround(file, kind),
      mountedBy: [...new Set(project.mountedBy(file).map((e) => e.parent))],
      declaredRange,
    };
  }

  /**
   * The files whose project facts `file` enters: those it mounts (and theirs, as far as composition goes) and
   * those that import it.
   */
  dependantsOf(file: string): string[] {
    const project = this.projectOf(file);
    if (!project) return [];
    const out = new Set<string>(project.importers(file));
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

  /** Which projects are indexed, with their file counts (for the editor's status and the bench). */
  indexedProjects(): { root: string; files: number }[] {
    return [...this.projects.values()].map((p) => ({ root: p.root, files: p.files.size }));
  }

  /** package.json or tsconfig.json changed: packages and aliases are read again; summaries stay. */
  reset(): void {
    this.tsconfigs.reset();
    for (const project of this.projects.values()) {
      this.readPackages(project);
      project.filesChanged();
    }
  }

  private projectOf(file: string): IndexedProject | undefined {
    const root = this.roots.boundaryOf(file);
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
    for (const dir of packageFolders(project.root)) {
      const manifest = this.manifests.read(path.join(dir, 'package.json'));
      if (manifest?.name !== undefined && !project.packages.has(manifest.name)) project.packages.set(manifest.name, { dir, manifest });
    }
  }

  private summariseFromDisk(project: IndexedProject, file: string): void {
    const entry = summariseFile(file, project.root, (hash) => this.summaries.get(hash));
    if (entry) this.enter(project, entry);
  }

  private enter(project: IndexedProject, entry: SummarisedFile): void {
    if (!this.summaries.has(entry.hash)) this.summaries.set(entry.hash, entry.summary);
    project.files.set(entry.file, entry.hash);
    project.filesChanged();
  }
}

/**
 * The summary of a file on disk in the project at `root`, as the index makes it; undefined when it cannot be
 * read or is too large to summarise. `known` answers for a text already summarised (by its hash), sparing a parse.
 */
export function summariseFile(file: string, root: string, known?: (hash: string) => FileSummary | undefined): SummarisedFile | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  const hash = contentHash(text);
  return { file, hash, summary: known?.(hash) ?? summariseText(text, file, root) };
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

/** The summary of a text the index reads itself: parsed and its facts built, as for an analysis. */
function summariseText(text: string, file: string, root: string): FileSummary {
  if (text.length > maxSummarisedBytes || text.includes('\u0000')) return emptySummary;
  // Most files mount nothing and export no middleware: their imports are read without a parse.
  if (!needsFullSummary(text)) return { ...emptySummary, imports: importsOf(text) };
  try {
    return summarize(buildFacts(parse(text, file), projectPathOf(file, root)));
  } catch {
    // A file the parser cannot take (nested too deeply) says nothing of the project.
    return emptySummary;
  }
}

/** The analysable files under `root`, skipping dependencies, build output and hidden folders, up to the cap. */
function projectFiles(root: string): string[] {
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
      if (out.length >= maxIndexedFiles) return;
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
