/**
 * The inserted blocks each open document's client last sent (`vigil/insertedBlocks`). Whether the client sends
 * them at all is remembered too: a client that never does (any LSP client but Vigil's) gets every finding.
 */
import type { InsertedBlock, InsertedBlocksParams, Position } from '../../../shared/src/protocol';

function isPosition(value: unknown): value is Position {
  const p = value as Partial<Position> | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

function isBlock(value: unknown): value is InsertedBlock {
  const b = value as Partial<InsertedBlock> | null;
  return typeof b === 'object' && b !== null && typeof b.range === 'object' && b.range !== null
    && isPosition(b.range.start) && isPosition(b.range.end) && typeof b.insertedAt === 'number' && typeof b.reviewed === 'boolean';
}

/** The params if they have the protocol's shape (a bad message is dropped, never trusted half-way). */
export function insertedBlocksParams(value: unknown): InsertedBlocksParams | undefined {
  const p = value as Partial<InsertedBlocksParams> | null;
  if (typeof p !== 'object' || p === null || typeof p.uri !== 'string' || typeof p.version !== 'number' || !Array.isArray(p.blocks)) return undefined;
  if (!p.blocks.every(isBlock)) return undefined;
  return { uri: p.uri, version: p.version, blocks: p.blocks.map((b) => ({ range: b.range, insertedAt: b.insertedAt, reviewed: b.reviewed })) };
}

export class InsertedBlocks {
  private readonly byUri = new Map<string, InsertedBlocksParams>();
  private sent = false;

  set(params: InsertedBlocksParams): void {
    this.sent = true;
    this.byUri.set(params.uri, params);
  }

  /** The document's blocks; [] if it has none, undefined if the client does not track blocks. */
  get(uri: string): readonly InsertedBlock[] | undefined {
    if (!this.sent) return undefined;
    return this.byUri.get(uri)?.blocks ?? [];
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
