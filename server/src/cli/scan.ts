/**
 * Analyses a list of files, in this thread or across worker threads. Workers pull small batches from one queue,
 * so a few slow files do not leave the other cores idle. Reports come back in the order of `files`.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Workspace } from '../core/workspace';
import { AnalyseOptions, FileReport, analyseFile } from './analyse-file';

/** Below this many files, starting workers costs more than it saves. */
export const workerThreshold = 200;
const batchSize = 16;

export interface ScanOptions extends AnalyseOptions {
  /** 0: in this thread; absent: one per core when the scan is large enough. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export function workerCount(files: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.min(requested, Math.ceil(files / batchSize));
  if (files <= workerThreshold) return 0;
  return Math.min(os.availableParallelism(), 8);
}

/** `workspace` analyses the files of this thread; each worker has its own. */
export async function scanFiles(files: readonly string[], options: ScanOptions, workspace: Workspace): Promise<{ reports: FileReport[]; workers: number }> {
  const analyseOptions: AnalyseOptions = { ruleIds: options.ruleIds, fix: options.fix, fixRoots: options.fixRoots };
  const workers = workerCount(files.length, options.workers);
  const reports: FileReport[] = new Array(files.length);
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, files.length);
  };
  if (workers === 0) {
    files.forEach((file, i) => {
      reports[i] = analyseFile(file, analyseOptions, workspace);
      progress(1);
    });
    return { reports, workers };
  }

  let next = 0;
  const takeBatch = (): number[] => {
    const batch: number[] = [];
    while (batch.length < batchSize && next < files.length) batch.push(next++);
    return batch;
  };
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: analyseOptions });
      let batch: number[] = [];
      const send = (): void => {
        batch = takeBatch();
        if (batch.length === 0) {
          void worker.terminate().then(() => resolve());
        } else {
          worker.postMessage(batch.map((i) => files[i]));
        }
      };
      worker.on('message', (batchReports: FileReport[]) => {
        batch.forEach((fileIndex, j) => (reports[fileIndex] = batchReports[j]));
        progress(batch.length);
        send();
      });
      // A worker that dies hands its batch back to this thread; the others carry on with the queue.
      worker.on('error', (error) => {
        for (const fileIndex of batch) {
          const report = analyseFile(files[fileIndex], analyseOptions, workspace);
          report.internalErrors.push({ message: `scan worker failed while analysing ${files[fileIndex]}: ${error.message}`, stack: error.stack });
          reports[fileIndex] = report;
        }
        progress(batch.length);
        batch = [];
        resolve();
      });
      send();
    });
  await Promise.all(Array.from({ length: workers }, runWorker));
  // Files left in the queue when every worker has died are analysed here.
  for (let i = 0; i < files.length; i++) {
    if (!reports[i]) {
      reports[i] = analyseFile(files[i], analyseOptions, workspace);
      progress(1);
    }
  }
  return { reports, workers };
}
