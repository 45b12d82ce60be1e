/** The command line, parsed with node:util's parseArgs into a command or a usage error (exit 2). */
import { parseArgs } from 'node:util';
import type { Severity } from '../core/workspace';
import type { ChangeScope } from '../git/changed-lines';
import { Shard, parseShard } from './shard';

export type Format = 'text' | 'json' | 'sarif';
const formats: readonly Format[] = ['text', 'json', 'sarif'];
const severities: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface ScanCommand {
  kind: 'scan';
  paths: string[];
  format: Format;
  fix: boolean;
  /** Only these rule ids (checked against the registry by the caller). */
  rules?: string[];
  baseline?: string;
  updateBaseline: boolean;
  /** Findings at this severity or above fail the scan (exit 1). */
  failOn: Severity;
  workers?: number;
  stats: boolean;
  /** Report only findings on lines changed (uncommitted, or since a ref); every file is still analysed. */
  changes?: ChangeScope;
  /** `--stdin`: analyse the text on stdin as if it were this file. */
  stdinFilename?: string;
  shard?: Shard;
  /** `--focus assistant`: only findings on lines an Agent Trace note attributes to an assistant. */
  focusAssistant: boolean;
}

export interface SarifMergeCommand {
  kind: 'sarif-merge';
  files: string[];
}

export interface SarifAnnotateCommand {
  kind: 'sarif-annotate';
  file: string;
  /** Results at this severity or above fail (exit 1); absent: never. */
  failOn?: Severity;
}

