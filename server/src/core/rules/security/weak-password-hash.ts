import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import { calleeName, calleeObject, canAwait, unwrap } from '../../facts/syntax';
import { digestCallOf, digestPassThrough, inProtocolFunction } from '../../facts/digest-calls';
import { hashedParameterOf } from '../../facts/hashing-functions';
import { calledExport } from '../../facts/imported-bindings';
import type { HashedParameters } from '../../project/export-summary';
import type { ProjectFacts } from '../../project/project-facts';
import { exportLookup, importedHashing } from '../../project/project-database';
import { relativePath } from '../../project/relative-path';
import { passwordNameKind } from '../../facts/password-names';
import { isStoredPassword, lastName, plainPassword } from './password-values';
import { hashCode } from './password-hashing-fix';

/** The password a hashed value carries: `password`, `req.body.password`, `salt + password`, `Buffer.from(pw)`. */
function passwordIn(expr: ts.Expression, facts: Facts, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const e = unwrap(expr);
  const plain = plainPassword(e, facts);
  if (plain) return plain;
  // A stored plaintext column being hashed (a migration) is a password too; a stored hash is not.
  if (isStoredPassword(e, facts) && passwordNameKind(lastName(e) ?? '') === 'plain') return e.getText();
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return passwordIn(e.left, facts, depth + 1) ?? passwordIn(e.right, facts, depth + 1);
  }
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const found = passwordIn(span.expression, facts, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const name = calleeName(e);
    if (name === undefined || !digestPassThrough.has(name)) return undefined;
    const arg = e.arguments?.[0];
    if (arg) return passwordIn(arg, facts, depth + 1);
    const receiver = ts.isCallExpression(e) ? calleeObject(e) : undefined;
    return receiver ? passwordIn(receiver, facts, depth + 1) : undefined;
  }
  return undefined;
}

/** Replacing a hash that is compared or looked up would break logins silently: that needs `compare`, not `hash`. */
function isComparedDirectly(expr: ts.Expression): boolean {
  let e: ts.Node = expr;
  while (ts.isParenthesizedExpression(e.parent) || ts.isAwaitExpression(e.parent)) e = e.parent;
  const p = e.parent;
  if (!ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  return op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
}

/** crypto-js returns a WordArray: `CryptoJS.SHA256(pw).toString()` is the string the replacement stands for. */
function withToString(expr: ts.Expression): ts.Expression {
  const access = expr.parent;
  if (ts.isPropertyAccessExpression(access) && access.name.text === 'toString' && ts.isCallExpression(access.parent) && access.parent.expression === access) return access.parent;
  return expr;
}

/** `await x` binds looser than a member access or call on it: `(await bcrypt.hash(pw, 12)).length`. */
function needsParentheses(expr: ts.Expression): boolean {
  const p = expr.parent;
  return (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p)) && p.expression === expr;
}

/**
 * A function that hashes one of its parameters with a fast digest (`digest(text)`), called here: of this file, or
 * of another module of the project by its summary. When the password reaches the digest inside a helper of this
 * file by the file's own flow, it is reported there, not again here.
 */
function hashingHelper(call: ts.CallExpression, facts: Facts, project: ProjectFacts, fileName: string): { hashed: HashedParameters; name: string; where: string } | undefined {
  const callee = unwrap(call.expression);
  // Asked of nearly every call, and nearly always answered no: the callee's text only for a yes.
  const name = (): string => callee.getText(facts.sourceFile);
  const fn = ts.isIdentifier(callee) ? facts.localFunction(callee) : undefined;
  if (fn) {
    const hashed = hashedParameterOf(fn, facts);
    return hashed && !passwordIn(hashed.digest.data, facts) ? { hashed, name: name(), where: '' } : undefined;
  }
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
  const imported = calledExport(call, facts);
  // Another module's helper is summarised (a parse of its file) only when a password is passed to it.
  if (!imported || !project.importsProjectFile(imported.specifier) || !passesPassword(call, facts)) return undefined;
  const remote = importedHashing(exportLookup(project), fileName, imported.specifier, imported.name);
  return remote ? { hashed: remote.effect, name: name(), where: `${relativePath(fileName, remote.file)}, ` } : undefined;
}

function passesPassword(call: ts.CallExpression, facts: Facts): boolean {
  return call.arguments.some((arg) => !ts.isSpreadElement(arg) && passwordIn(arg, facts) !== undefined);
}

/** The password among the arguments given to a helper's hashed parameters. */
function passedPassword(call: ts.CallExpression, parameters: readonly number[], facts: Facts): string | undefined {
  for (const i of parameters) {
    const arg = call.arguments[i];
    const password = arg && !ts.isSpreadElement(arg) ? passwordIn(arg, facts) : undefined;
    if (password) return password;
  }
  return undefined;
}

export const weakPasswordHash: Rule = {
  meta: {
    id: 'weak-password-hash',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Password hashed with a fast digest',
    description:
      'MD5, SHA-1 and SHA-2 are built to be fast: a GPU tries billions of guesses a second against them, so a leaked table of such hashes gives up most passwords. Hash passwords with bcrypt, scrypt or argon2.',
    fixable: 'suggestion',
    scope: 'declaration',
    // A finding through a helper gives the line of the helper's digest, which may be in another unit.
    namesLinesElsewhere: true,
    sources: ['CWE-916', 'CWE-328', 'OWASP A02:2021', 'OWASP Password Storage Cheat Sheet'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (context.facts.isTestFile) return {};

    const report = (at: ts.Node, algorithm: string, password: string, data: ts.Expression, replace: ts.Expression | undefined): void => {
      if (inProtocolFunction(at)) return;
      const fixes: OffsetFix[] = [];
      const simple = plainPassword(data, facts) !== undefined;
      if (replace && simple && canAwait(replace) && !isComparedDirectly(replace)) {
        const hashed = hashCode(facts, data.getText(sourceFile));
        const target = withToString(replace);
        const code = needsParentheses(target) ? `(${hashed.code})` : hashed.code;
        const edits: OffsetEdit[] = [{ start: target.getStart(sourceFile), end: target.getEnd(), text: code }];
        if (hashed.importEdit) edits.push(hashed.importEdit);
        fixes.push({ title: `Hash with ${hashed.library}`, safe: false, edits });
      }
      context.report({
        at,
        message: `\`${password}\` is hashed with ${algorithm}, a fast digest: a GPU tries billions of guesses a second against it, so a leaked table gives up most passwords. Hash passwords with bcrypt, scrypt or argon2, and verify them with its compare function.`,
        fixes,
      });
    };

    return {
      CallExpression(call) {
        const digest = digestCallOf(call, facts);
        if (digest) {
          const password = passwordIn(digest.data, facts);
          if (password) report(digest.at, digest.algorithm, password, digest.data, digest.whole);
          return;
        }
        const helper = hashingHelper(call, facts, context.project, context.fileName);
        const password = helper && passedPassword(call, helper.hashed.parameters, facts);
        if (!helper || !password || inProtocolFunction(call)) return;
        context.report({
          at: call,
          message: `\`${password}\` is hashed with ${helper.hashed.algorithm} by \`${helper.name}()\` (${helper.where}line ${helper.hashed.line}), a fast digest: a GPU tries billions of guesses a second against it, so a leaked table gives up most passwords. Hash passwords with bcrypt, scrypt or argon2, and verify them with its compare function.`,
        });
      },
    };
  },
};
