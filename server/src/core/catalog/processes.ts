/**
 * Functions that start another program, and how each one reads its command: through a shell (`exec`), as a
 * program and an argument array (`spawn`, `execFile` unless `shell: true` is passed), or, for execa, as a
 * program and arguments or as one command string that execa splits itself.
 */
import type { LibraryId } from './types';

/**
 * `shell`: the first argument is a command line a shell runs. `direct`: the first argument is the program and
 * the second its arguments, unless an option turns a shell on. `execa`: the same, through execa.
 * `execa-command`: one command string execa splits into a program and its arguments.
 */
export type CommandForm = 'shell' | 'direct' | 'execa' | 'execa-command';

export const processFunctions: Readonly<Partial<Record<LibraryId, Readonly<Record<string, CommandForm>>>>> = {
  child_process: { exec: 'shell', execSync: 'shell', spawn: 'direct', spawnSync: 'direct', execFile: 'direct', execFileSync: 'direct' },
  shelljs: { exec: 'shell' },
  execa: {
    execa: 'execa', execaSync: 'execa', execaCommand: 'execa-command', execaCommandSync: 'execa-command', command: 'execa-command', commandSync: 'execa-command',
    // execa before 2.0 ran a command line through the system shell.
    shell: 'shell', shellSync: 'shell',
  },
};

/** The libraries whose functions start programs, for the cheap first filter on a file's imports. */
export const processLibraries = Object.keys(processFunctions) as readonly LibraryId[];

/** Every function name some process library has: a call by another name starts no program. */
export const processFunctionNames: ReadonlySet<string> = new Set(Object.values(processFunctions).flatMap((table) => Object.keys(table ?? {})));

/** How `library`'s function `name` reads its command, if it starts a program. */
export function commandFormOf(library: LibraryId | string | undefined, name: string): CommandForm | undefined {
  const table = library === undefined ? undefined : processFunctions[library as LibraryId];
  return table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** The names a snippet gives the child_process module when its import is out of view. */
export const childProcessLocalNames = /^(child_process|childProcess|cp)$/;

/** Programs that run their `-c` / `/c` argument as a command line. */
export const shellPrograms = /^(\/(usr\/)?bin\/)?(sh|bash|zsh|dash|ash|cmd(\.exe)?|powershell(\.exe)?|pwsh)$/;
