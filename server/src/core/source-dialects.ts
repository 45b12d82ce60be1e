/**
 * The file extensions Vigil analyses, by the dialect each is parsed as. Kept apart from parse.ts so that a process
 * that only lists files (a scan's main thread while its workers analyse) need not load TypeScript.
 */
export type Dialect = 'js' | 'jsx' | 'ts' | 'tsx';

export const dialectByExtension: Readonly<Record<string, Dialect>> = {
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
};

export const analysableExtensions: readonly string[] = Object.keys(dialectByExtension);
