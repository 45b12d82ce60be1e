/** What the main thread of a scan and its worker threads say to each other (worker.ts, scan.ts). */
import type { IndexedFiles, MadeExports, SummarisedFile } from '../core/workspace';
import type { FileReport } from './analyse-file';

export type WorkerRequest =
  /** Summarise these files of the projects being indexed (each file with its project's root). */
  | { kind: 'summarise'; files: { file: string; root: string }[] }
  /** The projects' indexes, summarised by all the workers: enter them before analysing. */
  | { kind: 'index'; projects: IndexedFiles[] }
  | { kind: 'analyse'; files: string[] }
  /** What other workers made of files' exports: adopt it rather than make it again. */
  | { kind: 'exports'; made: MadeExports[] };

export type WorkerReply =
  /** In the order asked; null for a file that could not be read. */
  | { kind: 'summarised'; entries: (SummarisedFile | null)[] }
  /** With what the worker made of files' exports while analysing them, for the other workers. */
  | { kind: 'analysed'; reports: FileReport[]; made: MadeExports[] };
