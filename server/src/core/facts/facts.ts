/**
 * The facts of one file: the file's fact model, built once before the rules run, holding everything several
 * rules need and none should rebuild. One walk collects imports, routes and middleware mounts; everything else is
 * answered lazily and memoised here, per node, so a fact is computed at most once per file whichever rules ask:
 *
 * | fact                                   | memoised per        | module                 |
 * | -------------------------------------- | ------------------- | ---------------------- |
 * | declaration of a name                  | identifier / scope  | scopes.ts              |
 * | library a value comes from             | expression, decl.   | libraries.ts           |
 * | modules a library reference can name   | file (one walk)     | reachable-modules.ts   |
 * | constant value                         | expression          | constants.ts           |
 * | value a `const` name was declared with | scope (by name)     | constants.ts           |
 * | request data an expression carries     | expression + sink   | request-data.ts        |
 * | SQL call (driver, method, values)      | call                | database-calls.ts      |
 * | query shape (rows, filter, limit)      | call                | database-reads.ts      |
 * | write or row read                      | call                | database-writes.ts     |
 * | transactions of the file               | file (one walk)     | database-writes.ts     |
 * | promise a call gives back              | call                | promise-calls.ts       |
 * | async methods of a class               | class               | promise-calls.ts       |
 *
 * No module keeps state between files: every cache lives in the Facts of the file it describes.
 */
import * as ts from 'typescript';
import { ConstantIndex } from './constants';
import { LibraryIndex, LibraryRef, ProjectExports } from './libraries';
import { LibraryId, isKind, libraryIdOf } from '../catalog';
import { FlowQuery, ImportedReturn, RequestDataIndex, RequestOrigin } from './request-data';
import { MiddlewareMount, Route, RouteCollector } from './routes';
import { MutationIndex } from './mutations';
import { exportedFunctions } from './exported-functions';
import { attachedFunctions } from './attached-functions';
import { Declaration, ScopeIndex } from './scopes';
import type { SinkKind } from './flow-sanitizers';
import { isRequireCall } from './syntax';
import { isTestCode } from './test-code';
import { TreeIndex } from '../traverse';
import { EnclosingFunctions } from './enclosing-functions';
import { ReachableModules } from './reachable-modules';
import type { TextFacts } from './text-facts';
import type { Unit } from '../incremental/units';
import type { LineStarts } from '../incremental/line-starts';
import { firstPassNodes } from './first-pass-nodes';
import { NodeCollections } from './node-collections';

export interface ModuleImport {
  module: string;
  /** Undefined for a module the catalogue does not know. */
  library: LibraryId | undefined;
  /** The import declaration or the `require(...)` call. */
  node: ts.Node;
}

/** Names one memoised fact; the values live in each file's Facts (see `Facts.memo`). */
export interface FactKey<T> {
  readonly name: string;
  /** Never set: carries the fact's type. */
  readonly type?: T;
}

/** What `Facts.memo` keeps for a fact whose answer is undefined. */
const noValue: unique symbol = Symbol('no value');

export function factKey<T>(name: string): FactKey<T> {
  return { name };
}

