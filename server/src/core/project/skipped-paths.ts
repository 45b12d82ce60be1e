/**
 * Folders and files that are never code a person wrote in this repository: dependencies, version control, build
 * output, minified bundles and declaration files. The CLI's file walk and the project index skip the same ones.
 */
import * as path from 'node:path';
import { analysableExtensions } from '../source-dialects';

export const skippedFolders: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'jspm_packages', '.git', '.hg', '.svn',
  'dist', 'build', 'out', 'coverage', '.nyc_output', '.next', '.nuxt', '.svelte-kit', '.output',
  '.turbo', '.vercel', '.netlify', '.cache', '.parcel-cache', '.yarn', '.pnpm-store',
]);

const skippedFile = /(\.min\.[cm]?js|\.d\.[cm]?ts|\.d\.[^.]+\.ts)$/i;

export function hasAnalysableExtension(file: string): boolean {
  return analysableExtensions.includes(path.extname(file).toLowerCase());
}

/** For files a walk finds; a file named on the command line needs only the extension. */
export function isAnalysable(file: string): boolean {
  return hasAnalysableExtension(file) && !skippedFile.test(file);
}
