/** The texts the fuzzer starts documents from and inserts: the example app and the rule fixtures, small ones. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

export interface CorpusFile {
  name: string;
  text: string;
}

let cached: CorpusFile[] | undefined;

/** Files of at most 4 KB, in a stable order. */
export function corpus(): CorpusFile[] {
  cached ??= [path.join(repoRoot, 'examples'), path.join(repoRoot, 'test', 'rules')]
    .flatMap(sourceFiles)
    .sort()
    .map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }))
    .filter((f) => f.text.length <= 4096);
  return cached;
}

/** Bits of text an edit inserts: code, half-code, line breaks of both kinds, and characters outside the BMP. */
export const insertions: readonly string[] = [
  '', ' ', '\n', '\r\n', '\t', '{', '}', '(', ')', ';', '`', "'", '"', '/*', '*/', '//', '${', '=>', '\u{1F600}', '\uFEFF', 'é', '\u0000',
  'await ', 'async ', 'return ', 'if (x) {\n', '} else {\n', 'function f(req, res) {\n', '});\n',
  "db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);\n", "jwt.sign({ id: 1 }, 'secret');\n",
  "const crypto = require('crypto');\n", 'Math.random().toString(36)', "fs.readFileSync('x')", 'fetch(url).then(r => r.json())',
];
