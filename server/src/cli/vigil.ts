/**
 * `vigil`: the command line. Help, version and usage errors answer without loading the analysis core (and
 * TypeScript with it), so they are instant; `scan` is loaded on demand.
 */
import { Command, mainHelp, parseCommand, scanHelp } from './args';
import { exit, warn } from './exit';
import { version } from './package-info';

function run(command: Command): Promise<number> | number {
  switch (command.kind) {
    case 'help':
      process.stdout.write(command.topic === 'scan' ? scanHelp : mainHelp);
      return exit.clean;
    case 'version':
      process.stdout.write(`${version}\n`);
      return exit.clean;
    case 'usage-error':
      warn(`${command.message}\nRun "vigil --help" or "vigil scan --help" for usage.`);
      return exit.failure;
    case 'scan':
      return import('./scan-command').then((m) => m.runScan(command));
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(parseCommand(argv));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    warn(`internal error: ${e.stack ?? e.message}`);
    return exit.failure;
  }
}
