/**
 * Deserialisers that can run code or build arbitrary objects from their input: which library, which export,
 * which argument carries the serialised text, and what to use instead. js-yaml's `load` is unsafe only in
 * version 3 (its default schema there is the full one, with `!!js/function`); version 4 made `load` safe.
 */
import type { LibraryId } from './types';

export type DeserializerLibrary = Extract<LibraryId, 'node-serialize' | 'serialize-to-js' | 'funcster' | 'cryo' | 'js-yaml'>;

/**
 * The replacement a fix offers: parse the text as JSON, call the library's safe loader, or use the value
 * as it is (funcster takes an object already parsed and only revives the functions in it).
 */
export type DeserializerFix = { kind: 'json-parse' } | { kind: 'safe-loader'; method: string } | { kind: 'use-value' };

export interface Deserializer {
  library: DeserializerLibrary;
  /** The export called: `unserialize(text)`, `Cryo.parse(text)`. */
  exportName: string;
  /** The argument holding the serialised data. */
  dataArg: number;
  /** `always`: every call runs code from its input; `js-yaml-3`: only under js-yaml 3's default or full schema. */
  unsafe: 'always' | 'js-yaml-3';
  fix: DeserializerFix;
  /** What the call does with hostile input, for the message. */
  danger: string;
}

export const deserializers: readonly Deserializer[] = [
  { library: 'node-serialize', exportName: 'unserialize', dataArg: 0, unsafe: 'always', fix: { kind: 'json-parse' }, danger: 'runs any function marked `_$$ND_FUNC$$_` in it' },
  { library: 'serialize-to-js', exportName: 'deserialize', dataArg: 0, unsafe: 'always', fix: { kind: 'json-parse' }, danger: 'evaluates its input as JavaScript' },
  { library: 'funcster', exportName: 'deepDeserialize', dataArg: 0, unsafe: 'always', fix: { kind: 'use-value' }, danger: 'compiles the functions in it and runs them' },
  { library: 'cryo', exportName: 'parse', dataArg: 0, unsafe: 'always', fix: { kind: 'json-parse' }, danger: 'revives functions and prototypes from it' },
  { library: 'js-yaml', exportName: 'load', dataArg: 0, unsafe: 'js-yaml-3', fix: { kind: 'safe-loader', method: 'safeLoad' }, danger: 'builds functions and regular expressions from `!!js/*` tags in it' },
  { library: 'js-yaml', exportName: 'loadAll', dataArg: 0, unsafe: 'js-yaml-3', fix: { kind: 'safe-loader', method: 'safeLoadAll' }, danger: 'builds functions and regular expressions from `!!js/*` tags in it' },
];

/**
 * js-yaml's schema that builds functions whatever the version (version 3 only has it). `DEFAULT_SCHEMA` is
 * the full schema in version 3 and a safe one in version 4; the others build plain data.
 */
export const yamlFullSchemas: ReadonlySet<string> = new Set(['DEFAULT_FULL_SCHEMA']);
/** js-yaml 3 exports that version 4 removed: a file that calls one uses version 3. */
export const yamlVersion3Exports: ReadonlySet<string> = new Set(['safeLoad', 'safeLoadAll', 'safeDump']);