export interface Facts {
  readonly sourceFile: ts.SourceFile;
  /** Every `import … from` and `require(…)` in the file, in order. */
  readonly imports: readonly ModuleImport[];
  readonly routes: readonly Route[];
  readonly mounts: readonly MiddlewareMount[];
  /** Test code, as every rule sees it (test-code.ts). Rules lower or drop their findings there. */
  readonly isTestFile: boolean;
  /**
   * The file offers functions to other code rather than serving requests itself: no routes, no web framework
   * imported, not a test. Its exported functions' parameters are library input (FlowQuery.callerInput).
   */
  readonly isLibraryCode: boolean;
  importsLibrary(library: LibraryId): boolean;
  /**
   * Whether `libraryOf` can answer with a reference naming `module` in this file (reachable-modules.ts): a rule
   * that looks for a few modules asks once, and skips the library lookups of a file that cannot reach them.
   */
  mayReference(module: string): boolean;
  /** Whether `libraryOf` can answer with a reference of `library` in this file. */
  mayReferenceLibrary(library: LibraryId): boolean;
  libraryOf(expr: ts.Expression): LibraryRef | undefined;
  /**
   * The library an expression comes from as this file alone says, without what the project says of its modules.
   * The project only ever makes an imported value a database handle (exported-values.ts), so for any other kind of
   * library this is `libraryOf`'s answer, without making the summary of the module imported from.
   */
  ownLibraryOf(expr: ts.Expression): LibraryRef | undefined;
  resolve(id: ts.Identifier): Declaration | undefined;
  resolveName(name: string, from: ts.Node): Declaration | undefined;
  isConstant(expr: ts.Expression): boolean;
  /** The initializer of the `const` that `id` names (`const page = \`<h1>…\``: `page` → the template); see constants.ts. */
  constInitializer(id: ts.Identifier): ts.Expression | undefined;
  /**
   * The request data `expr` carries, if any, still dangerous for the sink kind asked about
   * (`{ sink: 'path' }`: `path.basename` and a resolved-prefix check end the flow; `{ sink: 'nosql' }`: text
   * cannot carry an operator object). Without a sink the question is asked for SQL. See request-data.ts.
   */
  requestOrigin(expr: ts.Expression, query?: FlowQuery): RequestOrigin | undefined;
  isRequestParameter(param: ts.ParameterDeclaration): boolean;
  /** Whether this use of `decl` comes only after a passed test that makes it safe for `sink` (flow-guards.ts). */
  flowGuarded(use: ts.Node, decl: Declaration, sink: SinkKind): boolean;
  /** The values the file puts into the array or object `decl` names after declaring it (`q.email = v`, `parts.push(v)`). */
  valuesPutInto(decl: Declaration): readonly ts.Expression[];
  /** The function a local name stands for (`function f` or `const f = () => …`). */
  localFunction(id: ts.Identifier): ts.FunctionLikeDeclaration | undefined;
  /** The nearest function above `node`, remembered along the way (enclosing-functions.ts). */
  enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined;
  /** The fact `key` of `node`: computed by `compute` the first time anything asks, then served from this file's cache. */
  memo<T>(key: FactKey<T>, node: ts.Node, compute: () => T): T;
  /**
   * `memo`, for a fact that depends on the node's own text alone (no name resolved, no offset): kept across the
   * document's edits for the nodes the reparse reused (text-facts.ts).
   */
  memoText<T>(key: FactKey<T>, node: ts.Node, compute: () => T): T;
  /**
   * The 1-based line a node starts on (or an offset is on), as messages and summaries name it: from the line starts
   * an open document's analysis keeps (incremental/line-starts.ts), so that no edit makes the tree's line map anew.
   */
  lineOf(at: ts.Node | number): number;
  /** Visits `root` and its descendants in source order over the file's tree index; `enter` returning false skips a node's children. */
  walk(root: ts.Node, enter: (node: ts.Node) => boolean | void): void;
}

/**
 * `projectPath`: the file's path relative to its project (project-path.ts), for the path patterns. `tree`: the
 * file's tree index, when the caller already has it (analyze walks the tree once). `importedReturn`: what a call
 * into another module of the project returns, from the project index (project/imported-flow.ts); a file analysed
 * alone, or summarised for the index, knows nothing of other modules. `testByProject`: the project counts the file
 * as test code (ProjectFacts.isTestCode), so every rule does. `kept`: for an analysis of an open document, what the
 * analyses before this one kept of its nodes' text (text-facts.ts), its units, by which they are kept, and its line
 * starts; without it, a one-off analysis keeps the text facts with its other facts, for itself, and asks the tree
 * for lines.
 */
