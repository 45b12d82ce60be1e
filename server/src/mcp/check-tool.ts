/** `vigil_check`: an agent's text, analysed as the file it will become, before it is written. */
import * as path from 'node:path';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { displayPath } from '../cli/outcome';
import type { Project } from './project';
import { viewFinding } from './finding-view';
import { jsonResult } from './tool-result';

export function registerCheckTool(server: McpServer, project: Project): void {
  server.registerTool(
    'vigil_check',
    {
      title: 'Check code with Vigil',
      description:
        'Analyse JavaScript or TypeScript text as the file it will be saved as (nothing is written), and list the ' +
        'findings: security faults (SQL injection, plaintext passwords, JWTs without expiry, hard-coded secrets, ' +
        'missing rate limits), reliability, performance and maintainability problems, each with 1-based positions ' +
        'and its fixes (title, safe or not, and the edits to apply). Call it on code before handing it over.',
      inputSchema: {
        text: z.string().describe('The whole content of the file.'),
        fileName: z.string().describe('The path the text is (or will be) saved as, relative to the project: its extension picks the language and its folder the vigil.config.json.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ text, fileName }) => {
      const file = path.resolve(project.cwd, fileName);
      const shown = displayPath(file, project.cwd);
      const result = project.workspace.analyzeText(file, text);
      const problems = project.configProblems();
      return jsonResult({
        path: shown,
        findings: result.findings.map((f) => viewFinding(f, shown)),
        syntaxErrors: result.parseErrors.length,
        ...(result.skipped ? { skipped: result.skipped } : {}),
        ...(problems.length > 0 ? { configProblems: problems } : {}),
      });
    },
  );
}
