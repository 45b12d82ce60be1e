import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { LibraryId } from '../../catalog';
import { fileSystemFunctions, fileSystemLibraries, pathPackages } from '../../catalog/file-systems';
import { fileSystemOf } from '../../facts/file-system-objects';
import { calleeName, lineIndent, objectProperty, unwrap } from '../../facts/syntax';
import { addDefaultImport } from '../../fixers/add-import';
import { reportImportedSinks } from '../../project/imported-flow';

const responseNames = /^(res|response)$/;

/**
 * The path arguments of a call on a file system (the module, or one passed in: `opts.fs`, `this.fs`), of a
 * package that makes or writes paths (`mkdirp(dir)`, `Writer({ path })`), or of Express's
 * `res.sendFile`/`res.download` without a `root` option.
 */
function pathArguments(call: ts.CallExpression, facts: Facts, importsFs: boolean, reachesPackage: boolean): readonly ts.Expression[] {
  const name = calleeName(call);
  if (name === undefined) return [];
  const positions = fileSystemFunctions.get(name);
  if (positions) {
    const callee = unwrap(call.expression);
    // `readFile(p)` imported by name from `fs`, or a method of a file system.
    const opens = ts.isPropertyAccessExpression(callee) ? fileSystemOf(callee.expression, facts) !== undefined : importsFs && fileSystemOf(callee, facts) !== undefined;
    if (!opens) return [];
    return positions.map((i) => call.arguments[i]).filter((a): a is ts.Expression => a !== undefined && !ts.isSpreadElement(a));
  }
  const packageArgument = reachesPackage ? pathPackageArgument(call, facts) : undefined;
  if (packageArgument) return [packageArgument];
  if ((name === 'sendFile' || name === 'download') && isExpressResponse(call, facts)) {
    // `send` refuses `..` segments below a `root` option, so only calls without one are open.
    const hasRoot = call.arguments.some((a) => ts.isObjectLiteralExpression(unwrap(a)) && objectProperty(unwrap(a) as ts.ObjectLiteralExpression, 'root'));
    return hasRoot || !call.arguments[0] ? [] : [call.arguments[0]];
  }
  return [];
}

/** `mkdirp(dir)`, `makeDir.sync(dir)`, `Writer({ path })`: the path a package other than `fs` makes or writes. */
function pathPackageArgument(call: ts.CallExpression | ts.NewExpression, facts: Facts): ts.Expression | undefined {
  const ref = facts.libraryOf(call.expression);
  const spec = ref?.library === undefined ? undefined : pathPackages[ref.library];
  if (!ref || !spec) return undefined;
  const called = ref.exportName === undefined ? spec.callable : spec.methods.has(ref.exportName);
  const first = call.arguments?.[0];
  if (!called || !ref.isModule || !first || ts.isSpreadElement(first)) return undefined;
  if (spec.option === undefined) return first;
  const options = unwrap(first);
  const option = ts.isObjectLiteralExpression(options) ? objectProperty(options, spec.option) : undefined;
  return option && ts.isPropertyAssignment(option) ? option.initializer : undefined;
}

/** `res.sendFile(…)` on a handler's response: named `res`/`response`, or the second parameter of a request handler. */
function isExpressResponse(call: ts.CallExpression, facts: Facts): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = unwrap(callee.expression);
  if (!ts.isIdentifier(receiver)) return false;
  const decl = facts.resolve(receiver);
  if (!decl || !ts.isParameter(decl)) return responseNames.test(receiver.text) && decl === undefined;
  const params = decl.parent.parameters;
  const first = params[0];
  return params.indexOf(decl) === 1 && first !== undefined && (facts.isRequestParameter(first) || responseNames.test(receiver.text));
}

/** A base directory the fix may evaluate twice: a name, a literal, `__dirname`, or `path.join/resolve` of these. */
function isPlainBase(expr: ts.Expression, depth = 0): boolean {
  const e = unwrap(expr);
  if (ts.isIdentifier(e) || ts.isStringLiteralLike(e)) return true;
  if (ts.isPropertyAccessExpression(e)) return isPlainBase(e.expression, depth + 1);
  if (ts.isCallExpression(e) && depth < 3 && /^(join|resolve)$/.test(calleeName(e) ?? '')) return e.arguments.every((a) => isPlainBase(a, depth + 1));
  return false;
}

/**
 * "Reject paths outside the base directory": for `fs.readFile(path.join(BASE, name))`, resolves the path first
 * and stops unless it is inside `BASE`, then uses the checked path.
 */
