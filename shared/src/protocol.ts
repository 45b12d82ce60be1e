/**
 * What the client and the server must agree on: the diagnostics' source, the `vigil.*` settings' shape, and
 * Vigil's own messages about inserted blocks. Plain JSON types (no `vscode` nor LSP imports), so any LSP client
 * can speak them; a client that never sends them gets Vigil's diagnostics unmarked and unfiltered.
 */

export const diagnosticSource = 'vigil';

export type RuleSetting = 'off' | 'hint' | 'info' | 'warning' | 'error';

/**
 * Which findings are shown: `all`; `inserted`, only those inside unreviewed inserted blocks; `changed`, those
 * and the ones on lines changed since the last git commit.
 */
export type Focus = 'all' | 'inserted' | 'changed';

export const focusValues: readonly Focus[] = ['all', 'inserted', 'changed'];

/** The `vigil` settings section, as the server reads it per resource. */
export interface Settings {
  enable: boolean;
  /** Rule id → setting, applied on top of vigil.config.json. */
  rules: Readonly<Record<string, RuleSetting>>;
  debounceMs: number;
  trace: 'off' | 'messages' | 'verbose';
  focus: Focus;
}

/**
 * Initialization options are the settings of clients that cannot answer `workspace/configuration`, plus this
 * key: `false` when the editor has not trusted the workspace. The server then never runs git (the only program
 * it starts, for `vigil.focus: "changed"`). Absent: the client knows no workspace trust, and git runs with every
 * repository setting that could execute a program turned off, as it always does.
 */
export const workspaceTrustedOption = 'workspaceTrusted';

/** Client → server, when the user grants the workspace trust (it cannot be taken back without a reload). */
export const workspaceTrustedNotification = 'vigil/workspaceTrusted';

/** 0-based, as LSP counts (UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A block of code that arrived in one change (an accepted suggestion, an assistant's edit, a paste). */
export interface InsertedBlock {
  range: Range;
  /** When it arrived: milliseconds since the epoch. */
  insertedAt: number;
  reviewed: boolean;
}

/**
 * Client → server, after every change to a document's blocks: all of them, against the document at `version`.
 * The server keeps the last set per document and drops it when the document closes.
 */
export const insertedBlocksNotification = 'vigil/insertedBlocks';

export interface InsertedBlocksParams {
  uri: string;
  version: number;
  blocks: InsertedBlock[];
}

/** One question a reviewer answers about a block. `id` is stable, so a client can remember the ticks. */
export interface ChecklistItem {
  id: string;
  question: string;
  /** Why it is asked: the finding or the code that raised it. */
  reason: string;
}

/** Client → server: the review checklist of a range of an open document (its findings and what the code does). */
export const reviewChecklistRequest = 'vigil/reviewChecklist';

export interface ReviewChecklistParams {
  uri: string;
  range: Range;
}

export interface ReviewChecklistResult {
  items: ChecklistItem[];
}

/**
 * Client → server: the findings of files, open or not (read from disk), for the language-model tool that agents
 * call after editing them. Lines and columns are 1-based, as the tool shows them.
 */
export const fileFindingsRequest = 'vigil/fileFindings';

export interface FileFindingsParams {
  uris: string[];
}

export interface FileFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
  message: string;
  fixes: { title: string; safe: boolean }[];
}

export interface FileFindingsResult {
  files: { uri: string; findings: FileFinding[]; error?: string }[];
}

/**
 * Client → server, after a commit, when `vigil.agentTrace.record` is on: the blocks of these documents that the
 * commit holds as they are in the editor are recorded as Agent Trace records in the commit's git note
 * (refs/notes/agent-trace).
 */
export const recordAgentTraceRequest = 'vigil/recordAgentTrace';

export interface RecordAgentTraceParams {
  uris: string[];
}

export interface RecordAgentTraceResult {
  /** The documents whose blocks were recorded. */
  recorded: string[];
}

/**
 * Client → server, when a document opens: the lines Agent Trace notes (Vigil's or another tool's) attribute to an
 * assistant, whole lines, for code inserted where this editor did not see it.
 */
export const attributedBlocksRequest = 'vigil/attributedBlocks';

export interface AttributedBlocksParams {
  uri: string;
}

export interface AttributedBlock {
  range: Range;
  /** When the record was written: milliseconds since the epoch. */
  insertedAt: number;
  reviewed: boolean;
}

export interface AttributedBlocksResult {
  blocks: AttributedBlock[];
}
