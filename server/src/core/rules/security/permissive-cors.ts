import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { CorsMiddleware, allowCredentialsHeader, allowListVariable, allowOriginHeader, corsMiddlewares } from '../../catalog/cors';
import { inDevelopmentOnlyBranch } from '../../facts/development-branches';
import { originHeaderRead } from '../../facts/origin-header';
import { calleeName, isFunctionLike, objectProperty, unwrap } from '../../facts/syntax';
import { preorder } from '../../traverse';

/** The CORS middleware a call installs, and its options argument. */
/** Whether the file can reach a CORS module at all: if not, only the method installs (Nest's) are looked for. */
function reachesCorsModule(facts: Facts): boolean {
  return corsMiddlewares.some((m) => m.install.kind !== 'method' && m.modules.some((module) => facts.mayReference(module)));
}

function corsInstall(call: ts.CallExpression | ts.NewExpression, facts: Facts, reachesModule: boolean): { middleware: CorsMiddleware; options: ts.Expression | undefined } | undefined {
  const method = calleeName(call);
  const args = call.arguments ?? [];
  // CORS middleware is never a database handle: the file's own imports say all there is (Facts.ownLibraryOf).
  const called = reachesModule ? facts.ownLibraryOf(call.expression) : undefined;
  const plugin = reachesModule && method === 'register' && args[0] ? facts.ownLibraryOf(args[0]) : undefined;
  const middleware = corsMiddlewares.find((m) => {
    const install = m.install;
    if (install.kind === 'method') return ts.isCallExpression(call) && method === install.method && ts.isPropertyAccessExpression(unwrap(call.expression));
    const ref = install.kind === 'plugin' ? plugin : called;
    if (!ref || !m.modules.includes(ref.module)) return false;
    if (install.kind === 'plugin') return true;
    // A server: its exported class, or the module called as a factory.
    if (install.kind === 'server') return ref.isModule && (ref.exportName === install.exportName || ref.exportName === undefined || ref.exportName === 'default');
    // The middleware factory itself: the module's default export, or the named export (hono's `cors`).
    return ts.isCallExpression(call) && ref.isModule && (install.exportName === undefined ? ref.exportName === undefined || ref.exportName === 'default' : ref.exportName === install.exportName);
  });
  if (!middleware) return undefined;
  const options = args[middleware.optionsArg < 0 ? args.length + middleware.optionsArg : middleware.optionsArg];
  if (middleware.install.kind !== 'server') return { middleware, options };
  const serverOptions = literalOf(options, facts);
  const nested = serverOptions && objectProperty(serverOptions, middleware.install.optionKey);
  return { middleware, options: nested && ts.isPropertyAssignment(nested) ? nested.initializer : undefined };
}

