/**
 * The declaration file that types a JavaScript module from beside it: TypeScript reads `timezone/index.d.ts` for
 * `timezone/index.js` (and `.d.mts` for `.mjs`, `.d.cts` for `.cjs`), so the module's API is declared and typed
 * there, however bare its parameters are in the JavaScript.
 */
import * as fs from 'node:fs';

const javascriptExtension = /\.([cm]?)jsx?$/;

/** The sibling declaration file of `fileName` that exists on disk, or undefined (also for a TypeScript file). */
export function siblingDeclaration(fileName: string): string | undefined {
  const match = javascriptExtension.exec(fileName);
  if (!match) return undefined;
  const candidate = `${fileName.slice(0, match.index)}.d.${match[1]}ts`;
  try {
    return fs.statSync(candidate).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

const declarationExtension = /\.d\.([cm]?)ts$/;

/** The JavaScript files `declarationFile` types from beside them: `index.d.ts` types `index.js` and `index.jsx`. */
export function typedBy(declarationFile: string): string[] {
  const match = declarationExtension.exec(declarationFile);
  if (!match) return [];
  const stem = declarationFile.slice(0, match.index);
  return match[1] === '' ? [`${stem}.js`, `${stem}.jsx`] : [`${stem}.${match[1]}js`];
}