function confineFix(arg: ts.Expression, facts: Facts): OffsetFix | undefined {
  const e = unwrap(arg);
  if (!ts.isCallExpression(e) || !/^(join|resolve)$/.test(calleeName(e) ?? '') || e.arguments.length < 2) return undefined;
  // The leading arguments that carry no request data are the base directory.
  const split = e.arguments.findIndex((a) => facts.requestOrigin(a, { sink: 'path' }) !== undefined);
  if (split < 1 || !e.arguments.slice(0, split).every((a) => isPlainBase(a))) return undefined;
  let statement: ts.Node = arg;
  while (statement.parent && !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) {
    if (ts.isArrowFunction(statement.parent) || ts.isFunctionLike(statement.parent)) return undefined;
    statement = statement.parent;
  }
  if (!statement.parent) return undefined;
  const sourceFile = facts.sourceFile;
  const pathModule = addDefaultImport(facts, { module: 'path', localName: 'path' });
  let name = 'safePath';
  for (let i = 2; facts.resolveName(name, arg) !== undefined; i++) name = `safePath${i}`;
  const indent = lineIndent(sourceFile, statement.getStart(sourceFile));
  const p = pathModule.name;
  const texts = e.arguments.map((a) => a.getText(sourceFile));
  const base = `${p}.resolve(${texts.slice(0, split).join(', ')})`;
  const guard =
    `const ${name} = ${p}.resolve(${texts.join(', ')});\n` +
    `${indent}if (!${name}.startsWith(${base} + ${p}.sep)) throw new Error('Path outside the allowed directory');\n${indent}`;
  const at = statement.getStart(sourceFile);
  const edits = [
    { start: at, end: at, text: guard },
    { start: arg.getStart(sourceFile), end: arg.getEnd(), text: name },
  ];
  if (pathModule.edit) edits.unshift(pathModule.edit);
  return { title: 'Reject paths outside the base directory', safe: false, edits };
}

export const pathTraversal: Rule = {
  meta: {
    id: 'path-traversal',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request data in a file path',
    description:
      'A file path built from request data (or from an archive entry\'s name) can climb out of the intended directory with `../` or name an absolute path: an attacker reads `/etc/passwd` or the app\'s secrets, or overwrites its code. Resolve the path and reject it unless it stays inside the base directory.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-22', 'CWE-23', 'OWASP A01:2021', 'eslint-plugin-security detect-non-literal-fs-filename', 'semgrep javascript.express.security.audit.express-path-join-resolve-traversal'],
  },
  create(context) {
    const { facts } = context;
    const importsFs = [...fileSystemLibraries].some((l) => facts.importsLibrary(l));
    // Most files reach no path package: their calls need no library lookup for one.
    const reachesPackage = (Object.keys(pathPackages) as LibraryId[]).some((l) => facts.mayReferenceLibrary(l));
    const check = (args: readonly ts.Expression[]): void => {
      for (const arg of args) {
        if (facts.isConstant(arg)) continue;
        const origin = facts.requestOrigin(arg, { sink: 'path', callerInput: facts.isLibraryCode });
        // A caller's value that is the whole path is the function's contract (`readConfig(file)`).
        if (!origin || (origin.caller !== undefined && !origin.built)) continue;
        const fix = confineFix(arg, facts);
        const fromArchive = origin.archive === true;
        context.report({
          at: arg,
          message: origin.caller !== undefined
            ? `\`${origin.source}\`, from the caller of the exported \`${origin.caller}\`, is joined to this function's own base directory: a caller that passes on user input lets \`../\` segments or an absolute path reach any file the process can. Resolve the path and reject it unless it stays inside the base directory.`
            : fromArchive
            ? `\`${origin.source}\` (a name inside the archive) is used as a file path: an entry named \`../../app.js\`, or a link to an absolute path, reaches outside the target directory. Resolve the path and skip entries outside it.`
            : `\`${origin.source}\` is used in this file path: \`../\` segments or an absolute path let an attacker reach any file the server can. Resolve the path and reject it unless it stays inside the base directory.`,
          fixes: fix ? [fix] : [],
        });
        return;
      }
    };
    return {
      CallExpression(call) {
        const args = pathArguments(call, facts, importsFs, reachesPackage);
        if (args.length === 0) reportImportedSinks(call, 'path', context, 'uses it in a file path', '`../` segments or an absolute path let an attacker reach any file the server can. Resolve the path there and reject it unless it stays inside the base directory.');
        check(args);
      },
      NewExpression(expr) {
        const arg = reachesPackage ? pathPackageArgument(expr, facts) : undefined;
        if (arg) check([arg]);
      },
    };
  },
};
