/** Runs a measured Node program as its own process: wall time from spawn to exit, and its peak memory. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { markedJson, rssPrefix } from './markers';

export interface ProcessRun {
  wallMs: number;
  /** Peak RSS of the Node process (worker threads included), from report-rss.ts; undefined if it died early. */
  maxRssKb: number | undefined;
  /** User + system CPU time of the process, all threads; less sensitive than wall time to a busy machine. */
  cpuMs: number | undefined;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const rssReporter = path.join(__dirname, 'report-rss.js');

/**
 * `node --require report-rss.js <script> <args…>`. stdout is kept only when asked: a scan's findings can be
 * megabytes, and collecting them would be measured as the tool's time.
 */
export function runNode(
  script: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; keepStdout?: boolean } = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', rssReporter, script, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - start;
      const usage = markedJson<{ maxRssKb: number; cpuMs: number }>(stderr, rssPrefix);
      resolve({ wallMs, maxRssKb: usage?.maxRssKb, cpuMs: usage?.cpuMs, exitCode, stdout, stderr });
    });
  });
}
