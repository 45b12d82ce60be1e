import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { promiseCallOf } from '../../facts/promise-calls';
import { databaseReadOf, databaseWriteOf } from '../../facts/database-writes';
import { isPaymentApiValue } from '../../facts/payment-values';
import { calleeName, dottedName, lineIndent, memberName, unwrap } from '../../facts/syntax';

/**
 * Calls whose failure is expected and means "not there": loading an optional module, probing the file system,
 * parsing input that may be malformed, and cleanup whose failure changes nothing.
 */
const probeOrCleanup = new Set([
  'require', 'resolve', 'import', 'load',
  'parse', 'stringify', 'decodeURIComponent', 'decodeURI', 'atob',
  'stat', 'statSync', 'lstat', 'lstatSync', 'access', 'accessSync', 'existsSync', 'realpathSync', 'readlinkSync', 'readFileSync', 'readdirSync',
  'close', 'closeSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'destroy', 'end', 'kill', 'abort', 'disconnect',
  'release', 'rollback', 'rollbackTransaction', 'removeListener', 'removeAllListeners', 'off', 'clearTimeout', 'clearInterval', 'unref', 'terminate',
]);

const logReceivers = /^(console|logger|log|this\.logger|this\.log|this\.logService|fastify\.log|app\.log|req\.log|request\.log|ctx\.log)$/;
const logMethods = /^(log|info|warn|warning|error|debug|trace|fatal|verbose)$/;

/**
 * Whether the try block is a probe or a cleanup: every statement's own operation (its call, under `await`,
 * an assignment, `||` or `??`) is one, or is no call at all (`return true`). A probe's argument does not
 * count: `fetch(url, { body: JSON.stringify(x) })` is a request, not a parse.
 */
function probesOrCleansUp(block: ts.Block): boolean {
  let probes = 0;
  for (const statement of block.statements) {
    const verdict = statementProbes(statement);
    if (verdict === false) return false;
    if (verdict) probes++;
  }
  return probes > 0;
}

/** true: a probe or cleanup; false: some other operation; undefined: no call. */
function statementProbes(statement: ts.Statement): boolean | undefined {
  if (ts.isBlock(statement)) return probesOrCleansUp(statement) || (statement.statements.length === 0 ? undefined : false);
  if (ts.isIfStatement(statement)) {
    const branches = [statement.thenStatement, statement.elseStatement].filter((s): s is ts.Statement => s !== undefined).map(statementProbes);
    return branches.includes(false) ? false : branches.includes(true) ? true : undefined;
  }
  let expr: ts.Expression | undefined;
  if (ts.isExpressionStatement(statement) || ts.isReturnStatement(statement)) expr = statement.expression;
  else if (ts.isVariableStatement(statement)) {
    const verdicts = statement.declarationList.declarations.map((d) => (d.initializer ? expressionProbes(d.initializer) : undefined));
    return verdicts.includes(false) ? false : verdicts.includes(true) ? true : undefined;
  } else return false;
  return expr ? expressionProbes(expr) : undefined;
}

function expressionProbes(expr: ts.Expression): boolean | undefined {
  const e = unwrap(expr);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) return expressionProbes(e.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
      const sides = [expressionProbes(e.left), expressionProbes(e.right)];
      return sides.includes(false) ? false : sides.includes(true) ? true : undefined;
    }
    return undefined;
  }
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) return isProbeCall(e);
  return undefined;
}

function isProbeCall(call: ts.CallExpression | ts.NewExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  const name = calleeName(call);
  if (name === undefined) return false;
  if (ts.isNewExpression(call)) return name === 'URL' || name === 'RegExp';
  return probeOrCleanup.has(name);
}

/** Inside a `catch` or `finally`: cleanup on the error path, where the first error is the one that matters. */
function onErrorPath(node: ts.Node): boolean {
  for (let n = node.parent; n && !ts.isFunctionLike(n); n = n.parent) {
    if (ts.isCatchClause(n)) return true;
    if (n.parent !== undefined && ts.isTryStatement(n.parent) && n.parent.finallyBlock === n) return true;
  }
  return false;
}

function hasComment(sourceFile: ts.SourceFile, block: ts.Block): boolean {
  const inner = sourceFile.text.slice(block.getStart(sourceFile) + 1, block.getEnd() - 1);
  return /\/\/|\/\*/.test(inner);
}

/**
 * A comment just before the `try`, or before the statement it follows (`// startDate is optional: toISOString
 * throws on null` above `let startAt; try { … } catch {}`): the author says why the failure is dropped.
 */
