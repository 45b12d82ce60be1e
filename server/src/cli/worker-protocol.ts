/** What the main thread of a scan and its worker threads say to each other (worker.ts, scan.ts). */
import type { IndexedFiles, SummarisedFile } from '../core/workspace';
import type { FileReport } from './analyse-file';

export type WorkerRequest =
  /** Summarise these files of the projects being indexed (each file with its project's root). */
  | { kind: 'summarise'; files: { file: string; root: string }[] }
  /** The projects' indexes, summarised by all the workers: enter them before analysing. */
  | { kind: 'index'; projects: IndexedFiles[] }
  | { kind: 'analyse'; files: string[] };

export type WorkerReply =
  /** In the order asked; null for a file that could not be read. */
  | { kind: 'summarised'; entries: (SummarisedFile | null)[] }
  | { kind: 'analysed'; reports: FileReport[] };
