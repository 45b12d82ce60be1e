import * as path from 'node:path';

/** The repository root, from the compiled `out/test/harness/` as from the sources. */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
