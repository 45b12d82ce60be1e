/**
 * One `vigil scan` of an exported tree, as the corpus benches run it: the built CLI as its own process, JSON out,
 * no worker threads, so a figure does not depend on the machine's load.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { ScannedFinding } from './verdicts';

const vigilBin = path.join(__dirname, '..', '..', '..', 'bin', 'vigil.js');

export interface ScanOutput {
  findings: ScannedFinding[];
  summary: { files: number; lines: number };
}

export function scanFolder(folder: string): ScanOutput {
  const run = spawnSync(process.execPath, [vigilBin, 'scan', '.', '--format', 'json', '--workers', '0'], {
    cwd: folder,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`vigil scan failed in ${folder} (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ScanOutput;
}
