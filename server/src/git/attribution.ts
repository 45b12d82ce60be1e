/**
 * Who wrote each line of a file, from Agent Trace records in git notes, as the specification says to look it up:
 * blame finds the commit that last touched the line and the line's number in it, and that commit's records say
 * which contributor produced that range. Lines not yet committed, and commits without a record, are unattributed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContributorType, TraceRecord, VigilMetadata, readNotes, vigilMetadataKey } from './agent-trace';
import type { Repository } from './run-git';

export interface Attribution {
  contributor: ContributorType;
  modelId?: string;
  /** The commit the line was recorded in. */
  revision: string;
  tool?: string;
  reviewed: boolean;
  /** The record's timestamp, in milliseconds since the epoch (NaN when it has none). */
  recordedAt: number;
}

interface BlamedLine {
  commit: string;
  /** Path in that commit, relative to the root. */
  file: string;
  /** 1-based line number in that commit. */
  line: number;
}

/** `git blame --porcelain`, final line (0-based) → where it comes from. */
export function parseBlame(porcelain: string): Map<number, BlamedLine> {
  const lines = new Map<number, BlamedLine>();
  const fileOfCommit = new Map<string, string>();
  let current: { commit: string; original: number; final: number } | undefined;
  for (const text of porcelain.split('\n')) {
    const header = /^([0-9a-f]{40}) (\d+) (\d+)(?: \d+)?$/.exec(text);
    if (header) {
      current = { commit: header[1], original: Number(header[2]), final: Number(header[3]) };
      continue;
    }
    if (!current) continue;
    if (text.startsWith('filename ')) fileOfCommit.set(current.commit, text.slice('filename '.length));
    else if (text.startsWith('\t')) {
      const file = fileOfCommit.get(current.commit);
      if (file !== undefined && !/^0+$/.test(current.commit)) lines.set(current.final - 1, { commit: current.commit, file, line: current.original });
      current = undefined;
    }
  }
  return lines;
}

function attributionIn(records: readonly TraceRecord[], blamed: BlamedLine): Attribution | undefined {
  for (const record of records) {
    const reviewed = (record.metadata?.[vigilMetadataKey] as VigilMetadata | undefined)?.reviewed === true;
    for (const file of record.files) {
      if (file.path.replace(/^\.\//, '') !== blamed.file) continue;
      for (const conversation of file.conversations) {
        for (const range of conversation.ranges ?? []) {
          if (blamed.line < range.start_line || blamed.line > range.end_line) continue;
          const contributor = range.contributor ?? conversation.contributor ?? { type: 'unknown' as const };
          return {
            contributor: contributor.type, modelId: contributor.model_id, revision: blamed.commit, tool: record.tool?.name, reviewed,
            recordedAt: Date.parse(record.timestamp),
          };
        }
      }
    }
  }
  return undefined;
}

/** Whether the repository holds any Agent Trace note: without one, nothing is blamed. */
export async function hasAgentTrace(repo: Repository): Promise<boolean> {
  return (await repo.git(['rev-parse', '--verify', '--quiet', 'refs/notes/agent-trace'])).ok;
}

/** Each file's attributed lines (0-based), for the files given (absolute, inside the work tree). */
export async function attributeFiles(repo: Repository, files: readonly string[]): Promise<Map<string, Map<number, Attribution>>> {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  const root = real(repo.root);
  const blames = new Map<string, Map<number, BlamedLine>>();
  for (const file of files) {
    const relative = path.relative(root, real(file)).split(path.sep).join('/');
    if (relative.startsWith('..')) continue;
    const blame = await repo.git(['blame', '--porcelain', '--no-textconv', '--', relative]);
    if (blame.ok) blames.set(file, parseBlame(blame.stdout));
  }
  const commits = new Set([...blames.values()].flatMap((lines) => [...lines.values()].map((l) => l.commit)));
  const notes = await readNotes(repo, commits);
  const result = new Map<string, Map<number, Attribution>>();
  for (const [file, lines] of blames) {
    const attributed = new Map<number, Attribution>();
    for (const [line, blamed] of lines) {
      const records = notes.get(blamed.commit);
      const attribution = records && attributionIn(records, blamed);
      if (attribution) attributed.set(line, attribution);
    }
    result.set(file, attributed);
  }
  return result;
}

export function isAssistant(attribution: Attribution): boolean {
  return attribution.contributor === 'ai' || attribution.contributor === 'mixed';
}
