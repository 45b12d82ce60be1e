/**
 * `vigil_scan`: files and folders of the project (or only what changed) analysed as `vigil scan` does, with the
 * findings capped so that one answer stays readable for an agent; the totals say how many there were.
 */
import * as path from 'node:path';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ChangeScope, ChangedFiles } from '../git/changed-lines';
import { findingsOnChanges, loadChanges } from '../cli/changed-findings';
import { configIgnoreTest } from '../cli/config-ignore';
import { discoverFiles } from '../cli/discover-files';
import { displayPath, summarise } from '../cli/outcome';
import { scanFiles } from '../cli/scan';
import type { Project } from './project';
import { viewReports } from './finding-view';
import { errorResult, jsonResult } from './tool-result';

export const maxListedFindings = 200;

export function registerScanTool(server: McpServer, project: Project): void {
  server.registerTool(
    'vigil_scan',
    {
      title: 'Scan the project with Vigil',
      description:
        'Scan JavaScript and TypeScript files and folders of the project (default: all of it), or with changed: true ' +
        'only report findings on lines not yet committed (since: "<git ref>" for lines changed since that ref). ' +
        'Every file is analysed; findings come with 1-based positions and their fixes.',
      inputSchema: {
        paths: z.array(z.string()).optional().describe('Files or folders relative to the project; default: the whole project.'),
        changed: z.boolean().optional().describe('Only findings on lines changed and not yet committed.'),
        since: z.string().optional().describe('Only findings on lines changed since this git ref (its merge base with HEAD).'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ paths, changed, since }) => {
      if (changed && since !== undefined) return errorResult('Give changed or since, not both.');
      const scope: ChangeScope | undefined = changed ? { kind: 'uncommitted' } : since !== undefined ? { kind: 'since', ref: since } : undefined;
      const { cwd, workspace } = project;
      let changes: ChangedFiles | undefined;
      if (scope) {
        const loaded = await loadChanges(cwd, scope);
        if (!loaded.changes) return errorResult(loaded.error ?? 'no changes');
        changes = loaded.changes;
      }
      const discovered = discoverFiles((paths && paths.length > 0 ? paths : ['.']).map((p) => path.resolve(cwd, p)), { configIgnored: configIgnoreTest(workspace) });
      const { reports } = await scanFiles(discovered.files, { fix: false, workspace: { fallbackRoot: cwd } }, workspace);
      const problems = project.configProblems();
      const shown = changes ? findingsOnChanges(reports, changes) : reports;
      const findings = viewReports(shown, cwd);
      const summary = summarise(shown, cwd);
      return jsonResult({
        findings: findings.slice(0, maxListedFindings),
        ...(findings.length > maxListedFindings ? { truncated: `${findings.length - maxListedFindings} more findings not listed` } : {}),
        summary: { files: summary.files, problems: summary.problems, errors: summary.errors, warnings: summary.warnings, infos: summary.infos, hints: summary.hints },
        ...(discovered.errors.length > 0 ? { unreadable: discovered.errors.map((e) => `${e.path}: ${e.message}`) } : {}),
        ...(problems.length > 0 ? { configProblems: problems } : {}),
        unanalysed: shown.filter((r) => r.error !== undefined).map((r) => `${displayPath(r.file, cwd)}: ${r.error}`),
      });
    },
  );
}
