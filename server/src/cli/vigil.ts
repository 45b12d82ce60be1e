/**
 * `vigil`: the command line. Help, version and usage errors answer without loading the analysis core (and
 * TypeScript with it), so they are instant; `scan` is loaded on demand.
 */
import { Command, mainHelp, parseCommand, sarifHelp, scanHelp } from './args';
import { exit, warn } from './exit';
import { version } from './package-info';

function run(command: Command): Promise<number> | number {
  switch (command.kind) {
    case 'help':
      process.stdout.write(command.topic === 'scan' ? scanHelp : command.topic === 'sarif' ? sarifHelp : mainHelp);
      return exit.clean;
    case 'version':
      process.stdout.write(`${version}\n`);
      return exit.clean;
    case 'usage-error':
      warn(`${command.message}\nRun "vigil --help" or "vigil scan --help" for usage.`);
      return exit.failure;
    case 'scan':
      return import('./scan-command.js').then((m) => m.runScan(command));
    case 'sarif-merge':
      return import('./sarif-merge-command.js').then((m) => m.runSarifMerge(command));
    case 'sarif-annotate':
      return import('./sarif-annotate-command.js').then((m) => m.runSarifAnnotate(command));
    case 'mcp':
      return import('../mcp/mcp-server.js').then((m) => m.serveMcp());
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  // `vigil scan | head` closes the pipe early: that is the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? exit.clean);
    throw error;
  });
  try {
    return await run(parseCommand(argv));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    warn(`internal error: ${e.stack ?? e.message}`);
    return exit.failure;
  }
}
