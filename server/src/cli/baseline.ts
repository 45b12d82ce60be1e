/**
 * `--baseline FILE`: findings recorded in the file are not reported, so a team can adopt Vigil on an old codebase
 * and fail only on new findings. Entries are (path, rule, fingerprint): a finding keeps its entry while its line's
 * text is unchanged, wherever the line moves in the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileReport } from './analyse-file';
import { displayPath } from './outcome';

interface BaselineEntry {
  path: string;
  ruleId: string;
  fingerprint: string;
}

interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

const key = (e: BaselineEntry): string => `${e.path}\u0000${e.ruleId}\u0000${e.fingerprint}`;

/** The recorded keys, or a message saying why the file cannot be used. */
export function readBaseline(file: string): { keys?: Set<string>; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${file}: ${code === 'ENOENT' ? 'not found (create it with --update-baseline)' : code ?? `not valid JSON (${(e as Error).message})`}` };
  }
  const findings = (raw as Partial<BaselineFile> | null)?.findings;
  if (!Array.isArray(findings) || !findings.every((e) => e && typeof e.path === 'string' && typeof e.ruleId === 'string' && typeof e.fingerprint === 'string')) {
    return { error: `${file}: "findings" should be an array of { "path", "ruleId", "fingerprint" }` };
  }
  return { keys: new Set(findings.map(key)) };
}

export function withoutBaselined(reports: readonly FileReport[], keys: ReadonlySet<string>, cwd: string): FileReport[] {
  return reports.map((report) => {
    const p = displayPath(report.file, cwd);
    const findings = report.findings.filter((f) => !keys.has(key({ path: p, ruleId: f.ruleId, fingerprint: f.fingerprint })));
    return findings.length === report.findings.length ? report : { ...report, findings };
  });
}

/** The number of findings recorded, or why the file could not be written. */
export function writeBaseline(file: string, reports: readonly FileReport[], cwd: string): { count: number } | { error: string } {
  const findings = reports.flatMap((report) => {
    const p = displayPath(report.file, cwd);
    return report.findings.map((f) => ({ path: p, ruleId: f.ruleId, fingerprint: f.fingerprint }));
  });
  const content: BaselineFile = { version: 1, findings };
  try {
    fs.writeFileSync(file, JSON.stringify(content, null, 2) + '\n');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `the folder ${path.dirname(path.resolve(file))} does not exist` : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(code ?? e);
    return { error: `cannot write the baseline ${file}: ${why}` };
  }
  return { count: findings.length };
}