function explainedBefore(sourceFile: ts.SourceFile, tryStatement: ts.TryStatement): boolean {
  const parent = tryStatement.parent;
  const siblings = ts.isBlock(parent) || ts.isSourceFile(parent) ? parent.statements : undefined;
  const index = siblings ? siblings.indexOf(tryStatement) : -1;
  const previous = index > 0 && siblings ? siblings[index - 1] : undefined;
  return [tryStatement, previous].some((s) => s !== undefined && (ts.getLeadingCommentRanges(sourceFile.text, s.getFullStart())?.length ?? 0) > 0);
}

function isLogging(statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const e = unwrap(statement.expression);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'debug';
  const method = memberName(callee);
  const receiver = ts.isPropertyAccessExpression(callee) ? dottedName(callee.expression) : undefined;
  return method !== undefined && logMethods.test(method) && receiver !== undefined && logReceivers.test(receiver);
}

const responseMethods = new Set(['json', 'send', 'end', 'sendStatus', 'redirect', 'render']);
const responseNames = new Set(['res', 'response', 'reply']);

/** `res.json(…)`, `res.status(201).send(…)`, `reply.send()`: a response that does not carry an error status. */
function isSuccessResponse(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || !responseMethods.has(callee.name.text)) return false;
  if (callee.name.text === 'sendStatus' && !isSuccessStatus(e.arguments[0])) return false;
  let receiver = unwrap(callee.expression);
  while (ts.isCallExpression(receiver)) {
    const inner = unwrap(receiver.expression);
    if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== 'status' || !isSuccessStatus(receiver.arguments[0])) return false;
    receiver = unwrap(inner.expression);
  }
  return ts.isIdentifier(receiver) && responseNames.has(receiver.text);
}

function isSuccessStatus(arg: ts.Expression | undefined): boolean {
  return arg !== undefined && ts.isNumericLiteral(arg) && Number(arg.text) < 400;
}

/** `return true`, `return { success: true, … }`, `return res.json(…)`: the caller hears that it worked. */
function isSuccessReturn(statement: ts.Statement): boolean {
  if (ts.isExpressionStatement(statement)) return isSuccessResponse(statement.expression);
  if (!ts.isReturnStatement(statement) || !statement.expression) return false;
  const e = unwrap(statement.expression);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.some(
      (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && /^(success|ok)$/.test(p.name.text) && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
    );
  }
  return isSuccessResponse(e);
}

/** The statement after the `try` that reports success, if the code goes straight on to one. */
function successAfter(tryStatement: ts.TryStatement): ts.Statement | undefined {
  const parent = tryStatement.parent;
  if (!ts.isBlock(parent) && !ts.isSourceFile(parent)) return undefined;
  const siblings = parent.statements;
  for (let i = siblings.indexOf(tryStatement) + 1; i < siblings.length; i++) {
    const s = siblings[i];
    if (isSuccessReturn(s)) return s;
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isIfStatement(s)) return undefined;
  }
  return undefined;
}

/** `return false`, `throw …`, `callback({ ok: false, … })`, `res.status(404).json(…)`: the caller hears that it failed. */
function isFailureReport(statement: ts.Statement): boolean {
  if (ts.isThrowStatement(statement)) return true;
  const expr = ts.isExpressionStatement(statement) ? statement.expression : ts.isReturnStatement(statement) ? statement.expression : undefined;
  if (!expr) return false;
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.FalseKeyword) return ts.isReturnStatement(statement);
  if (ts.isObjectLiteralExpression(e)) return saysFailed(e);
  if (!ts.isCallExpression(e)) return false;
  if (e.arguments.some((a) => ts.isObjectLiteralExpression(unwrap(a)) && saysFailed(unwrap(a) as ts.ObjectLiteralExpression))) return true;
  for (let link: ts.Expression = unwrap(e.expression); ts.isPropertyAccessExpression(link) || ts.isCallExpression(link); ) {
    if (ts.isCallExpression(link)) {
      const callee = unwrap(link.expression);
      if (ts.isPropertyAccessExpression(callee) && /^(status|code)$/.test(callee.name.text)) {
        const arg = link.arguments[0];
        return arg !== undefined && ts.isNumericLiteral(arg) && Number(arg.text) >= 400;
      }
      link = callee;
    } else link = unwrap(link.expression);
  }
  return false;
}

