/**
 * Analyses a list of files, in this thread or on a pool of worker threads. With workers, this thread neither parses
 * nor loads the analysis core (and TypeScript with it): the workers list the projects holding the files and
 * summarise their files, this thread assembles the project index from the summaries and hands it to every worker as
 * plain data, then the workers analyse the files, each file before the files that import it, and what one worker
 * makes of a file's exports is passed on to the others. The summaries are taken in batches by size, largest files
 * first (batch-queue.ts). Reports come back in the order of `files`. Only when a worker dies does this thread load
 * the core, to do what that worker was doing.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { IndexedFiles, InternalError, ProjectToIndex, SummarisedFile, Workspace } from '../core/workspace';
import { AnalyseOptions, FileReport, analyseFile } from './analyse-file';
import { BatchQueue } from './batch-queue';
import { sizeOf } from './shard';
import { WorkerPool } from './worker-pool';
import type { ScanWorkspaceOptions, WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol';

/** Below this many files, starting workers costs more than it saves. */
export const workerThreshold = 200;
/** The most cores on which a scan runs in-process by default. */
const inProcessUpToCores = 2;
/** More workers than this gain little: the main thread and the disk are shared. */
const maxWorkers = 8;
/**
 * A worker's young generation, smaller than V8's default (up to 48 MB on a large machine): every file's tree is
 * garbage once its report is made, and with several copies of TypeScript in one process the default let a scan's
 * peak memory grow by tens of megabytes per worker (measured: bench/README.md).
 */
const workerYoungGenerationMb = 12;
/**
 * A worker's old generation. V8 sets a heap's first full-collection threshold from its maximum, and the default
 * maximum is sized for the whole machine (gigabytes): a worker then let 100–135 MB of dropped trees pile up before
 * collecting, of which about 30 MB was live (the index, TypeScript, the batch at hand). A bound well above what the
 * largest file analysable (analyze.ts, `maxFileBytes`) keeps alive makes it collect early; a worker that still ran
 * out would hand its batch back to the main thread, like any worker that dies (measured: bench/README.md).
 */
const workerOldGenerationMb = 160;

export interface ScanOptions extends AnalyseOptions {
  /** The options of every thread's Workspace. */
  workspace: ScanWorkspaceOptions;
  /** 0: in this thread; absent: one per core when the scan is large enough and there is more than one core. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export function workerCount(files: number, requested: number | undefined, cores = os.availableParallelism()): number {
  if (requested !== undefined) return Math.min(requested, files);
  // One thread already keeps about 1.5 cores busy: V8 compiles and collects garbage on threads beside it. On two
  // cores, two workers each warm up their own copy of everything and share what is left, and were slower than none
  // at every scan size measured (bench/README.md).
  if (files <= workerThreshold || cores <= inProcessUpToCores) return 0;
  return Math.min(cores, maxWorkers);
}

type Pool = WorkerPool<WorkerRequest, WorkerReply>;

export interface ScanResult {
  /** In the order of the files. */
  reports: FileReport[];
  workers: number;
  /** Failures that belong to no file's report: a worker that died while summarising files for the project index. */
  internalErrors: InternalError[];
}

/**
 * `workspace`: this thread's, when it has one already (the MCP server's); else one is made here only when this
 * thread analyses, telling no config problem: the caller resolved every file's config before the scan.
 */