export function buildFacts(
  sourceFile: ts.SourceFile,
  projectPath: string,
  tree: TreeIndex = new TreeIndex(sourceFile),
  importedReturn?: (call: ts.CallExpression, facts: Facts) => ImportedReturn | undefined,
  projectExports?: ProjectExports,
  testByProject = false,
  kept?: { textFacts: TextFacts; units: readonly Unit[]; lines: LineStarts },
): Facts {
  const scopes = new ScopeIndex();
  const functions = new EnclosingFunctions();
  const libraries = new LibraryIndex(scopes, projectExports);
  const collections = new NodeCollections(tree, kept);
  const mutations = new MutationIndex(scopes, collections);
  const constants = new ConstantIndex(scopes, mutations);
  let exported: Map<ts.FunctionLikeDeclaration, string> | undefined;
  const exportedAs = (fn: ts.FunctionLikeDeclaration): string | undefined => {
    exported ??= new Map([...exportedFunctions(sourceFile, facts), ...attachedFunctions(sourceFile, facts)].map((f) => [f.fn, f.label]));
    return exported.get(fn);
  };
  const requestData = new RequestDataIndex(sourceFile, scopes, libraries, tree, collections, mutations, exportedAs, importedReturn && ((call) => importedReturn(call, facts)));
  const memos = new Map<FactKey<unknown>, Map<ts.Node, unknown>>();
  const routes = new RouteCollector(sourceFile, scopes, libraries, projectPath);
  const imports: ModuleImport[] = [];
  const reachable = new ReachableModules(projectExports !== undefined);

  for (const statement of sourceFile.statements) routes.visitTopLevel(statement);
  for (const node of firstPassNodes(collections)) {
    if (ts.isCallExpression(node)) {
      if (isRequireCall(node)) imports.push({ module: node.arguments[0].text, library: libraryIdOf(node.arguments[0].text), node });
      else routes.visitCall(node);
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ module: node.moduleSpecifier.text, library: libraryIdOf(node.moduleSpecifier.text), node });
    } else if (ts.isClassDeclaration(node)) {
      routes.visitClass(node);
    } else if (ts.isImportEqualsDeclaration(node)) {
      reachable.addImportEquals(node);
    }
  }
  for (const i of imports) reachable.add(i.module);

  const libraryIds = new Set(imports.map((i) => i.library));
  const isTestFile = testByProject || isTestCode(projectPath, imports.map((i) => i.module));
  const facts: Facts = {
    sourceFile,
    imports,
    routes: routes.routes,
    mounts: routes.mounts,
    isTestFile,
    isLibraryCode: !isTestFile && routes.routes.length === 0 && !imports.some((i) => isKind(i.library, 'web-framework')),
    importsLibrary: (library) => libraryIds.has(library),
    mayReference: (module) => reachable.module(module),
    mayReferenceLibrary: (library) => reachable.library(library),
    libraryOf: (expr) => libraries.of(expr),
    ownLibraryOf: (expr) => libraries.ownOf(expr),
    resolve: (id) => scopes.resolve(id),
    resolveName: (name, from) => scopes.resolveName(name, from),
    isConstant: (expr) => constants.isConstant(expr),
    constInitializer: (id) => constants.constInitializer(id),
    requestOrigin: (expr, query) => requestData.origin(expr, query),
    isRequestParameter: (param) => requestData.isRequestParameter(param),
    flowGuarded: (use, decl, sink) => requestData.guarded(use, decl, sink),
    localFunction: (id) => requestData.localFunction(id),
    enclosingFunction: (node) => functions.of(node),
    valuesPutInto: (decl) => mutations.valuesPutInto(decl),
    memo<T>(key: FactKey<T>, node: ts.Node, compute: () => T): T {
      let values = memos.get(key);
      if (!values) memos.set(key, (values = new Map()));
      // One lookup for what is known (most asks): an undefined answer is kept as `noValue`.
      const known = values.get(node);
      if (known !== undefined) return (known === noValue ? undefined : known) as T;
      const value = compute();
      values.set(node, value === undefined ? noValue : value);
      return value;
    },
    memoText: (key, node, compute) => (kept ? kept.textFacts.of(key, node, compute) : facts.memo(key, node, compute)),
    lineOf: (at) => {
      const offset = typeof at === 'number' ? at : at.getStart(sourceFile);
      return (kept ? kept.lines.line(offset) : sourceFile.getLineAndCharacterOfPosition(offset).line) + 1;
    },
    walk: (root, enter) => tree.preorder(root, enter),
  };
  return facts;
}
