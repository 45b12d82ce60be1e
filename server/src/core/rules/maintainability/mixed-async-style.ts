import * as ts from 'typescript';
import type { OffsetFix, Rule, RuleContext } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { LibraryId } from '../../catalog';
import { databaseCallOf } from '../../facts/database-calls';
import { looksLikeSqlStatement } from '../../facts/sql-text';
import { isAsyncFunction, lineIndent, memberName, stringText, unwrap } from '../../facts/syntax';

/** `fs` functions that take a callback and have a twin of the same name under `fs.promises`. */
const fsCallbackApis = new Set([
  'readFile', 'writeFile', 'appendFile', 'readdir', 'stat', 'lstat', 'unlink', 'mkdir', 'rename', 'access', 'copyFile',
  'rm', 'rmdir', 'open', 'readlink', 'realpath', 'chmod', 'chown', 'utimes', 'mkdtemp', 'cp',
]);

/** Other callback APIs with a promise form, by library, with the form to use. */
const otherCallbackApis: Readonly<Partial<Record<LibraryId, Readonly<Record<string, string>>>>> = {
  crypto: { randomBytes: 'util.promisify(crypto.randomBytes)', pbkdf2: 'util.promisify(crypto.pbkdf2)', scrypt: 'util.promisify(crypto.scrypt)', generateKeyPair: 'util.promisify(crypto.generateKeyPair)' },
  zlib: { gzip: 'util.promisify(zlib.gzip)', gunzip: 'util.promisify(zlib.gunzip)', deflate: 'util.promisify(zlib.deflate)', inflate: 'util.promisify(zlib.inflate)' },
  child_process: { exec: 'util.promisify(child_process.exec)', execFile: 'util.promisify(child_process.execFile)' },
  dns: { lookup: 'dns.promises.lookup', resolve: 'dns.promises.resolve' },
  bcrypt: { hash: 'bcrypt.hash without a callback', compare: 'bcrypt.compare without a callback', genSalt: 'bcrypt.genSalt without a callback' },
  jsonwebtoken: { sign: 'util.promisify(jwt.sign)', verify: 'util.promisify(jwt.verify)' },
};

/** Every method name above and the database drivers' query methods: a cheap first filter on each call. */
const callbackMethodNames = new Set([
  ...fsCallbackApis,
  ...Object.values(otherCallbackApis).flatMap((methods) => Object.keys(methods)),
  'query', 'execute', 'run', 'all', 'get', 'each', 'exec', 'prepare', 'batch', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'multi',
]);

interface CallbackApi {
  /** How the call reads: `fs.readFile`, `db.query`. */
  name: string;
  /** The promise form to use instead. */
  alternative: string;
  /** `fs.readFile(…)` on the `fs` module: its twin is `fs.promises.readFile`. */
  fsMember?: ts.PropertyAccessExpression;
}

function calleeMethod(callee: ts.Expression): string | undefined {
  return ts.isIdentifier(callee) ? callee.text : memberName(callee);
}

function lastFunctionArgument(call: ts.CallExpression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const last = call.arguments[call.arguments.length - 1];
  return last !== undefined && (ts.isArrowFunction(last) || ts.isFunctionExpression(last)) ? last : undefined;
}

function callbackApiOf(call: ts.CallExpression, facts: Facts, sourceFile: ts.SourceFile): CallbackApi | undefined {
  const callee = unwrap(call.expression);
  const method = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  if (method === undefined) return undefined;
  const name = callee.getText(sourceFile);
  const ref = facts.libraryOf(callee);
  if (ref?.library === 'fs' && ref.exportName !== 'promises' && fsCallbackApis.has(method)) {
    const fsMember = ts.isPropertyAccessExpression(callee) && ref.isModule && facts.libraryOf(callee.expression)?.exportName === undefined ? callee : undefined;
    return { name, alternative: `fs.promises.${method}`, fsMember };
  }
  const other = ref?.isModule && ref.library !== undefined ? otherCallbackApis[ref.library]?.[method] : undefined;
  if (other) return { name, alternative: other };
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const db = databaseCallOf(call, facts);
  if (!db || db.sql === lastFunctionArgument(call)) return undefined;
  const sql = stringText(unwrap(db.sql)) ?? (ts.isTemplateExpression(unwrap(db.sql)) ? (unwrap(db.sql) as ts.TemplateExpression).head.text : undefined);
  if (db.library === undefined && (sql === undefined || !looksLikeSqlStatement(sql))) return undefined;
  return { name, alternative: `the driver's promise API (\`await ${name}(…)\`, or \`util.promisify\`)` };
}