/** `{ ok: false }`, `{ success: false, msg }`. */
function saysFailed(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some(
    (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && /^(success|ok)$/.test(p.name.text) && unwrap(p.initializer).kind === ts.SyntaxKind.FalseKeyword,
  );
}

/** The statement right after the `try` reports failure: falling out of the empty catch is the failure path. */
function failureAfter(tryStatement: ts.TryStatement): boolean {
  const parent = tryStatement.parent;
  if (!ts.isBlock(parent) && !ts.isSourceFile(parent)) return false;
  const next = parent.statements[parent.statements.indexOf(tryStatement) + 1];
  return next !== undefined && isFailureReport(next);
}

/** The calls a node makes, not counting those of functions declared inside it. */
function callsIn(node: ts.Node): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) calls.push(n);
    if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return calls;
}

/**
 * A follow-up after the work the function exists for: a statement before the `try` awaited a step that is not a
 * read (the order saved, the heartbeat stored), and the `try` itself writes no row and charges nothing (a receipt
 * mail, a metrics update). Logging its failure and going on is degrading on purpose: the success reported is the
 * earlier step's.
 */
function isFollowUp(tryStatement: ts.TryStatement, facts: Facts): boolean {
  const parent = tryStatement.parent;
  if (!ts.isBlock(parent) && !ts.isSourceFile(parent)) return false;
  const critical = callsIn(tryStatement.tryBlock).some((c) => {
    const found = promiseCallOf(c, facts);
    return found?.source === 'payment' || (found?.source === 'database' && found.writes) || databaseWriteOf(c, facts) !== undefined || isPaymentApiValue(c.expression, facts);
  });
  if (critical) return false;
  const before = parent.statements.slice(0, parent.statements.indexOf(tryStatement));
  return before.some((s) =>
    callsIn(s).some((c) => {
      if (!ts.isAwaitExpression(outerParent(c))) return false;
      const found = promiseCallOf(c, facts);
      return found ? found.writes : databaseReadOf(c, facts) === undefined;
    }),
  );
}

function outerParent(node: ts.Node): ts.Node {
  let p = node.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  return p;
}

function firstLine(node: ts.Node, sourceFile: ts.SourceFile): string {
  const text = node.getText(sourceFile).split('\n')[0].trim();
  return text.length > 50 ? `${text.slice(0, 47)}…` : text;
}

/** What the try block does, for the message: its first statement. */
function tryLabel(tryStatement: ts.TryStatement, sourceFile: ts.SourceFile): string {
  const first = tryStatement.tryBlock.statements[0];
  return first ? `\`${firstLine(first, sourceFile)}\`` : 'the try block';
}

/** "Rethrow the error": a `throw` at the end of the catch block, naming the caught error (adding the binding). */
function rethrowFix(clause: ts.CatchClause, sourceFile: ts.SourceFile, title: string): OffsetFix | undefined {
  const binding = clause.variableDeclaration;
  if (binding && !ts.isIdentifier(binding.name)) return undefined;
  const name = binding ? (binding.name as ts.Identifier).text : 'error';
  const block = clause.block;
  const indent = lineIndent(sourceFile, clause.getStart(sourceFile));
  const edits = [];
  if (!binding) {
    const at = block.getStart(sourceFile);
    edits.push({ start: at, end: at, text: `(${name}) ` });
  }
  const statements = block.statements;
  if (statements.length === 0) {
    edits.push({ start: block.getStart(sourceFile), end: block.getEnd(), text: `{\n${indent}  throw ${name};\n${indent}}` });
  } else {
    const last = statements[statements.length - 1];
    edits.push({ start: last.getEnd(), end: last.getEnd(), text: `\n${lineIndent(sourceFile, last.getStart(sourceFile))}throw ${name};` });
  }
  return { title, safe: false, edits };
}

/** A `.catch` handler that drops the error: `() => {}`, `() => null`, `() => undefined`, `function () {}`. */
function dropsError(handler: ts.Expression | undefined, sourceFile: ts.SourceFile): boolean {
  if (!handler || (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler))) return false;
  const body = handler.body;
  if (ts.isBlock(body)) {
    if (hasComment(sourceFile, body)) return false;
    if (body.statements.length === 0) return true;
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    return only !== undefined && ts.isReturnStatement(only) && (!only.expression || isNothing(only.expression));
  }
  return isNothing(body);
}

function isNothing(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined') || ts.isVoidExpression(e);
}

/** The call at the root of a `.then` / `.finally` chain the `.catch` hangs on. */
function chainBase(receiver: ts.Expression): ts.CallExpression | undefined {
  let e = unwrap(receiver);
  while (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (method !== 'then' && method !== 'finally') return e;
    e = unwrap((callee as ts.PropertyAccessExpression).expression);
  }
  return undefined;
}

