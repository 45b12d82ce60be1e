/**
 * What the rest of the project needs to know of one file, computed from the file's own facts (the same parse as
 * its analysis) and kept in the project index by content hash: which modules it imports, what it mounts on which
 * app, router or Fastify instance (middleware, the routers and plugins of other files, autoloaded folders), and
 * which middleware its default export is, what each of its exports does (export-summary.ts) and which exports
 * of other modules it passes on. Plain data, independent of where the file lies: specifiers and folders
 * are kept as written and resolved by the index.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import type { MiddlewareMount } from '../facts/routes';
import { RateLimiterIndex } from '../facts/rate-limiters';
import { globalGuardNames } from '../facts/nest-global-guards';
import { dottedName, isFunctionLike, isRequireCall, memberName, objectProperty, stringText, unwrap } from '../facts/syntax';
import { type MiddlewareKind, encapsulationBreakers, middlewareKindOf, pluginLoaders, sessionMiddlewareCalls } from '../catalog';
import type { ExportSummary } from './export-summary';
import { type ExportSummariesBase, type ReExport, exportSummaries, exportSummariesReusing, reexportsOf } from './export-summaries';
import { type AppHandoffsBase, appHandoffsReusing } from './app-handoffs';
import { exportedValues } from './exported-values';

export interface MountSummary {
  /** The app, router or instance mounted on, as written (`app`, `fastify`, `this.app`). */
  receiver: string | undefined;
  /** The mount's path prefix: `app.use('/api', …)`, Fastify's `{ prefix: '/api' }`. */
  path: string | undefined;
  /** What the mounted middleware does. */
  middleware: MiddlewareKind[];
  /** Modules of the project mounted here, as written: routers and plugins. */
  modules: string[];
  /** A folder whose every file is registered here (a plugin loader), relative to this file's folder. */
  folder?: string;
  /** The export of a module mounted here, when a name of it is (`app.use('/auth', routes.auth)`): module → export. */
  exports?: Record<string, string>;
}

export interface FileSummary {
  /** Every module the file imports or requires, as written, once each. */
  imports: string[];
  mounts: MountSummary[];
  /** What the file's default export (`export default`, `module.exports =`) does when it is mounted. */
  exportedMiddleware: MiddlewareKind[];
  /** Guards the file applies to every route of its NestJS app, by name (nest-global-guards.ts). */
  globalGuards: string[];
  /** What the file's exports do, by export key (export-summary.ts); absent when nothing is known of any. */
  exports?: Record<string, ExportSummary>;
  /** Exports of other modules the file passes on; absent when none. */
  reexports?: ReExport[];
}

/**
 * The part of a summary the project index holds for every file from the start: the module graph and app
 * composition, which any file's analysis may ask about (what mounts it, who imports it, which guards apply).
 */
export type GraphSummary = Pick<FileSummary, 'imports' | 'mounts' | 'globalGuards'>;

/**
 * The part the index makes only when another file's analysis asks for it (an import called, a module mounted):
 * what the exports do, the most expensive part to make (data flow over every exported function), and for most
 * files never asked. Kept by content hash like the rest.
 */
export type ExportsSummary = Omit<FileSummary, keyof GraphSummary>;

export function summarize(facts: Facts): FileSummary {
  return { ...summarizeGraph(facts), ...summarizeExports(facts) };
}

/** `imports`: what `importsOf` gives for the file's text, when the caller knows it already. */
export function summarizeGraph(facts: Facts, imports?: string[]): GraphSummary {
  return summarizeGraphReusing(facts, undefined, undefined, imports).summary;
}

/** `summarizeGraph`, with the app hand-offs an edit did not reach kept (app-handoffs.ts `appHandoffsReusing`). */
function summarizeGraphReusing(
  facts: Facts,
  previous: AppHandoffsBase | undefined,
  changed: ((node: ts.Node) => boolean) | undefined,
  imports: string[] | undefined,
): { summary: GraphSummary; base: AppHandoffsBase } {
  const kindsOf = middlewareKindsIn(facts);
  const { handoffs, base } = appHandoffsReusing(facts, previous, changed);
  const summary = {
    imports: imports ?? importsOf(facts.sourceFile.text),
    mounts: [...facts.mounts.map((m) => mountSummary(m, facts, kindsOf)), ...handoffs],
    globalGuards: globalGuardNames(facts),
  };
  return { summary, base };
}

