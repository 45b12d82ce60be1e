/**
 * The one extension-host suite and the workspace it opens, for both runners: code-server (test/e2e/editor.test.ts,
 * the one CI uses here, offline) and @vscode/test-electron (test/e2e/run-vscode.ts, where VS Code can be downloaded
 * or VSCODE_EXECUTABLE_PATH names one).
 */
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';

/** The suite's `run()` entry (plain JavaScript, loaded as is by the extension host). */
export const suiteEntry = path.join(repoRoot, 'test', 'e2e', 'suite', 'index.js');

/** The folder the suite expects open, relative to the repository (copied before each run). */
export const suiteWorkspace = 'examples/express-pg-app';
