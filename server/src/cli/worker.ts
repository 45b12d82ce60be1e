/**
 * A scan worker, started once per scan: lists the projects to index when asked, summarises files for the project
 * index, enters the index the main thread assembles from every worker's summaries, tells the order to analyse the
 * files in, then analyses the batches it is sent, answering each with its reports and what it made of other files'
 * exports meanwhile, and adopts what the other workers made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Workspace, saveTypescriptCodeCache, summariseFile } from '../core/workspace';
import { analyseFile } from './analyse-file';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol';

const setup = workerData as WorkerSetup;
// Config problems are reported by the main thread, which resolves every file's config while discovering files.
const workspace = new Workspace({ ...setup.workspace, sharesMadeExports: true });
const reply = (message: WorkerReply): void => parentPort?.postMessage(message);

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.kind) {
    case 'plan':
      reply({ kind: 'planned', projects: workspace.projectsToIndex(request.files) });
      break;
    case 'summarise':
      reply({ kind: 'summarised', entries: request.files.map(({ file, root }) => summariseFile(file, root) ?? null) });
      break;
    case 'index':
      for (const project of request.projects) workspace.adoptIndexedProject(project);
      break;
    case 'order':
      reply({ kind: 'ordered', order: workspace.analysisOrder(request.files) });
      break;
    case 'analyse': {
      const reports = request.files.map((file) => analyseFile(file, setup.analyse, workspace));
      // Once, before the reply, which may be the last before the worker is terminated: a batch has compiled what
      // analysing needs of TypeScript.
      saveTypescriptCodeCache();
      reply({ kind: 'analysed', reports, made: workspace.takeMadeExports() });
      break;
    }
    case 'exports':
      workspace.adoptMadeExports(request.made);
      break;
  }
});
