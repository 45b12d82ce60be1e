/** What the main thread of a scan and its worker threads say to each other (worker.ts, scan.ts). */
import type { IndexedFiles, MadeExports, ProjectToIndex, SummarisedFile, WorkspaceOptions } from '../core/workspace';
import type { AnalyseOptions, FileReport } from './analyse-file';

/** A worker's `workerData`: how to analyse, and its Workspace's options (those of the main thread's scan). */
export interface WorkerSetup {
  analyse: AnalyseOptions;
  workspace: ScanWorkspaceOptions;
}

/** The Workspace options a scan sets, the same in every thread; config problems are told by the main thread. */
export type ScanWorkspaceOptions = Pick<WorkspaceOptions, 'fallbackRoot' | 'scannedPaths'>;

export type WorkerRequest =
  /** Which projects holding these files are to be indexed, with their files. */
  | { kind: 'plan'; files: string[] }
  /** Summarise these files of the projects being indexed (each file with its project's root). */
  | { kind: 'summarise'; files: { file: string; root: string }[] }
  /** The projects' indexes, summarised by all the workers: enter them before analysing. */
  | { kind: 'index'; projects: IndexedFiles[] }
  /** The order to analyse these files in, each before the files that import it (`Workspace.analysisOrder`). */
  | { kind: 'order'; files: string[] }
  | { kind: 'analyse'; files: string[] }
  /** What other workers made of files' exports: adopt it rather than make it again. */
  | { kind: 'exports'; made: MadeExports[] };

export type WorkerReply =
  | { kind: 'planned'; projects: ProjectToIndex[] }
  /** In the order asked; null for a file that could not be read. */
  | { kind: 'summarised'; entries: (SummarisedFile | null)[] }
  /** Indices into the files asked about. */
  | { kind: 'ordered'; order: number[] }
  /** With what the worker made of files' exports while analysing them, for the other workers. */
  | { kind: 'analysed'; reports: FileReport[]; made: MadeExports[] };