/** What an open document's summary was made of, for making it again after an edit (`summarizeReusing`). */
export interface SummaryBase {
  readonly handoffs?: AppHandoffsBase;
  readonly exports?: ExportSummariesBase;
}

/**
 * The summary of an open document, as the index summarises a file it reads (project-index.ts): a text that can
 * mount nothing (no `.use(`, no app handed on) has its imports for a graph, and one that says neither `export` nor
 * `exports` no exports. With `previous` (the base of the same document before an edit) and `changed` (what the edit
 * may have changed: incremental/reach.ts), the hand-offs and export summaries the edit did not reach are
 * kept. `imports`: the file's imports when the edit cannot have changed them.
 */
export function summarizeReusing(
  facts: Facts,
  previous: SummaryBase | undefined,
  changed: ((node: ts.Node) => boolean) | undefined,
  imports: string[] | undefined,
): { summary: FileSummary; base: SummaryBase } {
  const text = facts.sourceFile.text;
  const graph = graphNeedsParse(text) ? summarizeGraphReusing(facts, previous?.handoffs, changed, imports) : undefined;
  const graphSummary = graph?.summary ?? { imports: imports ?? importsOf(text), mounts: [], globalGuards: [] };
  if (!exportsNeedParse(text)) return { summary: { ...graphSummary, exportedMiddleware: [] }, base: { handoffs: graph?.base } };
  const exports = summarizeExportsReusing(facts, previous?.exports, changed);
  return { summary: { ...graphSummary, ...exports.summary }, base: { handoffs: graph?.base, exports: exports.base } };
}

export function summarizeExports(facts: Facts): ExportsSummary {
  return exportsPart(facts, exportSummaries(facts));
}

/**
 * The exports part, with what its per-export summaries were made of; after an edit, made again only for the
 * exports the edit may have changed (export-summaries.ts `exportSummariesReusing`).
 */
export function summarizeExportsReusing(
  facts: Facts,
  previous: ExportSummariesBase | undefined,
  changed: ((node: ts.Node) => boolean) | undefined,
): { summary: ExportsSummary; base: ExportSummariesBase } {
  const { summaries, base } = exportSummariesReusing(facts, previous, changed);
  return { summary: exportsPart(facts, summaries), base };
}

function exportsPart(facts: Facts, exports: Record<string, ExportSummary> | undefined): ExportsSummary {
  const reexports = reexportsOf(facts);
  return {
    exportedMiddleware: exportedMiddleware(facts, middlewareKindsIn(facts)),
    ...(exports ? { exports } : {}),
    ...(reexports.length > 0 ? { reexports } : {}),
  };
}

/**
 * The cheap share of the exports part, which importers ask for most (every name imported from the project is asked
 * whether it is a database handle): which exports are handles, what the file passes on from other modules, the
 * middleware its default export is. No data flow is run for it. It reads only what the file alone says, so it is the
 * same made from the file on disk or from its analysis's facts (when the project does not count it as test code).
 */
export function summarizeValues(facts: Facts): ExportsSummary {
  const handles = exportedValues(facts);
  const keys = Object.keys(handles).sort();
  const reexports = reexportsOf(facts);
  return {
    exportedMiddleware: exportedMiddleware(facts, middlewareKindsIn(facts)),
    ...(keys.length > 0 ? { exports: Object.fromEntries(keys.map((k) => [k, { handle: handles[k] }])) } : {}),
    ...(reexports.length > 0 ? { reexports } : {}),
  };
}

/** A summary made from an analysis's facts, in the index's two parts. */
export function splitSummary(summary: FileSummary): { graph: GraphSummary; exports: ExportsSummary } {
  const { imports, mounts, globalGuards, ...exports } = summary;
  return { graph: { imports, mounts, globalGuards }, exports };
}

function middlewareKindsIn(facts: Facts): (expr: ts.Expression) => MiddlewareKind[] {
  const limiters = new RateLimiterIndex(facts);
  return (expr) => middlewareKinds(expr, facts, limiters);
}

