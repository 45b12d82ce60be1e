/** A scan worker: analyses the batches of files the main thread sends and posts the reports back. */
import '../core/typescript-plain'; // before anything requires typescript
import { parentPort, workerData } from 'node:worker_threads';
import { AnalyseOptions, analyseFile } from './analyse-file';

const options = workerData as AnalyseOptions;
parentPort?.on('message', (batch: string[]) => {
  parentPort?.postMessage(batch.map((file) => analyseFile(file, options)));
});