export type Command =
  | ScanCommand
  | SarifMergeCommand
  | SarifAnnotateCommand
  | { kind: 'mcp' }
  | { kind: 'help'; topic: 'vigil' | 'scan' | 'sarif' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

export const mainHelp = `Usage: vigil <command> [options]

Reviews JavaScript and TypeScript for the faults AI assistants put into code.

Commands:
  scan [paths...]          Scan files and folders (default: the current folder)
  sarif merge <files...>   Join the SARIF files of a sharded scan into one, on stdout
  sarif annotate <file>    Print a SARIF file's results as GitHub Actions annotations
  mcp                      Serve the Model Context Protocol over stdio, for coding agents

Options:
  -h, --help        Show help (vigil scan --help for the scan options)
  -v, --version     Print the version
`;

export const sarifHelp = `Usage: vigil sarif merge <file.sarif...>
       vigil sarif annotate <file.sarif> [--fail-on <severity>]

merge     Joins the SARIF logs of the shards of one scan (vigil scan --shard i/n --format sarif) into one log
          on stdout: the same log one unsharded scan writes.
annotate  Prints each result as a GitHub Actions workflow command (::error, ::warning, ::notice), with paths
          relative to the working directory; with --fail-on, exits 1 when a result is at or above it
          (SARIF "note" counts as info).
`;

export const scanHelp = `Usage: vigil scan [paths...] [options]

Scans the JavaScript and TypeScript files (.js .jsx .ts .tsx .mjs .cjs .mts .cts) under each path, skipping
node_modules, build output, minified and declaration files, .gitignore'd paths and the "ignore" globs of
vigil.config.json. A path named on the command line is always scanned.

Options:
  -f, --format <text|json|sarif>   Output format (default: text)
      --fix                        Apply safe fixes, write the files, then report what remains
      --rules <id,id,...>          Run only these rules
      --fail-on <severity>         Lowest severity that fails the scan: error, warning (default), info, hint
      --baseline <file>            Do not report findings recorded in this baseline file
      --update-baseline            Record the current findings in the --baseline file and exit 0
      --workers <n>                Worker threads (0: none; default: one per core above 200 files, none on 1–2 cores)
      --stats                      Print a "vigil-stats {json}" line on stderr: files, lines, ms, workers, syntaxErrors
      --changed                    Report only findings on lines not yet committed (every file is still analysed)
      --since <ref>                Report only findings on lines changed since <ref>'s merge base with HEAD
      --stdin                      Analyse the text on stdin (needs --stdin-filename)
      --stdin-filename <file>      The path the stdin text stands for (config, language, output)
      --shard <i/n>                Scan only the i-th of n size-balanced parts of the files (join with vigil sarif merge)
      --focus assistant            Report only findings on lines that Agent Trace notes (refs/notes/agent-trace)
                                   attribute to an assistant
  -h, --help                       Show this help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error, unreadable path or
internal error.
`;

function scanCommand(args: string[]): Command {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      fix: { type: 'boolean' },
      rules: { type: 'string' },
      'fail-on': { type: 'string' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean' },
      workers: { type: 'string' },
      stats: { type: 'boolean' },
      changed: { type: 'boolean' },
      since: { type: 'string' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      shard: { type: 'string' },
      focus: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help', topic: 'scan' };
  const format = values.format ?? 'text';
  if (!formats.includes(format as Format)) {
    return { kind: 'usage-error', message: `--format must be one of ${formats.join(', ')}, got "${format}".` };
  }
  const failOn = values['fail-on'] ?? 'warning';
  if (!severities.includes(failOn as Severity)) {
    return { kind: 'usage-error', message: `--fail-on must be one of ${severities.join(', ')}, got "${failOn}".` };
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!/^\d+$/.test(values.workers) || workers > 64) {
      return { kind: 'usage-error', message: `--workers must be a whole number from 0 to 64, got "${values.workers}".` };
    }
  }
  let rules: string[] | undefined;
  if (values.rules !== undefined) {
    rules = values.rules.split(',').map((r) => r.trim()).filter((r) => r !== '');
    if (rules.length === 0) return { kind: 'usage-error', message: '--rules needs at least one rule id.' };
  }
  if (values['update-baseline'] && values.baseline === undefined) {
    return { kind: 'usage-error', message: '--update-baseline needs --baseline <file> to write to.' };
  }
  if (values.changed && values.since !== undefined) return { kind: 'usage-error', message: '--changed and --since cannot be combined.' };
  const changes: ChangeScope | undefined = values.changed
    ? { kind: 'uncommitted' }
    : values.since !== undefined ? { kind: 'since', ref: values.since } : undefined;
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    shard = parseShard(values.shard);
    if (!shard) return { kind: 'usage-error', message: `--shard must be i/n with 1 <= i <= n <= 1024, got "${values.shard}".` };
  }
  if (values.focus !== undefined && values.focus !== 'assistant' && values.focus !== 'all') {
    return { kind: 'usage-error', message: `--focus must be "assistant" or "all", got "${values.focus}".` };
  }
  const focusAssistant = values.focus === 'assistant';
  if (focusAssistant && values.stdin) return { kind: 'usage-error', message: '--focus assistant reads git notes of committed files, not stdin.' };
  if (values['stdin-filename'] !== undefined && !values.stdin) return { kind: 'usage-error', message: '--stdin-filename needs --stdin.' };
  if (values.stdin) {
    if (values['stdin-filename'] === undefined) return { kind: 'usage-error', message: '--stdin needs --stdin-filename <file>: the path the text stands for.' };
    const clash = [
      positionals.length > 0 && 'paths', values.fix && '--fix', changes && (values.changed ? '--changed' : '--since'),
      shard && '--shard', values.baseline !== undefined && '--baseline',
    ].filter((x): x is string => typeof x === 'string');
    if (clash.length > 0) return { kind: 'usage-error', message: `--stdin cannot be combined with ${clash.join(', ')}.` };
  }
  return {
    kind: 'scan',
    paths: positionals.length > 0 ? positionals : ['.'],
    format: format as Format,
    fix: values.fix ?? false,
    rules,
    baseline: values.baseline,
    updateBaseline: values['update-baseline'] ?? false,
    failOn: failOn as Severity,
    workers,
    stats: values.stats ?? false,
    changes,
    stdinFilename: values.stdin ? values['stdin-filename'] : undefined,
    shard,
    focusAssistant,
  };
}

function sarifCommand(args: string[]): Command {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' }, 'fail-on': { type: 'string' } },
  });
  const [sub, ...files] = positionals;
  if (values.help || sub === undefined) return { kind: 'help', topic: 'sarif' };
  const failOn = values['fail-on'];
  if (failOn !== undefined && !severities.includes(failOn as Severity)) {
    return { kind: 'usage-error', message: `--fail-on must be one of ${severities.join(', ')}, got "${failOn}".` };
  }
  if (sub === 'merge') {
    if (files.length === 0) return { kind: 'usage-error', message: 'vigil sarif merge needs at least one SARIF file.' };
    if (failOn !== undefined) return { kind: 'usage-error', message: '--fail-on belongs to vigil sarif annotate.' };
    return { kind: 'sarif-merge', files };
  }
  if (sub === 'annotate') {
    if (files.length !== 1) return { kind: 'usage-error', message: 'vigil sarif annotate takes one SARIF file.' };
    return { kind: 'sarif-annotate', file: files[0], failOn: failOn as Severity | undefined };
  }
  return { kind: 'usage-error', message: `Unknown sarif command "${sub}": try "vigil sarif merge" or "vigil sarif annotate".` };
}

export function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  try {
    if (command === 'scan') return scanCommand(rest);
    if (command === 'sarif') return sarifCommand(rest);
    if (command === 'mcp') return rest.length === 0 ? { kind: 'mcp' } : { kind: 'usage-error', message: 'vigil mcp takes no arguments.' };
    if (command === undefined) return { kind: 'usage-error', message: 'Missing command: try "vigil scan".' };
    if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help', topic: 'vigil' };
    if (command === '--version' || command === '-v') return { kind: 'version' };
    return { kind: 'usage-error', message: `Unknown command "${command}". Run "vigil --help" for the commands.` };
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown options and missing values.
    return { kind: 'usage-error', message: (error as Error).message };
  }
}
