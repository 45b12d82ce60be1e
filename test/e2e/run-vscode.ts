/**
 * `npm run test:vscode`: the extension-host suite in desktop VS Code through @vscode/test-electron, where VS Code can
 * be downloaded (the stable build, cached in .vscode-test/) or VSCODE_EXECUTABLE_PATH names an installed one. On a
 * Linux machine without a display, run it under `xvfb-run -a`. CI here uses the offline code-server runner
 * (`npm run test:e2e`); both load the same suite (test/e2e/suite-location.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../harness/paths';
import { suiteEntry, suiteWorkspace } from './suite-location';

export interface LaunchOptions {
  vscodeExecutablePath?: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  launchArgs: string[];
  extensionTestsEnv: Record<string, string>;
}

/** What test-electron is asked to start, for a workspace copy and a result file. */
export function launchOptions(env: NodeJS.ProcessEnv, workspace: string, resultFile: string): LaunchOptions {
  return {
    ...(env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: env.VSCODE_EXECUTABLE_PATH } : {}),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteEntry,
    launchArgs: [workspace, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-extensions'],
    extensionTestsEnv: { VIGIL_E2E_RESULT: resultFile },
  };
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'client.js'))) {
    process.stderr.write('dist/client.js is missing: run "npm run bundle" first (npm run test:vscode does).\n');
    return 2;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-vscode-'));
  const workspace = path.join(root, 'workspace');
  fs.cpSync(path.join(repoRoot, suiteWorkspace), workspace, { recursive: true });
  try {
    return await runTests(launchOptions(process.env, workspace, path.join(root, 'result.json')));
  } catch (error) {
    process.stderr.write(`extension-host suite failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
