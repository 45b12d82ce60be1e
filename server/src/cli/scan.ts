/**
 * Analyses a list of files, in this thread or on a pool of worker threads. With workers, the scan runs in two
 * rounds, and this thread parses nothing in either: the workers summarise the files of the projects being
 * scanned, this thread assembles the project index from their summaries and hands it to every worker as plain
 * data, then the workers analyse the files, each file before the files that import it, and what one worker makes
 * of a file's exports is passed on to the others. The first round takes batches by size, largest files first
 * (batch-queue.ts). Reports come back in the order of `files`.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { type IndexedFiles, type InternalError, type SummarisedFile, type Workspace, summariseFile } from '../core/workspace';
import { AnalyseOptions, FileReport, analyseFile } from './analyse-file';
import { BatchQueue } from './batch-queue';
import { sizeOf } from './shard';
import { WorkerPool } from './worker-pool';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** Below this many files, starting workers costs more than it saves. */
export const workerThreshold = 200;
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
  /** 0: in this thread; absent: one per core when the scan is large enough and there is more than one core. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export function workerCount(files: number, requested: number | undefined, cores = os.availableParallelism()): number {
  if (requested !== undefined) return Math.min(requested, files);
  // On one core a worker only adds its start-up and a second copy of TypeScript.
  if (files <= workerThreshold || cores < 2) return 0;
  return Math.min(cores, maxWorkers);
}

type Pool = WorkerPool<WorkerRequest, WorkerReply>;

export interface ScanResult {
  /** In the order of the files. */
  reports: FileReport[];
  workers: number;
  /** Failures that belong to no file's report: a worker that died while summarising files for the index. */
  internalErrors: InternalError[];
}

/** `workspace` analyses the files of this thread; each worker has its own, given the index this one assembles. */
export async function scanFiles(files: readonly string[], options: ScanOptions, workspace: Workspace): Promise<ScanResult> {
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
    for (const i of workspace.analysisOrder(files)) {
      reports[i] = analyseFile(files[i], analyseOptions, workspace);
      progress(1);
    }
    return { reports, workers, internalErrors };
  }

  // Started first: the workers load TypeScript while this thread lists the projects to index.
  const pool: Pool = new WorkerPool(path.join(__dirname, 'worker.js'), workers, analyseOptions, {
    maxYoungGenerationSizeMb: workerYoungGenerationMb,
    maxOldGenerationSizeMb: workerOldGenerationMb,
  });
  try {
    const projects = await indexProjects(pool, workers, files, workspace, internalErrors);
    if (projects.length > 0) pool.broadcast({ kind: 'index', projects });

    const analyseHere = (i: number): FileReport => analyseFile(files[i], analyseOptions, workspace);
    // A file before its importers, as in this thread: what its analysis learns of its exports reaches them.
    const ordered = workspace.analysisOrder(files).map((index) => ({ index, bytes: sizeOf(files[index]) }));
    await pool.run(new BatchQueue(ordered, workers, 'in-order'), {
      request: (batch) => ({ kind: 'analyse', files: batch.map((i) => files[i]) }),
      done: (batch, reply) => {
        if (reply.kind !== 'analysed') throw new Error(`a scan worker answered ${reply.kind} to analyse`);
        batch.forEach((fileIndex, j) => (reports[fileIndex] = reply.reports[j]));
        if (reply.made.length > 0) pool.broadcast({ kind: 'exports', made: reply.made });
        progress(batch.length);
      },
      // A worker that dies hands its batch back to this thread; the others carry on with the queue.
      failed: (batch, error) => {
        for (const i of batch) {
          const report = analyseHere(i);
          if (error) report.internalErrors.push({ message: `scan worker failed while analysing ${files[i]}: ${error.message}`, stack: error.stack });
          reports[i] = report;
        }
        progress(batch.length);
      },
    });
  } finally {
    await pool.close();
  }
  return { reports, workers, internalErrors };
}

/**
 * The index of every project holding `files` that `workspace` has not indexed: summarised by the workers,
 * assembled here in each project's walk order (as `workspace` would have walked it), and entered into
 * `workspace` too, which analyses any batch a dying worker hands back.
 */
async function indexProjects(pool: Pool, workers: number, files: readonly string[], workspace: Workspace, internalErrors: InternalError[]): Promise<IndexedFiles[]> {
  const projects = workspace.projectsToIndex(files);
  const items = projects.flatMap((p) => p.files.map((file) => ({ file, root: p.root })));
  if (items.length === 0) return [];
  const entries: (SummarisedFile | null)[] = new Array(items.length);
  await pool.run(new BatchQueue(items.map((item, index) => ({ index, bytes: sizeOf(item.file) })), workers), {
    request: (batch) => ({ kind: 'summarise', files: batch.map((i) => items[i]) }),
    done: (batch, reply) => {
      if (reply.kind !== 'summarised') throw new Error(`a scan worker answered ${reply.kind} to summarise`);
      batch.forEach((itemIndex, j) => (entries[itemIndex] = reply.entries[j]));
    },
    failed: (batch, error) => {
      if (error) internalErrors.push({ message: `scan worker failed while summarising files for the project index: ${error.message}`, stack: error.stack });
      for (const i of batch) entries[i] = summariseFile(items[i].file, items[i].root) ?? null;
    },
  });
  let next = 0;
  const indexed = projects.map((p) => ({
    root: p.root,
    files: p.files.map(() => entries[next++]).filter((e): e is SummarisedFile => e !== null),
  }));
  for (const project of indexed) workspace.adoptIndexedProject(project);
  return indexed;
}
