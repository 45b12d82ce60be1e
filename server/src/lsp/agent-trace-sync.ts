/**
 * The editor's inserted blocks and Agent Trace notes, both ways. After a commit (the client asks, when
 * `vigil.agentTrace.record` is on) the blocks of each document the commit holds exactly as the editor has it are
 * appended to the commit's note as records of an assistant's lines, split by whether they were reviewed; a
 * document the commit holds otherwise is skipped, since its blocks' lines would not be the commit's. When a
 * document opens, the lines the notes attribute to an assistant come back as blocks, when the editor's text is
 * the file on disk (blame's line numbers are the disk's).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  AttributedBlock, AttributedBlocksParams, AttributedBlocksResult, InsertedBlock, RecordAgentTraceParams, RecordAgentTraceResult,
} from '../../../shared/src/protocol';
import { TraceFile, TraceRange, appendRecord, newRecord, vigilMetadataKey } from '../git/agent-trace';
import { attributeFiles, hasAgentTrace, isAssistant } from '../git/attribution';
import { Repository, openRepository } from '../git/run-git';
import type { InsertedBlocks } from './inserted-blocks';

export interface TraceTool {
  name: string;
  version: string;
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fs.realpathSync(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}

/** A block's whole lines, 1-based and inclusive; a block ending at a line's start does not hold that line. */
export function lineRange(block: InsertedBlock): TraceRange {
  const { start, end } = block.range;
  const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return { start_line: start.line + 1, end_line: last + 1 };
}

async function committedFiles(repo: Repository, head: string): Promise<Set<string>> {
  const tree = await repo.git(['diff-tree', '--root', '--no-commit-id', '--name-only', '-r', '-z', '--no-renames', head]);
  return new Set(tree.stdout.split('\0').filter((n) => n !== ''));
}

export async function recordAgentTrace(
  params: RecordAgentTraceParams, documents: TextDocuments<TextDocument>, blocks: InsertedBlocks, tool: TraceTool,
): Promise<RecordAgentTraceResult> {
  const byRepo = new Map<string, { repo: Repository; head: string; changed: Set<string>; reviewed: TraceFile[]; unreviewed: TraceFile[]; uris: string[] }>();
  for (const uri of params.uris ?? []) {
    const document = documents.get(uri);
    const file = filePath(uri);
    const documentBlocks = blocks.get(uri) ?? [];
    if (!document || !file || documentBlocks.length === 0) continue;
    const repo = await openRepository(path.dirname(file));
    if (!repo) continue;
    const root = fs.realpathSync(repo.root);
    let entry = byRepo.get(root);
    if (!entry) {
      const head = await repo.git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
      if (!head.ok) continue;
      const sha = head.stdout.trim();
      entry = { repo, head: sha, changed: await committedFiles(repo, sha), reviewed: [], unreviewed: [], uris: [] };
      byRepo.set(root, entry);
    }
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (!entry.changed.has(relative)) continue;
    const committed = await repo.git(['cat-file', 'blob', `${entry.head}:${relative}`]);
    if (!committed.ok || committed.stdout !== document.getText()) continue;
    for (const reviewed of [false, true]) {
      const ranges = documentBlocks.filter((b) => b.reviewed === reviewed).map(lineRange);
      if (ranges.length > 0) (reviewed ? entry.reviewed : entry.unreviewed).push({ path: relative, conversations: [{ contributor: { type: 'ai' }, ranges }] });
    }
    entry.uris.push(uri);
  }
  const recorded: string[] = [];
  for (const entry of byRepo.values()) {
    let ok = true;
    for (const [files, reviewed] of [[entry.unreviewed, false], [entry.reviewed, true]] as const) {
      if (files.length > 0) ok = (await appendRecord(entry.repo, newRecord(entry.head, files, tool, { [vigilMetadataKey]: { reviewed } }))) && ok;
    }
    if (ok) recorded.push(...entry.uris);
  }
  return { recorded };
}

export async function attributedBlocks(params: AttributedBlocksParams, documents: TextDocuments<TextDocument>): Promise<AttributedBlocksResult> {
  const document = documents.get(params.uri);
  const file = filePath(params.uri);
  if (!document || !file) return { blocks: [] };
  const repo = await openRepository(path.dirname(file));
  if (!repo || !(await hasAgentTrace(repo))) return { blocks: [] };
  let onDisk: string;
  try {
    onDisk = fs.readFileSync(file, 'utf8');
  } catch {
    return { blocks: [] };
  }
  if (onDisk !== document.getText()) return { blocks: [] };
  const lines = (await attributeFiles(repo, [file])).get(file) ?? new Map();
  const runs: { block: AttributedBlock; revision: string }[] = [];
  const assistantLines = [...lines.entries()].filter(([, a]) => isAssistant(a)).sort(([a], [b]) => a - b);
  for (const [line, attribution] of assistantLines) {
    const last = runs[runs.length - 1];
    // Consecutive lines of one commit's record are one block.
    if (last && last.block.range.end.line === line && last.revision === attribution.revision) {
      last.block.range.end = { line: line + 1, character: 0 };
      continue;
    }
    const insertedAt = Number.isFinite(attribution.recordedAt) ? attribution.recordedAt : Date.now();
    runs.push({
      block: { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, insertedAt, reviewed: attribution.reviewed },
      revision: attribution.revision,
    });
  }
  return { blocks: runs.map((r) => r.block) };
}
