/** `vigil_fix`: the safe fixes applied to a file on disk (as `vigil scan --fix` does), and what remains. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { analyseFile } from '../cli/analyse-file';
import { isAnalysable } from '../core/workspace';
import { fixRoots } from '../cli/fix-writes';
import { displayPath } from '../cli/outcome';
import type { Project } from './project';
import { viewReports } from './finding-view';
import { errorResult, jsonResult } from './tool-result';

export function registerFixTool(server: McpServer, project: Project): void {
  server.registerTool(
    'vigil_fix',
    {
      title: 'Apply Vigil\'s safe fixes',
      description:
        'Apply Vigil\'s safe (behaviour-preserving) fixes to a JavaScript or TypeScript file and write it back; ' +
        'suggestions that need a decision are not applied. Answers how many fixes were applied and the findings left.',
      inputSchema: { path: z.string().describe('The file, relative to the project.') },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ path: given }) => {
      const { cwd } = project;
      const file = path.resolve(cwd, given);
      const relative = path.relative(cwd, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return errorResult(`${given}: outside the project (${cwd}); Vigil writes only files inside it.`);
      if (!isAnalysable(file) || !fs.existsSync(file)) return errorResult(`${given}: not a JavaScript or TypeScript file that exists.`);
      const report = analyseFile(file, { fix: true, fixRoots: fixRoots([cwd]) }, project.workspace);
      if (report.error !== undefined) return errorResult(`${given}: ${report.error}`);
      if (report.notFixed !== undefined) return errorResult(`${given}: ${report.notFixed}`);
      return jsonResult({ path: displayPath(file, cwd), fixesApplied: report.fixesApplied, findings: viewReports([report], cwd) });
    },
  );
}
