/**
 * What one export of a file does, as the files that import it need to know: plain JSON data, part of the file's
 * summary (file-summary.ts), cached by content hash and compared as JSON. Every field is optional: an export
 * has a summary only when something is known of it, and each concern adds its own fields.
 *
 * Keys name an export the way an importer reaches it:
 * - `name`: an ES named export (`export function name`, `export { x as name }`), or a property of the CommonJS
 *   exports (`exports.name =`, `module.exports = { name }`): `require('./m').name` and `import { name }` alike;
 * - `default`: `export default …`, or the CommonJS `module.exports = fn` itself;
 * - `Export.method`: a method of an exported class (`UserService.find`, static or not), or a property of a
 *   default-exported object or class (`default.find` for `export default { find }`).
 * An importer's `accounts.find(…)` on `import accounts from './accounts'` looks up `default.find`, then `find`
 * (the CommonJS module seen through a default import); see ProjectFacts.exportSummary.
 */
import type { SinkKind } from '../facts/flow-sanitizers';
import type { DatabaseStyle } from '../catalog';
import type { ExportedValue } from './exported-values';

/**
 * Where a parameter lands, by the rule that reports it: SQL text, a MongoDB filter, a shell command line, a file
 * path, evaluated code, HTML, a redirect's target, an outgoing request's URL.
 */
export type FlowSink = 'sql' | 'nosql' | 'shell' | 'path' | 'code' | 'html' | 'redirect' | 'request';

export interface ExportSummary {
  /** 1-based line of the function's name or keyword in its file, for messages that say where a value lands. */
  line?: number;
  /** Parameters whose value reaches a sink inside the function (data flow; flow-summary.ts). */
  sinks?: ParameterSink[];
  /** Parameters passed on to another module's export (data flow composes them across files, depth-bounded). */
  forwards?: ParameterForward[];
  /** What the function returns of its input (data flow). */
  returns?: ReturnedData;
  /** A per-item database query the function runs with what its caller passes (database-summaries.ts). */
  query?: HelperQuery;
  /** A database write the function runs outside a transaction of its own (database-summaries.ts). */
  writes?: HelperWrite;
  /** Parameters the function hashes with a fast digest (database-summaries.ts). */
  hashes?: HashedParameters;
  /** The export is a database handle: a model, a client, a query builder (exported-values.ts). */
  handle?: ExportedValue;
  /** The function is a handler wrapper: it returns a request handler that calls this 0-based parameter with the request (handler-wrapper-summaries.ts). */
  wraps?: number;
}

/** `findCustomer(id)` runs `prisma.customer.findUnique` on line 8 with `id`. */
export interface HelperQuery {
  /** What runs it, as a message names it: `prisma.customer.findUnique`. */
  text: string;
  operation: 'read' | 'insert';
  style: DatabaseStyle;
  /** 1-based line of the query. */
  line: number;
}

/** `markPaid(order)` runs the update of `orders` on line 14. */
export interface HelperWrite {
  /** The table or model, when visible. */
  target?: string;
  /** 1-based line of the write. */
  line: number;
}

/** `digest(text)` MD5s its parameter 0 on line 5. */
export interface HashedParameters {
  /** 0-based parameter indices. */
  parameters: number[];
  /** `MD5`, `SHA-1`, `SHA-256`. */
  algorithm: string;
  /** 1-based line of the digest. */
  line: number;
}

/** `findByEmail(email)` builds `email` into SQL text on line 12. */
export interface ParameterSink {
  /** 0-based parameter index. */
  parameter: number;
  sink: FlowSink;
  /** 1-based line of the sink. */
  line: number;
}

/** `find(email)` calls `db.findByEmail(email)` of `./db`: parameter 0 becomes that call's argument 0. */
export interface ParameterForward {
  parameter: number;
  /** The module as the summarised file writes it. */
  specifier: string;
  /** The export key called there (see above). */
  name: string;
  argument: number;
  /** The kinds of sink for which the value passed on still carries the parameter (no sanitiser for them between). */
  kinds: SinkKind[];
  /** 1-based line of the call. */
  line: number;
}

/** What a function returns, for the kinds of sink it is still dangerous for (no sanitiser for them on the way). */
export interface ReturnedData {
  /** Request data it reads itself (`getUserInput(req)` returns `req.body.q`), as written there. */
  request?: { source: string; text?: boolean; kinds: SinkKind[] };
  /** Parameters the value carries (`normalise(s)` returns `s.trim()`), 0-based. */
  parameters?: { parameter: number; kinds: SinkKind[] }[];
}