/** Every module the text imports, re-exports, requires or loads with `import()`, by TypeScript's scanner. */
export function importsOf(text: string): string[] {
  return [...new Set(ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName))];
}

/** A call that may mount something (`.use(`, `.register(`, `.route(`, `.useGlobalGuards(`), as facts.mounts finds them. */
const mountCall = /\.\s*(use|register|route|useGlobalGuards|useGlobalInterceptors)\s*\(/;

/**
 * A call that may hand the app to another module's function, as app-handoffs.ts finds them: a module required and
 * called in place (`require('./routes')(app)`), or a call with an argument named as apps usually are
 * (`routes(app, db)`): a cheap filter, which app-handoffs.ts checks against what the argument is.
 */
const appHandoff = /require\(\s*['"]\.[^'"]*['"]\s*\)\s*\(|\(\s*(app|server|api|router)\s*[,)]/;

/**
 * Whether the text can mount anything, hand its app to another module or apply a guard app-wide; when not, its
 * graph summary is its imports alone, read without a parse.
 */
export function graphNeedsParse(text: string): boolean {
  return mountCall.test(text) || appHandoff.test(text) || text.includes('APP_GUARD');
}

/** Whether the text can export anything; when not, its exports summary is empty, made without a parse. */
export function exportsNeedParse(text: string): boolean {
  return /\bexport\b|\bexports\b/.test(text);
}

function mountSummary(mount: MiddlewareMount, facts: Facts, kindsOf: (e: ts.Expression) => MiddlewareKind[]): MountSummary {
  const middleware = new Set<MiddlewareKind>();
  const modules: string[] = [];
  let folder: string | undefined;
  let exports: Record<string, string> | undefined;
  let prefix = mount.path;
  for (const arg of mount.args) {
    for (const kind of kindsOf(arg)) middleware.add(kind);
    const ref = projectModuleOf(arg, facts);
    if (ref !== undefined) {
      modules.push(ref.module);
      if (ref.exportName !== undefined && ref.exportName !== 'default') (exports ??= {})[ref.module] = ref.exportName;
    }
    const options = unwrap(arg);
    if (ts.isObjectLiteralExpression(options)) {
      prefix ??= stringText(propertyValue(options, 'prefix'));
      const loader = mount.args[0] && facts.libraryOf(mount.args[0]);
      const dirOption = loader && Object.prototype.hasOwnProperty.call(pluginLoaders, loader.module) ? pluginLoaders[loader.module].dirOption : undefined;
      if (dirOption !== undefined) folder = folderOf(propertyValue(options, dirOption));
    }
  }
  return { receiver: mount.receiverName, path: prefix, middleware: [...middleware], modules, ...(folder !== undefined ? { folder } : {}), ...(exports ? { exports } : {}) };
}

/** Rate limiters, CSRF protection and sessions among a mount's arguments. */
function middlewareKinds(expr: ts.Expression, facts: Facts, limiters: RateLimiterIndex): MiddlewareKind[] {
  const kinds = new Set<MiddlewareKind>();
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return [];
  if (limiters.isLimiter(e)) kinds.add('rate-limit');
  const target = ts.isCallExpression(e) ? e.expression : e;
  const module = isRequireCall(e) ? e.arguments[0].text : facts.libraryOf(target)?.module;
  const kind = module === undefined ? undefined : middlewareKindOf(module);
  if (kind) kinds.add(kind);
  if (ts.isCallExpression(e) && sessionMiddlewareCalls.includes(dottedName(e.expression) ?? '')) kinds.add('session');
  return [...kinds];
}

/**
 * The project module a mount argument is: `require('./routes/auth')`, an imported router, `router.routes()`,
 * `import('./plugins/auth')`, a router factory called in place (`require('./routes')(db)`).
 */
function projectModuleOf(expr: ts.Expression, facts: Facts): { module: string; exportName?: string } | undefined {
  let e = unwrap(expr);
  if (ts.isCallExpression(e) && (memberName(e.expression) === 'routes' || memberName(e.expression) === 'middleware')) e = unwrap((e.expression as ts.PropertyAccessExpression).expression);
  if (ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const module = stringText(e.arguments[0]);
    return module === undefined ? undefined : { module };
  }
  if (ts.isCallExpression(e) && !isRequireCall(e)) e = unwrap(e.expression);
  if (!ts.isIdentifier(e) && !isRequireCall(e) && !ts.isPropertyAccessExpression(e)) return undefined;
  const ref = facts.libraryOf(e);
  const known = ref && (middlewareKindOf(ref.module) !== undefined || Object.prototype.hasOwnProperty.call(pluginLoaders, ref.module));
  return ref && ref.library === undefined && !known ? { module: ref.module, ...(ref.exportName !== undefined ? { exportName: ref.exportName } : {}) } : undefined;
}

/** `path.join(__dirname, 'plugins')`, `join(import.meta.dirname, 'routes', 'api')`, `'./routes'`. */
function folderOf(expr: ts.Expression | undefined): string | undefined {
  const e = expr && unwrap(expr);
  if (!e) return undefined;
  const literal = stringText(e);
  if (literal !== undefined) return literal;
  if (!ts.isCallExpression(e) || !['join', 'resolve'].includes(memberName(e.expression) ?? (ts.isIdentifier(e.expression) ? e.expression.text : ''))) return undefined;
  const [first, ...rest] = e.arguments;
  if (!first || !isModuleFolder(unwrap(first))) return undefined;
  const parts = rest.map((a) => stringText(a));
  return parts.every((p): p is string => p !== undefined) ? parts.join('/') : undefined;
}

/** `__dirname`, or `import.meta.dirname` in an ES module. */
function isModuleFolder(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return e.text === '__dirname';
  return ts.isPropertyAccessExpression(e) && ts.isMetaProperty(e.expression) && e.name.text === 'dirname';
}

/** The file's default export: `export default x`, `export = x`, `module.exports = x`. */
function defaultExport(facts: Facts): ts.Expression | ts.FunctionDeclaration | undefined {
  for (const statement of facts.sourceFile.statements) {
    if (ts.isExportAssignment(statement)) return statement.expression;
    if (ts.isFunctionDeclaration(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return statement;
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (dottedName(statement.expression.left) === 'module.exports') return statement.expression.right;
    }
  }
  return undefined;
}

/**
 * What mounting the file's default export adds to the app or instance it is mounted on: a limiter or session
 * exported as it is (`export default fastifyRateLimit`, `module.exports = rateLimit({…})`), or a plugin lifted out
 * of its encapsulation (`export default fp(async (fastify) => { fastify.register(rateLimit) })`) with what it mounts.
 */
function exportedMiddleware(facts: Facts, kindsOf: (e: ts.Expression) => MiddlewareKind[]): MiddlewareKind[] {
  let value = defaultExport(facts);
  if (value && ts.isIdentifier(value)) {
    const decl = facts.resolve(value);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) value = decl.initializer;
  }
  if (!value || ts.isFunctionDeclaration(value)) return [];
  const e = unwrap(value);
  const direct = kindsOf(e);
  if (direct.length > 0) return direct;
  if (!ts.isCallExpression(e) || !encapsulationBreakers.includes(facts.libraryOf(e.expression)?.module ?? '')) return [];
  const plugin = e.arguments[0] && unwrap(e.arguments[0]);
  const fn = plugin && (isFunctionLike(plugin) ? plugin : ts.isIdentifier(plugin) ? facts.localFunction(plugin) : undefined);
  const instance = fn?.parameters[0] && ts.isIdentifier(fn.parameters[0].name) ? fn.parameters[0].name.text : undefined;
  if (!fn || instance === undefined) return [];
  const kinds = new Set<MiddlewareKind>();
  for (const mount of facts.mounts) {
    if (mount.receiverName !== instance || !within(mount.call, fn)) continue;
    for (const arg of mount.args) for (const kind of kindsOf(arg)) kinds.add(kind);
  }
  return [...kinds];
}

function within(node: ts.Node, ancestor: ts.Node): boolean {
  return node.pos >= ancestor.pos && node.end <= ancestor.end;
}

function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const p = objectProperty(obj, name);
  return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
}
