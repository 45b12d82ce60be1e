/**
 * Agent Trace 0.1 records (line-level attribution of code to AI or human contributors) kept as git notes under
 * refs/notes/agent-trace: a commit's note holds the records whose line ranges refer to that commit, one JSON record
 * a line, so several tools can append theirs to the same note. Records another tool wrote are read as they come:
 * a note may also hold one pretty-printed record, or an array.
 */
import { randomUUID } from 'node:crypto';
import type { Repository } from './run-git';

export const agentTraceRef = 'refs/notes/agent-trace';
export const agentTraceVersion = '0.1.0';

export type ContributorType = 'human' | 'ai' | 'mixed' | 'unknown';

export interface Contributor {
  type: ContributorType;
  model_id?: string;
}

export interface TraceRange {
  /** 1-based, inclusive, at the recorded revision. */
  start_line: number;
  end_line: number;
  content_hash?: string;
  contributor?: Contributor;
}

export interface TraceConversation {
  url?: string;
  contributor?: Contributor;
  ranges: TraceRange[];
}

export interface TraceFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  conversations: TraceConversation[];
}

export interface TraceRecord {
  version: string;
  id: string;
  timestamp: string;
  vcs?: { type: 'git' | 'jj' | 'hg' | 'svn'; revision: string };
  tool?: { name?: string; version?: string };
  files: TraceFile[];
  metadata?: Record<string, unknown>;
}

/** Vigil's own key in a record's metadata (reverse-domain, as the spec asks of vendors). */
export const vigilMetadataKey = 'dev.vigil';

export interface VigilMetadata {
  /** The ranges were marked reviewed in the editor before the commit. */
  reviewed: boolean;
}

function isRecord(value: unknown): value is TraceRecord {
  if (typeof value !== 'object' || value === null) return false;
  const files = (value as { files?: unknown }).files;
  return Array.isArray(files) && files.every((f) => typeof f === 'object' && f !== null && typeof (f as TraceFile).path === 'string' && Array.isArray((f as TraceFile).conversations));
}

/** Where the bracketed value opening at `start` closes (strings skipped), or -1. */
function closingOf(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && --depth === 0) return i;
  }
  return -1;
}

/**
 * The JSON values in a text, one after another (JSON Lines, pretty-printed values appended by `git notes append`,
 * or one array). A bracket that opens no valid value is passed over, so stray text loses only itself.
 */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '{' && text[i] !== '[') continue;
    const end = closingOf(text, i);
    if (end < 0) continue;
    try {
      values.push(JSON.parse(text.slice(i, end + 1)));
      i = end;
    } catch {
      // Not JSON from this bracket: try the next one.
    }
  }
  return values;
}

/** The records in a note's text; what is not a record is skipped. */
export function parseNote(text: string): TraceRecord[] {
  return jsonValues(text).flatMap((value) => (Array.isArray(value) ? value : [value])).filter(isRecord);
}

export function newRecord(revision: string, files: TraceFile[], tool: { name: string; version: string }, metadata?: Record<string, unknown>): TraceRecord {
  return {
    version: agentTraceVersion,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    vcs: { type: 'git', revision },
    tool,
    files,
    ...(metadata ? { metadata } : {}),
  };
}

/** Appends the record to the commit's note (creating it), as one line. */
export async function appendRecord(repo: Repository, record: TraceRecord): Promise<boolean> {
  const revision = record.vcs?.revision;
  if (!revision) return false;
  const existing = await repo.git(['notes', `--ref=${agentTraceRef}`, 'show', revision]);
  const text = (existing.ok ? existing.stdout.replace(/\n+$/, '') + '\n' : '') + JSON.stringify(record) + '\n';
  const written = await repo.git(['notes', `--ref=${agentTraceRef}`, 'add', '-f', '-F', '-', revision], text);
  return written.ok;
}

/** Every note under the ref: commit → its records. */
export async function readNotes(repo: Repository, commits: ReadonlySet<string>): Promise<Map<string, TraceRecord[]>> {
  const notes = new Map<string, TraceRecord[]>();
  const listing = await repo.git(['notes', `--ref=${agentTraceRef}`, 'list']);
  if (!listing.ok) return notes;
  for (const line of listing.stdout.split('\n')) {
    const [blob, commit] = line.trim().split(/\s+/);
    if (!blob || !commit || !commits.has(commit)) continue;
    const content = await repo.git(['cat-file', 'blob', blob]);
    if (content.ok) notes.set(commit, parseNote(content.stdout));
  }
  return notes;
}
