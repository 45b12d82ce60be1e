/**
 * The facts of one file, built once before the rules run: what several rules need and none should rebuild.
 * One walk collects imports, routes and middleware mounts; name resolution, library identity, constants and
 * request-data flow are answered lazily and memoised.
 */
import * as ts from 'typescript';
import { ConstantIndex } from './constants';
import { LibraryIndex, LibraryId, LibraryRef, libraryIdOf } from './libraries';
import { FlowQuery, RequestDataIndex, RequestOrigin } from './request-data';
import { MiddlewareMount, Route, RouteCollector } from './routes';
import { Declaration, ScopeIndex } from './scopes';
import { isRequireCall } from './syntax';
import { TreeIndex } from '../traverse';

export interface ModuleImport {
  module: string;
  library: LibraryId;
  /** The import declaration or the `require(...)` call. */
  node: ts.Node;
}

export interface Facts {
  readonly sourceFile: ts.SourceFile;
  /** Every `import … from` and `require(…)` in the file, in order. */
  readonly imports: readonly ModuleImport[];
  readonly routes: readonly Route[];
  readonly mounts: readonly MiddlewareMount[];
  /**
   * Test code: under `test/`, `tests/`, `__tests__/`, `__mocks__/`, `e2e/` or `cypress/`, named `*.test.*`,
   * `*.spec.*` or `*.e2e.*`, or importing a test runner or supertest. Rules lower or drop their findings there.
   */
  readonly isTestFile: boolean;
  importsLibrary(library: LibraryId): boolean;
  libraryOf(expr: ts.Expression): LibraryRef | undefined;
  resolve(id: ts.Identifier): Declaration | undefined;
  resolveName(name: string, from: ts.Node): Declaration | undefined;
  isConstant(expr: ts.Expression): boolean;
  /**
   * The request data `expr` carries, if any, still dangerous for the sink kind asked about
   * (`{ sink: 'path' }`: `path.basename` and a resolved-prefix check end the flow; `{ sink: 'nosql' }`: text
   * cannot carry an operator object). Without a sink the question is asked for SQL. See request-data.ts.
   */
  requestOrigin(expr: ts.Expression, query?: FlowQuery): RequestOrigin | undefined;
  isRequestParameter(param: ts.ParameterDeclaration): boolean;
  /** The function a local name stands for (`function f` or `const f = () => …`). */
  localFunction(id: ts.Identifier): ts.FunctionLikeDeclaration | undefined;
}

const testPath = /(^|[\\/])(test|tests|__tests__|__mocks__|e2e|cypress)[\\/]|\.(test|spec|e2e)\.[cm]?[jt]sx?$/;
const testLibraries = /^(supertest|vitest|@jest\/globals|mocha|chai|ava|tap|node:test|@playwright\/test|light-my-request)$/;

/**
 * `projectPath`: the file's path relative to its project (project-path.ts), for the path patterns. `nodes`: the
 * tree in source order, when the caller already has it (analyze walks the tree once).
 */
export function buildFacts(sourceFile: ts.SourceFile, projectPath: string, nodes: readonly ts.Node[] = new TreeIndex(sourceFile).nodes): Facts {
  const scopes = new ScopeIndex();
  const libraries = new LibraryIndex(scopes);
  const constants = new ConstantIndex(scopes);
  const requestData = new RequestDataIndex(sourceFile, scopes);
  const routes = new RouteCollector(sourceFile, scopes, libraries, projectPath);
  const imports: ModuleImport[] = [];

  for (const statement of sourceFile.statements) routes.visitTopLevel(statement);
  for (const node of nodes) {
    if (ts.isCallExpression(node)) {
      if (isRequireCall(node)) imports.push({ module: node.arguments[0].text, library: libraryIdOf(node.arguments[0].text), node });
      else routes.visitCall(node);
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ module: node.moduleSpecifier.text, library: libraryIdOf(node.moduleSpecifier.text), node });
    } else if (ts.isClassDeclaration(node)) {
      routes.visitClass(node);
    }
  }

  const libraryIds = new Set(imports.map((i) => i.library));
  return {
    sourceFile,
    imports,
    routes: routes.routes,
    mounts: routes.mounts,
    isTestFile: testPath.test(projectPath) || imports.some((i) => testLibraries.test(i.module)),
    importsLibrary: (library) => libraryIds.has(library),
    libraryOf: (expr) => libraries.of(expr),
    resolve: (id) => scopes.resolve(id),
    resolveName: (name, from) => scopes.resolveName(name, from),
    isConstant: (expr) => constants.isConstant(expr),
    requestOrigin: (expr, query) => requestData.origin(expr, query),
    isRequestParameter: (param) => requestData.isRequestParameter(param),
    localFunction: (id) => requestData.localFunction(id),
  };
}
