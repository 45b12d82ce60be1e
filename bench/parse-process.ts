/**
 * The bare parse as a process of its own: the least any scan of the corpus does, measured as the CLI rows are (Node
 * start-up, loading TypeScript, reading each file, one parse each, JIT warm-up included). It is the like-for-like
 * denominator of a `vigil scan` process; the in-process parse row is the steady state of a warm process instead.
 * Usage: node out/bench/parse-process.js <file-list.json>
 */
import * as fs from 'node:fs';
// As the CLI loads it (typescript-plain.ts): the same parser, read through plain properties.
import '../server/src/core/typescript-plain';
import { parse } from '../server/src/core/parse';

const [listFile] = process.argv.slice(2);
if (!listFile) {
  process.stderr.write('usage: node out/bench/parse-process.js <file-list.json>\n');
  process.exit(2);
}
let statements = 0;
for (const fileName of JSON.parse(fs.readFileSync(listFile, 'utf8')) as string[]) {
  statements += parse(fs.readFileSync(fileName, 'utf8'), fileName).statements.length;
}
// Printed so that the parse cannot be left out as unused work.
process.stdout.write(`${statements} top-level statements\n`);
