/**
 * The database and hashing part of a file's export summaries: for each exported function, the per-item query it
 * runs with what its caller passes, the write it runs outside a transaction, the parameters it hashes with a fast
 * digest; for each exported value, whether it is a database handle. Computed from the file's own facts, as
 * every summary is; what other files make of it is composed by project-database.ts.
 */
import type { Facts } from '../facts/facts';
import type { ExportedFunction } from '../facts/exported-functions';
import { helperQueryOf, helperWriteOf } from '../facts/database-helpers';
import { hashedParameterOf } from '../facts/hashing-functions';
import type { ExportSummary } from './export-summary';
import { exportedValues } from './exported-values';

/** A function this long is generated or bundled code, not a helper: it is not summarised. */
const maxFunctionLength = 20_000;

export function databaseSummaries(facts: Facts, exported: readonly ExportedFunction[], summarised: readonly ExportedFunction[] = exported): Record<string, ExportSummary> {
  const out: Record<string, ExportSummary> = {};
  // Test helpers are no part of what the application runs.
  if (facts.isTestFile) return out;
  for (const [key, handle] of Object.entries(exportedValues(facts))) out[key] = { handle };
  for (const { fn, key } of summarised) {
    if (!fn.body || fn.end - fn.pos > maxFunctionLength) continue;
    const part: ExportSummary = {};
    const query = fn.parameters.length > 0 ? helperQueryOf(fn, facts) : undefined;
    if (query) {
      const text = query.chain[0].expression.getText(facts.sourceFile).replace(/\s+/g, '');
      part.query = { text: text.length > 40 ? `${text.slice(0, 37)}…` : text, operation: query.operation, style: query.style, line: facts.lineOf(query.call) };
    }
    const write = helperWriteOf(fn, facts);
    if (write) part.writes = { ...(write.target !== undefined ? { target: write.target } : {}), line: facts.lineOf(write.call) };
    const hashed = hashedParameterOf(fn, facts);
    if (hashed) part.hashes = { parameters: hashed.parameters, algorithm: hashed.algorithm, line: hashed.line };
    if (Object.keys(part).length > 0) out[key] = { ...out[key], ...part };
  }
  return out;
}