function functionLabel(fn: ts.FunctionLikeDeclaration): string {
  const name = fn.name ?? (ts.isVariableDeclaration(fn.parent) ? fn.parent.name : undefined);
  return name && ts.isIdentifier(name) ? `the async function \`${name.text}\`` : 'this async function';
}

const errorNames = /^(err|error|e|ex)$/;

/**
 * `fs.readFile(p, (err, data) => { if (err) throw err; …rest })` as the last statement of the async function's
 * body becomes `const data = await fs.promises.readFile(p); …rest`. An error handler that returns keeps
 * its place in a try/catch. Any other shape gets no fix.
 */
function awaitFsFix(call: ts.CallExpression, api: CallbackApi, fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile): OffsetFix | undefined {
  const member = api.fsMember;
  const callback = lastFunctionArgument(call);
  const statement = call.parent;
  if (!member || !callback || !ts.isExpressionStatement(statement) || unwrap(statement.expression) !== call) return undefined;
  const body = fn.body;
  if (!body || !ts.isBlock(body) || body.statements[body.statements.length - 1] !== statement) return undefined;
  if (!ts.isBlock(callback.body) || callback.parameters.length === 0 || callback.parameters.length > 2) return undefined;
  const [errParam, dataParam] = callback.parameters;
  if (!ts.isIdentifier(errParam.name) || !errorNames.test(errParam.name.text)) return undefined;
  const errName = errParam.name.text;
  const [first, ...rest] = callback.body.statements;
  if (!first || !ts.isIfStatement(first) || first.elseStatement) return undefined;
  if (!ts.isIdentifier(first.expression) || first.expression.text !== errName) return undefined;
  const restSource = rest.map((s) => s.getText(sourceFile)).join('\n');
  // `this`/`arguments` in a `function` callback, or the error used later, would mean something else once moved.
  if (new RegExp(`\\b${errName}\\b`).test(restSource) || /\b(this|arguments)\b/.test(callback.body.getText(sourceFile))) return undefined;

  const args = call.arguments.slice(0, -1).map((a) => a.getText(sourceFile)).join(', ');
  const awaited = `await ${member.expression.getText(sourceFile)}.promises.${member.name.text}(${args})`;
  const indent = lineIndent(sourceFile, statement.getStart(sourceFile));
  const data = dataParam ? dataParam.name.getText(sourceFile) : undefined;
  const handler = first.thenStatement;
  const handlerStatements = ts.isBlock(handler) ? handler.statements : [handler];
  const lastHandler = handlerStatements[handlerStatements.length - 1];
  let head: string;
  if (handlerStatements.length === 1 && ts.isThrowStatement(lastHandler) && ts.isIdentifier(lastHandler.expression) && lastHandler.expression.text === errName) {
    head = data ? `const ${data} = ${awaited};` : `${awaited};`;
  } else if (lastHandler && (ts.isReturnStatement(lastHandler) || ts.isThrowStatement(lastHandler))) {
    if (data && !ts.isIdentifier(dataParam.name)) return undefined;
    const handled = handlerStatements.map((s) => `${indent}  ${s.getText(sourceFile)}`).join('\n');
    const declaration = data ? `let ${data};\n${indent}` : '';
    const target = data ? `${data} = ` : '';
    head = `${declaration}try {\n${indent}  ${target}${awaited};\n${indent}} catch (${errName}) {\n${handled}\n${indent}}`;
  } else {
    return undefined;
  }
  const moved = rest.map((s) => reindent(s, sourceFile, indent)).join('\n');
  return {
    title: `Await ${member.expression.getText(sourceFile)}.promises.${member.name.text}`,
    safe: false,
    edits: [{ start: statement.getStart(sourceFile), end: statement.getEnd(), text: moved ? `${head}\n${moved}` : head }],
  };
}

/** A statement's text moved to `indent`, keeping its inner lines' indentation relative to its first. */
function reindent(statement: ts.Statement, sourceFile: ts.SourceFile, indent: string): string {
  const own = lineIndent(sourceFile, statement.getStart(sourceFile));
  return statement
    .getText(sourceFile)
    .split('\n')
    .map((line, i) => (i === 0 ? indent + line : line.startsWith(own) ? indent + line.slice(own.length) : line))
    .join('\n');
}

function reportCallbackApi(context: RuleContext, call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): void {
  const api = callbackApiOf(call, context.facts, context.sourceFile);
  if (!api) return;
  const fix = awaitFsFix(call, api, fn, context.sourceFile);
  context.report({
    at: call.expression,
    message: `\`${api.name}\` takes a callback inside ${functionLabel(fn)}: its errors escape the function's try/catch and its result arrives after the function's promise has settled. Await ${api.alternative} instead.`,
    fixes: fix ? [fix] : [],
  });
}

