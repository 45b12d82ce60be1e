/** A scan worker: analyses the batches of files the main thread sends and posts the reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import { Workspace } from '../core/workspace';
import { AnalyseOptions, analyseFile } from './analyse-file';

const options = workerData as AnalyseOptions;
// Config problems are reported by the main thread, which resolves every file's config while discovering files.
const workspace = new Workspace({ fallbackRoot: process.cwd() });
parentPort?.on('message', (batch: string[]) => {
  parentPort?.postMessage(batch.map((file) => analyseFile(file, options, workspace)));
});