export async function scanFiles(files: readonly string[], options: ScanOptions, workspace?: Workspace): Promise<ScanResult> {
  const analyseOptions: AnalyseOptions = { ruleIds: options.ruleIds, fix: options.fix, fixRoots: options.fixRoots };
  const workers = workerCount(files.length, options.workers);
  const reports: FileReport[] = new Array(files.length);
  const internalErrors: InternalError[] = [];
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, files.length);
  };
  if (workers === 0) {
    const here = workspace ?? (await localWorkspace(options.workspace));
    for (const i of here.analysisOrder(files)) {
      reports[i] = analyseFile(files[i], analyseOptions, here);
      progress(1);
    }
    return { reports, workers, internalErrors };
  }

  const setup: WorkerSetup = { analyse: analyseOptions, workspace: options.workspace };
  const pool: Pool = new WorkerPool(path.join(__dirname, 'worker.js'), workers, setup, {
    maxYoungGenerationSizeMb: workerYoungGenerationMb,
    maxOldGenerationSizeMb: workerOldGenerationMb,
  });
  // Without a Workspace of its own, this thread makes one only for what a dying worker hands back, with the index
  // the workers have, and asks a worker what a Workspace here would have answered.
  let indexed: IndexedFiles[] = [];
  let local: Promise<Workspace> | undefined = workspace && Promise.resolve(workspace);
  const here = (): Promise<Workspace> =>
    (local ??= localWorkspace(options.workspace).then((workspace) => {
      for (const project of indexed) workspace.adoptIndexedProject(project);
      return workspace;
    }));
  try {
    const planned = local ? undefined : await pool.ask({ kind: 'plan', files: [...files] });
    const projects = planned?.kind === 'planned' ? planned.projects : (await here()).projectsToIndex(files);
    indexed = await indexProjects(pool, workers, projects, internalErrors);
    if (local) for (const project of indexed) (await local).adoptIndexedProject(project);
    if (indexed.length > 0) pool.broadcast({ kind: 'index', projects: indexed });

    // A file before its importers, as in this thread: what its analysis learns of its exports reaches them.
    const ordered = local ? undefined : await pool.ask({ kind: 'order', files: [...files] });
    const order = ordered?.kind === 'ordered' ? ordered.order : (await here()).analysisOrder(files);
    const handedBack: Promise<void>[] = [];
    await pool.run(new BatchQueue(order.map((index) => ({ index, bytes: sizeOf(files[index]) })), workers, 'in-order'), {
      request: (batch) => ({ kind: 'analyse', files: batch.map((i) => files[i]) }),
      done: (batch, reply) => {
        if (reply.kind !== 'analysed') throw new Error(`a scan worker answered ${reply.kind} to analyse`);
        batch.forEach((fileIndex, j) => (reports[fileIndex] = reply.reports[j]));
        if (reply.made.length > 0) pool.broadcast({ kind: 'exports', made: reply.made });
        progress(batch.length);
      },
      // A worker that dies hands its batch back to this thread; the others carry on with the queue meanwhile.
      failed: (batch, error) => {
        const analysed = here().then((workspace) => {
          for (const i of batch) {
            const report = analyseFile(files[i], analyseOptions, workspace);
            if (error) report.internalErrors.push({ message: `scan worker failed while analysing ${files[i]}: ${error.message}`, stack: error.stack });
            reports[i] = report;
          }
          progress(batch.length);
        });
        handedBack.push(analysed);
      },
    });
    await Promise.all(handedBack);
  } finally {
    await pool.close();
  }
  return { reports, workers, internalErrors };
}

/** The analysis core, loaded where this thread analyses. */
async function localWorkspace(options: ScanWorkspaceOptions): Promise<Workspace> {
  const { Workspace } = await import('../core/workspace.js');
  return new Workspace(options);
}

/**
 * The index of `projects`: their files summarised by the workers, assembled here in each project's walk order (as
 * a Workspace would have walked it).
 */
async function indexProjects(pool: Pool, workers: number, projects: readonly ProjectToIndex[], internalErrors: InternalError[]): Promise<IndexedFiles[]> {
  const items = projects.flatMap((p) => p.files.map((file) => ({ file, root: p.root })));
  if (items.length === 0) return [];
  const entries: (SummarisedFile | null)[] = new Array(items.length);
  const handedBack: number[] = [];
  await pool.run(new BatchQueue(items.map((item, index) => ({ index, bytes: sizeOf(item.file) })), workers), {
    request: (batch) => ({ kind: 'summarise', files: batch.map((i) => items[i]) }),
    done: (batch, reply) => {
      if (reply.kind !== 'summarised') throw new Error(`a scan worker answered ${reply.kind} to summarise`);
      batch.forEach((itemIndex, j) => (entries[itemIndex] = reply.entries[j]));
    },
    failed: (batch, error) => {
      if (error) internalErrors.push({ message: `scan worker failed while summarising files for the project index: ${error.message}`, stack: error.stack });
      handedBack.push(...batch);
    },
  });
  if (handedBack.length > 0) {
    const { summariseFile } = await import('../core/workspace.js');
    for (const i of handedBack) entries[i] = summariseFile(items[i].file, items[i].root) ?? null;
  }
  let next = 0;
  return projects.map((p) => ({
    root: p.root,
    files: p.files.map(() => entries[next++]).filter((e): e is SummarisedFile => e !== null),
  }));
}
