/** `vigil_explain`: a rule's documentation (the unsafe and the safe pattern, and why), for an agent to act on. */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Workspace, docsUrl } from '../core/workspace';
import { ruleDoc } from '../cli/package-info';
import { errorResult } from './tool-result';

export function registerExplainTool(server: McpServer): void {
  server.registerTool(
    'vigil_explain',
    {
      title: 'Explain a Vigil rule',
      description: 'The documentation of a Vigil rule, by its id (the ruleId of a finding): what it reports, why it matters, and the safe pattern.',
      inputSchema: { ruleId: z.string().describe('A rule id, for example sql-injection.') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ ruleId }) => {
      const meta = Workspace.rules.find((r) => r.id === ruleId);
      if (!meta) return errorResult(`Unknown rule "${ruleId}". The rule ids are: ${Workspace.ruleIds.join(', ')}.`);
      const text = ruleDoc(meta.id) ?? `# ${meta.id}\n\n${meta.title}\n\n${meta.description}\n\n${docsUrl(meta.id)}\n`;
      return { content: [{ type: 'text', text }] };
    },
  );
}