/**
 * A Node-style completion call: `cb(null, result)`, `callback(err)`, `done(new Error(…))`, or a bare `done()`
 * statement. A callback called for its result (`return await callback(runner)`) is a unit of work, not a reply.
 */
function isCompletionCall(call: ts.CallExpression): boolean {
  const first = call.arguments[0];
  if (!first) return (unwrap(call.expression) as ts.Identifier).text === 'done' && ts.isExpressionStatement(call.parent);
  const e = unwrap(first);
  return (
    e.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(e) && (e.text === 'undefined' || errorNames.test(e.text))) ||
    (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && /Error$/.test(e.expression.text))
  );
}

/**
 * A function written in place as another call's argument, or as an option of one (`new LocalStrategy(async (email,
 * password, done) => …)`, `new Server(http, { allowRequest: async (req, callback) => … })`): the library that calls
 * it fixes its signature, so the callback parameter cannot go.
 */
function isHandedToCaller(fn: ts.Node): boolean {
  let holder = fn.parent;
  if (ts.isPropertyAssignment(holder) && ts.isObjectLiteralExpression(holder.parent)) holder = holder.parent.parent;
  return (ts.isCallExpression(holder) || ts.isNewExpression(holder)) && (holder.arguments ?? []).some((a) => a === fn || a === fn.parent?.parent);
}

export const mixedAsyncStyle: Rule = {
  meta: {
    id: 'mixed-async-style',
    category: 'maintainability',
    defaultSeverity: 'info',
    title: 'Callbacks or .then chains mixed with async/await',
    description:
      'A callback API or a `.then` chain inside an `async` function, or a function that takes a callback and returns a promise, splits one flow between two error channels: failures skip the try/catch, and results arrive after the function has returned. Use the promise API and `await` it.',
    fixable: 'suggestion',
    sources: ['Node.js fs/promises', 'eslint-plugin-promise prefer-await-to-callbacks', 'eslint-plugin-promise prefer-await-to-then'],
    // What a finding weighs (the `await`s, `.then`s and callback calls of one function, the parameter it calls) is
    // in the function's own unit.
    scope: 'declaration',
  },
  create(context) {
    const { facts } = context;
    const reportedParameters = new Set<ts.ParameterDeclaration>();
    // `.then` chains are reported only in async functions that also `await`: those mix the two styles.
    const thenCalls = new Map<ts.FunctionLikeDeclaration, ts.CallExpression[]>();
    const awaiting = new Set<ts.FunctionLikeDeclaration>();
    return {
      AwaitExpression(node) {
        const fn = facts.enclosingFunction(node);
        if (fn) awaiting.add(fn);
      },
      end() {
        for (const [fn, calls] of thenCalls) {
          if (!awaiting.has(fn)) continue;
          for (const call of calls) {
            context.report({
              at: (unwrap(call.expression) as ts.PropertyAccessExpression).name,
              message: `This \`.then\` callback inside ${functionLabel(fn)} mixes a promise chain with \`await\`: its errors and its timing follow the chain, not the function. Await the promise and write the callback's body after it.`,
            });
          }
        }
      },
      CallExpression(call) {
        const callee = unwrap(call.expression);
        // `async (req, res, cb) => { … cb(null, x) }`: the callback parameter of an async function is called.
        if (ts.isIdentifier(callee) && /^(cb|callback|done)$/.test(callee.text)) {
          if (!isCompletionCall(call)) return;
          const decl = facts.resolve(callee);
          if (decl && ts.isParameter(decl) && isAsyncFunction(decl.parent) && !isHandedToCaller(decl.parent) && !reportedParameters.has(decl)) {
            reportedParameters.add(decl);
            context.report({
              at: decl,
              message: `This async function also takes the callback \`${callee.text}\`: callers cannot tell whether to await it or wait for \`${callee.text}\`, and an error can reach both or neither. Return the result and let callers await it.`,
            });
          }
          return;
        }
        const thenCallback = memberName(callee) === 'then' ? call.arguments[0] : undefined;
        const isThen = thenCallback !== undefined && (ts.isArrowFunction(thenCallback) || ts.isFunctionExpression(thenCallback)) && ts.isBlock(thenCallback.body);
        if (!isThen && !(lastFunctionArgument(call) && callbackMethodNames.has(calleeMethod(callee) ?? ''))) return;
        const fn = facts.enclosingFunction(call);
        if (!fn || !isAsyncFunction(fn)) return;
        if (isThen) {
          const list = thenCalls.get(fn);
          if (list) list.push(call);
          else thenCalls.set(fn, [call]);
          return;
        }
        reportCallbackApi(context, call, fn);
      },
    };
  },
};
