/**
 * `vigil mcp`: Vigil as a Model Context Protocol server over stdio, so a coding agent (Claude Code, Copilot's agent
 * mode, Cursor) checks code before it hands it over. Stdout carries the protocol alone; anything else goes to
 * stderr. Paths are relative to the folder the agent started the server in: its project.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { version } from '../cli/package-info';
import { exit } from '../cli/exit';
import { registerCheckTool } from './check-tool';
import { Project } from './project';
import { registerExplainTool } from './explain-tool';
import { registerFixTool } from './fix-tool';
import { registerScanTool } from './scan-tool';

export function createMcpServer(cwd: string): McpServer {
  const server = new McpServer(
    { name: 'vigil', version },
    { instructions: 'Vigil reviews JavaScript and TypeScript for the faults AI assistants put into code. Call vigil_check on code you are about to write, or vigil_scan with changed: true after editing, and fix what it reports (vigil_fix applies the safe fixes).' },
  );
  const project = new Project(cwd);
  registerCheckTool(server, project);
  registerScanTool(server, project);
  registerFixTool(server, project);
  registerExplainTool(server);
  return server;
}

/** Serves until the client closes stdin. */
export async function serveMcp(): Promise<number> {
  const server = createMcpServer(process.cwd());
  const closed = new Promise<void>((resolve) => process.stdin.once('end', resolve));
  await server.connect(new StdioServerTransport());
  await closed;
  await server.close();
  return exit.clean;
}
