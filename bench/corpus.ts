/**
 * The benchmark corpus: real published code, pinned as devDependencies, so every machine measures the same
 * bytes. One copy of each package's code: packages that ship the same code twice (an ESM and a CJS build, UMD
 * bundles) keep one build, or the corpus would weigh some files double.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The packages read, and the folders in each that are a second build of code already counted. */
export const corpusPackages: ReadonlyArray<{ name: string; duplicateBuilds: readonly string[] }> = [
  { name: 'typeorm', duplicateBuilds: ['browser'] },
  { name: 'sequelize', duplicateBuilds: [] },
  { name: '@nestjs/core', duplicateBuilds: [] },
  { name: '@nestjs/common', duplicateBuilds: [] },
  { name: 'express', duplicateBuilds: [] },
  // A required peer of @nestjs, and the corpus's TypeScript: it ships its `src/` next to the builds.
  { name: 'rxjs', duplicateBuilds: ['dist/esm', 'dist/esm5', 'dist/bundles'] },
];

const codeExtensions = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
const javaScriptExtensions = ['.js', '.mjs', '.cjs', '.jsx'];

export const inclusionRule =
  'files ending .js .mjs .cjs .jsx .ts .mts .cts .tsx; not declarations (.d.ts .d.mts .d.cts), not *.min.js, ' +
  'not under a nested node_modules, not a duplicate build (typeorm/browser, rxjs/dist/{esm,esm5,bundles})';

export interface CorpusFile {
  /** Absolute path of the file in node_modules. */
  path: string;
  /** `<package>/<path inside it>`: where the bench copies it, and how it is named in output. */
  relativePath: string;
  lines: number;
  bytes: number;
  javaScript: boolean;
}

export function isCodeFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  if (/\.d\.[mc]?ts$/.test(lower) || lower.endsWith('.min.js')) return false;
  return codeExtensions.includes(path.extname(lower));
}

export function isJavaScript(fileName: string): boolean {
  return javaScriptExtensions.includes(path.extname(fileName).toLowerCase());
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  // A final newline ends the last line rather than starting an empty one (as `wc -l` and editors count).
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Every corpus file, sorted by path so runs and machines agree on the order. */
export function listCorpus(nodeModules: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const pkg of corpusPackages) {
    const root = path.join(nodeModules, pkg.name);
    if (!fs.existsSync(root)) throw new Error(`${pkg.name} is not installed in ${nodeModules}: run npm install`);
    const skipped = new Set(pkg.duplicateBuilds.map((d) => path.join(root, d)));
    for (const file of walkFiles(root, skipped)) {
      const text = fs.readFileSync(file, 'utf8');
      files.push({
        path: file,
        relativePath: path.join(pkg.name, path.relative(root, file)),
        lines: countLines(text),
        bytes: Buffer.byteLength(text),
        javaScript: isJavaScript(file),
      });
    }
  }
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

function* walkFiles(dir: string, skipped: ReadonlySet<string>): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !skipped.has(full)) yield* walkFiles(full, skipped);
    } else if (entry.isFile() && isCodeFile(entry.name)) {
      yield full;
    }
  }
}
