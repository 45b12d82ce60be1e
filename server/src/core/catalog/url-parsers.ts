/**
 * Parsing a URL or a query string does not clean it: `url.parse(req.url).pathname`, `new URL(req.url, base)`
 * and `querystring.parse(body)` hold everything the text held. These are the functions and constructors
 * whose result carries the text they were given.
 */
import type { LibraryId } from './types';

/** Each parser library's functions that return (parts of) the URL or query string they parse. */
export const urlParserFunctions: Readonly<Partial<Record<LibraryId, ReadonlySet<string>>>> = {
  url: new Set(['parse', 'resolve', 'format', 'fileURLToPath', 'domainToUnicode']),
  querystring: new Set(['parse', 'decode', 'unescape']),
  qs: new Set(['parse']),
};

/**
 * Global constructors that parse their first argument (`new URL(input, base)`: only `input` chooses the
 * path and the query; a constant path against a request's base is the site's own URL).
 */
export const urlParserConstructors: ReadonlySet<string> = new Set(['URL', 'URLSearchParams']);

/** Whether `name` of `library` returns what it parses. */
export function isUrlParser(library: LibraryId | undefined, name: string | undefined): boolean {
  return library !== undefined && name !== undefined && (urlParserFunctions[library]?.has(name) ?? false);
}
