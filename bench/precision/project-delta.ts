/**
 * What the project facts change on whole apps: every file of each exported precision-corpus app is analysed twice,
 * once with the project index (app composition, global guards, test code as the project says it) and once as if
 * alone, and the findings that differ are listed one by one with their verdict from verdicts.json when judged.
 * Reads the apps `npm run precision -- --workdir DIR` exported.
 * Usage: node out/bench/precision/project-delta.js --workdir DIR [--apps owner/name,…] [--out FILE.md]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Workspace } from '../../server/src/core/workspace';
import type { Finding } from '../../server/src/core/types';
import { discoverFiles } from '../../server/src/cli/discover-files';
import { configIgnoreTest } from '../../server/src/cli/config-ignore';
import { appKey, readApps } from './corpus-apps';
import { type ScannedFinding, readVerdicts, verdictKeys } from './verdicts';

const here = path.resolve(__dirname, '..', '..', '..', 'bench', 'precision');

interface Changed {
  app: string;
  finding: ScannedFinding;
  verdict: string;
}

function scannedOf(file: string, folder: string, f: Finding): ScannedFinding {
  return { path: path.relative(folder, file).split(path.sep).join('/'), line: f.range.start.line + 1, column: f.range.start.character + 1, ruleId: f.ruleId, category: f.category, message: f.message };
}

/** Every finding of the app, with and without the project index. */
function scanTwice(folder: string): { withProject: ScannedFinding[]; alone: ScannedFinding[] } {
  const withIndex = new Workspace({ fallbackRoot: folder });
  // Never indexed: every file's project facts are those of a file alone.
  const withoutIndex = new Workspace({ fallbackRoot: folder, indexOnDemand: false });
  const files = discoverFiles([folder], { configIgnored: configIgnoreTest(withIndex) }).files;
  const withProject: ScannedFinding[] = [];
  const alone: ScannedFinding[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > 2 * 1024 * 1024 || text.includes('\u0000')) continue;
    for (const f of withIndex.analyzeText(file, text).findings) withProject.push(scannedOf(file, folder, f));
    for (const f of withoutIndex.analyzeText(file, text).findings) alone.push(scannedOf(file, folder, f));
  }
  return { withProject, alone };
}

const identity = (f: ScannedFinding): string => `${f.path}:${f.line}:${f.column} ${f.ruleId}`;

function main(): void {
  const { values } = parseArgs({ options: { workdir: { type: 'string' }, apps: { type: 'string' }, out: { type: 'string' } } });
  if (!values.workdir) throw new Error('--workdir DIR: where `npm run precision -- --workdir DIR` exported the apps');
  const only = values.apps?.split(',');
  const verdicts = readVerdicts(path.join(here, 'verdicts.json'));
  const added: Changed[] = [];
  const removed: Changed[] = [];
  const reworded: Changed[] = [];
  const rows: string[] = [];
  for (const app of readApps(path.join(here, 'apps.json'))) {
    if (only && !only.includes(app.repo)) continue;
    const folder = path.join(values.workdir, appKey(app));
    if (!fs.existsSync(folder)) continue;
    const { withProject, alone } = scanTwice(folder);
    const read = (file: string): string => fs.readFileSync(path.join(folder, file), 'utf8');
    const judge = (list: ScannedFinding[]): Map<string, string> => {
      const keys = verdictKeys(appKey(app), list, read);
      return new Map(list.map((f, i) => [identity(f), verdicts.get(keys[i])?.verdict ?? 'unjudged']));
    };
    const withJudged = judge(withProject);
    const aloneJudged = judge(alone);
    const aloneIds = new Set(alone.map(identity));
    const withIds = new Set(withProject.map(identity));
    const appAdded = withProject.filter((f) => !aloneIds.has(identity(f)));
    const appRemoved = alone.filter((f) => !withIds.has(identity(f)));
    for (const f of appAdded) added.push({ app: app.repo, finding: f, verdict: withJudged.get(identity(f))! });
    for (const f of appRemoved) removed.push({ app: app.repo, finding: f, verdict: aloneJudged.get(identity(f))! });
    const aloneMessages = new Map(alone.map((f) => [identity(f), f.message]));
    const appReworded = withProject.filter((f) => aloneMessages.has(identity(f)) && aloneMessages.get(identity(f)) !== f.message);
    for (const f of appReworded) reworded.push({ app: app.repo, finding: f, verdict: withJudged.get(identity(f))! });
    rows.push(`| ${app.repo} | ${alone.length} | ${withProject.length} | ${appAdded.length} | ${appRemoved.length} | ${appReworded.length} |`);
  }
  const line = (c: Changed): string => `| ${c.app} | \`${c.finding.path}:${c.finding.line}\` | ${c.finding.ruleId} | ${c.verdict} | ${c.finding.message.replace(/\|/g, '\\|')} |`;
  const report = [
    '| app | findings alone | with the project | added | removed | reworded |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Added by the project facts (${added.length}):`,
    '',
    '| app | where | rule | verdict | message |',
    '| --- | --- | --- | --- | --- |',
    ...added.map(line),
    '',
    `Removed by the project facts (${removed.length}; the verdict is the one the finding had when it was reported):`,
    '',
    '| app | where | rule | verdict | message |',
    '| --- | --- | --- | --- | --- |',
    ...removed.map(line),
    '',
    `Reworded by the project facts (${reworded.length}; the same finding, its message naming what the project does):`,
    '',
    '| app | where | rule | verdict | message |',
    '| --- | --- | --- | --- | --- |',
    ...reworded.map(line),
    '',
  ].join('\n');
  if (values.out) fs.writeFileSync(values.out, report);
  process.stdout.write(report);
}

main();