function literalOf(expr: ts.Expression | undefined, facts: Facts): ts.ObjectLiteralExpression | undefined {
  const e = expr && unwrap(expr);
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = facts.resolve(e);
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

function isTrue(e: ts.Expression): boolean {
  const x = unwrap(e);
  return x.kind === ts.SyntaxKind.TrueKeyword || (ts.isStringLiteralLike(x) && x.text === 'true');
}

/** A pattern that matches any origin: `/.*\/`, `/^.+$/`. */
function matchesEverything(e: ts.Expression): boolean {
  return ts.isRegularExpressionLiteral(e) && /^\/\^?\.[*+]\$?\/[a-z]*$/.test(e.text);
}

/** The single value a function gives back: its expression body, or the one `return` or call of a one-statement block. */
function onlyOutcome(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return body;
  if (body.statements.length !== 1) return undefined;
  const s = body.statements[0];
  if (ts.isReturnStatement(s)) return s.expression;
  return ts.isExpressionStatement(s) ? s.expression : undefined;
}

function isParam(e: ts.Expression, param: ts.ParameterDeclaration | undefined, facts: Facts): boolean {
  const x = unwrap(e);
  if (!param || !ts.isIdentifier(x)) return false;
  return facts.resolve(x) === param;
}

/** `origin`, `origin || '*'`, `origin ?? x`: the origin the request named, sent back. */
function isOriginParam(e: ts.Expression, param: ts.ParameterDeclaration | undefined, facts: Facts): boolean {
  const x = unwrap(e);
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return isParam(x.left, param, facts);
  return isParam(x, param, facts);
}

/**
 * An `origin` callback that accepts every origin with no test: `(origin, cb) => cb(null, true)`,
 * `(origin) => origin` (hono/cors), `(ctx) => ctx.get('Origin')` (@koa/cors).
 */
function acceptsEveryOrigin(value: ts.Expression, m: CorsMiddleware, facts: Facts): boolean {
  const e = unwrap(value);
  const fn = ts.isIdentifier(e) ? facts.localFunction(e) : ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? e : undefined;
  if (!fn) return false;
  const outcome = onlyOutcome(fn);
  if (!outcome) return false;
  const [first, second] = fn.parameters;
  if (m.callbackInput === 'context') return originHeaderRead(outcome, facts) !== undefined;
  const o = unwrap(outcome);
  if (isOriginParam(o, first, facts) || o.kind === ts.SyntaxKind.TrueKeyword) return true;
  // `callback(null, true)` or `callback(null, origin)`
  if (!ts.isCallExpression(o) || !isParam(o.expression, second, facts) || o.arguments.length !== 2) return false;
  const granted = o.arguments[1];
  return unwrap(granted).kind === ts.SyntaxKind.TrueKeyword || isOriginParam(granted, first, facts);
}

function allowListText(m: CorsMiddleware, facts: Facts): string {
  const list = `process.env.${allowListVariable}?.split(',') ?? []`;
  if (m.allowList === 'list') return list;
  const typed = /\.[cm]?tsx?$/.test(facts.sourceFile.fileName) ? ': string' : '';
  return `(ctx) => { const origin${typed} = ctx.get('Origin'); return (${list}).includes(origin) ? origin : ''; }`;
}

interface HeaderWrite {
  value: ts.Expression;
  scope: ts.Node;
}

/** `res.setHeader('Access-Control-Allow-Origin', v)`, `ctx.set(…)`, `headers.set(…)`, and `{ 'Access-Control-Allow-Origin': v }`. */
function headerWrite(node: ts.CallExpression | ts.PropertyAssignment): { header: string; value: ts.Expression } | undefined {
  if (ts.isCallExpression(node)) {
    const [name, value] = node.arguments;
    if (node.arguments.length !== 2 || !ts.isStringLiteralLike(name) || !ts.isPropertyAccessExpression(unwrap(node.expression))) return undefined;
    return { header: name.text.toLowerCase(), value };
  }
  const name = node.name;
  if (!ts.isStringLiteral(name) && !ts.isIdentifier(name)) return undefined;
  return { header: name.text.toLowerCase(), value: node.initializer };
}

/** Whether `Access-Control-Allow-Credentials: true` is set outside any function of the file. */
function credentialsOutsideFunctions(facts: Facts): boolean {
  let found = false;
  facts.walk(facts.sourceFile, (n) => {
    if (found || isFunctionLike(n)) return false;
    const write = ts.isCallExpression(n) || ts.isPropertyAssignment(n) ? headerWrite(n) : undefined;
    found = write !== undefined && write.header === allowCredentialsHeader && isTrue(write.value);
    return !found;
  });
  return found;
}

/** Whether the function tests the request's origin anywhere: an allow-list check guards what it sends back. */
function testsOrigin(scope: ts.Node, origin: ts.Node, facts: Facts): boolean {
  let found = false;
  const mentionsOrigin = (e: ts.Node): boolean => {
    let hit = false;
    preorder(e, (n) => {
      if (hit) return false;
      if (n === origin || (ts.isIdentifier(n) && facts.resolve(n) === origin) || (ts.isExpression(n) && originHeaderRead(n, facts) !== undefined && !ts.isIdentifier(n))) hit = true;
      return !hit;
    });
    return hit;
  };
  preorder(scope, (n) => {
    if (found) return false;
    const tested = ts.isIfStatement(n) ? n.expression
      : ts.isConditionalExpression(n) ? n.condition
      : ts.isSwitchStatement(n) ? n.expression
      : ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? n.left
      : ts.isCallExpression(n) && /^(includes|has|test|indexOf|some|find|match|endsWith|startsWith|exec)$/.test(calleeName(n) ?? '') ? n
      : undefined;
    if (tested && mentionsOrigin(tested)) found = true;
    return !found;
  });
  return found;
}

export const permissiveCors: Rule = {
  meta: {
    id: 'permissive-cors',
    category: 'security',
    defaultSeverity: 'error',
    title: 'CORS with credentials for any origin',
    description:
      "Sending back whatever `Origin` a request names, with `Access-Control-Allow-Credentials: true`, lets every website read this API's responses with the visitor's cookies: any page they open can fetch their data as them. Allow only the origins you list.",
    fixable: 'suggestion',
    sources: ['CWE-942', 'CWE-346', 'OWASP A05:2021', 'CodeQL js/cors-misconfiguration-for-credentials', 'PortSwigger CORS origin reflection'],
    // An origin header and the credentials header it is paired with are set in one function, or both outside any
    // function: those are looked for over the whole file (`credentialsOutsideFunctions`), not only the units walked.
    scope: 'declaration',
  },
  create(context) {
    const { facts, sourceFile } = context;
    // A test's server is not deployed: its policy and cookies reach no user.
    if (facts.isTestFile) return {};
    const reachesModule = reachesCorsModule(facts);
    const originWrites: HeaderWrite[] = [];
    const credentialScopes = new Set<ts.Node>();
    const recordHeader = (node: ts.CallExpression | ts.PropertyAssignment): void => {
      const write = headerWrite(node);
      if (!write) return;
      const scope = facts.enclosingFunction(node) ?? sourceFile;
      if (write.header === allowOriginHeader) originWrites.push({ value: write.value, scope });
      else if (write.header === allowCredentialsHeader && isTrue(write.value)) credentialScopes.add(scope);
    };
    const checkMiddleware = (call: ts.CallExpression | ts.NewExpression): void => {
      const install = corsInstall(call, facts, reachesModule);
      const options = install && literalOf(install.options, facts);
      if (!install || !options || inDevelopmentOnlyBranch(call)) return;
      const credentials = objectProperty(options, 'credentials');
      const origin = objectProperty(options, 'origin');
      if (!credentials || !ts.isPropertyAssignment(credentials) || !isTrue(credentials.initializer)) return;
      if (!origin || !ts.isPropertyAssignment(origin)) return;
      const value = unwrap(origin.initializer);
      const reflects = (install.middleware.trueReflects && value.kind === ts.SyntaxKind.TrueKeyword) || matchesEverything(value) || acceptsEveryOrigin(value, install.middleware, facts);
      if (!reflects) return;
      const fix: OffsetFix = {
        title: `Allow only the origins listed in ${allowListVariable}`,
        safe: false,
        edits: [{ start: origin.initializer.getStart(sourceFile), end: origin.initializer.getEnd(), text: allowListText(install.middleware, facts) }],
      };
      context.report({
        at: origin,
        message: `This CORS policy accepts every origin with \`credentials: true\`: any website a signed-in user visits can call this API with their cookies and read the answers. Allow only the origins you list (from configuration).`,
        fixes: [fix],
      });
    };
    return {
      CallExpression(call) {
        checkMiddleware(call);
        recordHeader(call);
      },
      NewExpression: checkMiddleware,
      PropertyAssignment: recordHeader,
      end() {
        let outsideFunctions: boolean | undefined;
        for (const w of originWrites) {
          const paired = credentialScopes.has(w.scope) || (w.scope === sourceFile && (outsideFunctions ??= credentialsOutsideFunctions(facts)));
          if (!paired) continue;
          const origin = originHeaderRead(w.value, facts);
          if (!origin || inDevelopmentOnlyBranch(w.value) || testsOrigin(w.scope, origin, facts)) continue;
          context.report({
            at: w.value,
            message: `\`${w.value.getText(sourceFile)}\` sends the request's own \`Origin\` back in \`Access-Control-Allow-Origin\`, with \`Access-Control-Allow-Credentials: true\`: any website a signed-in user visits can call this API with their cookies and read the answers. Send it back only when it is in a list of allowed origins.`,
          });
        }
      },
    };
  },
};