/** The value of the `.catch(…)` is dropped: a statement, or an awaited statement. */
function discarded(call: ts.CallExpression): { awaited: ts.AwaitExpression | undefined } | undefined {
  let node: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(node)) node = node.parent;
  let awaited: ts.AwaitExpression | undefined;
  if (ts.isAwaitExpression(node)) {
    awaited = node;
    node = node.parent;
    while (ts.isParenthesizedExpression(node)) node = node.parent;
  }
  return ts.isExpressionStatement(node) ? { awaited } : undefined;
}

function promiseCatch(call: ts.CallExpression, facts: Facts, sourceFile: ts.SourceFile): { base: ts.CallExpression; fix: OffsetFix } | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'catch' || call.arguments.length !== 1) return undefined;
  if (!dropsError(call.arguments[0], sourceFile)) return undefined;
  const use = discarded(call);
  if (!use) return undefined;
  const base = chainBase(callee.expression);
  if (!base) return undefined;
  const found = promiseCallOf(base, facts);
  if (!found?.writes) return undefined;
  const fix: OffsetFix = use.awaited
    ? { title: 'Let the error propagate', safe: false, edits: [{ start: callee.expression.getEnd(), end: call.getEnd(), text: '' }] }
    : {
        title: 'Log the error',
        safe: false,
        edits: [{ start: call.arguments[0].getStart(sourceFile), end: call.arguments[0].getEnd(), text: '(error) => console.error(error)' }],
      };
  return { base, fix };
}

export const swallowedError: Rule = {
  meta: {
    id: 'swallowed-error',
    category: 'reliability',
    defaultSeverity: 'warning',
    title: 'Error caught and dropped',
    description:
      'An empty `catch`, a `catch` that only logs before the code reports success, or a `.catch(() => {})` on a write hides the failure that matters: the caller, the user and the on-call engineer all believe it worked. Handle the error, or let it propagate.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-390', 'CWE-1069', 'ESLint no-empty'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (facts.isTestFile) return {};
    return {
      CatchClause(clause) {
        const tryStatement = clause.parent;
        const statements = clause.block.statements;
        const head = { start: clause.getStart(sourceFile), end: clause.block.getStart(sourceFile) + 1 };
        if (statements.length === 0) {
          if (hasComment(sourceFile, clause.block) || explainedBefore(sourceFile, tryStatement) || tryStatement.tryBlock.statements.length === 0) return;
          // Cleanup after another error, or a probe whose failure means "absent", needs no handling here.
          if (onErrorPath(tryStatement) || probesOrCleansUp(tryStatement.tryBlock) || failureAfter(tryStatement)) return;
          const fix = rethrowFix(clause, sourceFile, 'Rethrow the error');
          context.report({
            at: head,
            message: `This \`catch\` is empty: if ${tryLabel(tryStatement, sourceFile)} fails, the error disappears and the code carries on as if it worked. Handle it, rethrow it, or say in a comment why it can be ignored.`,
            fixes: fix ? [fix] : [],
          });
          return;
        }
        if (!statements.every(isLogging)) return;
        const success = successAfter(tryStatement);
        if (!success || isFollowUp(tryStatement, facts)) return;
        const fix = rethrowFix(clause, sourceFile, 'Rethrow after logging');
        context.report({
          at: head,
          message: `This \`catch\` only logs, and then \`${firstLine(success, sourceFile)}\` reports success: when ${tryLabel(tryStatement, sourceFile)} fails, the caller is told it worked. Rethrow after logging, or report the failure.`,
          fixes: fix ? [fix] : [],
        });
      },
      // A dropped `.catch` is one whose value is discarded, so only statements need looking at.
      ExpressionStatement(statement) {
        let expr = statement.expression;
        while (ts.isParenthesizedExpression(expr) || ts.isAwaitExpression(expr)) expr = expr.expression;
        if (!ts.isCallExpression(expr) || expr.arguments.length !== 1) return;
        const call = expr;
        const found = promiseCatch(call, facts, sourceFile);
        if (!found) return;
        const callee = unwrap(call.expression) as ts.PropertyAccessExpression;
        const name = found.base.expression.getText(sourceFile).replace(/\s+/g, '');
        context.report({
          at: { start: callee.name.getStart(sourceFile), end: call.getEnd() },
          message: `This \`.catch\` drops the error of \`${name.length > 40 ? 'this write' : name}(…)\`, a write: when it fails, nothing and no one hears of it. Let the error propagate, or at least log it.`,
          fixes: [found.fix],
        });
      },
    };
  },
};
