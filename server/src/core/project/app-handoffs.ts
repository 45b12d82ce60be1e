/**
 * Routes registered by a function of another module that receives the app: `require('./routes')(app)`,
 * `require('./routes/users')(app, db)`, `registerRoutes(app)`, with `module.exports = (app) => { app.get(…) }` in
 * that module. Those routes are the app's own, so what this file mounts on the app is in front of them as it is in
 * front of a router mounted with `app.use(router)`: the hand-off is recorded as a mount at the app's root.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import { calledExport } from '../facts/imported-bindings';
import { isProjectModule } from '../facts/libraries';
import { dottedName, isFunctionLike, unwrap } from '../facts/syntax';
import { webFrameworkOf } from '../catalog';
import type { MountSummary } from './file-summary';

/** What one file's hand-offs were made of, for finding them again after an edit: the hand-offs of each unit, by its node. */
export type AppHandoffsBase = ReadonlyMap<ts.Node, readonly MountSummary[]>;

/**
 * The hand-offs, with what they were made of. With `previous` (the base of the same file before an edit) and
 * `changed` (whether the edit may have changed what the facts say at a node: incremental/reach.ts), a unit
 * (a top-level statement, or a member of a top-level class) the reparse kept (the same node) keeps its hand-offs
 * when the edit did not reach it. A hand-off is read from the call, from what its callee and arguments resolve to by
 * name, and from the names the file mounts and routes on; an edit that changes those names or the imports is
 * analysed afresh (digest.ts), without `changed`.
 */
export function appHandoffsReusing(
  facts: Facts,
  previous: AppHandoffsBase | undefined,
  changed: ((node: ts.Node) => boolean) | undefined,
): { handoffs: MountSummary[]; base: AppHandoffsBase } {
  const receivers = new Set<string>();
  for (const m of facts.mounts) if (m.receiverName !== undefined) receivers.add(m.receiverName);
  for (const r of facts.routes) {
    const name = r.receiver && dottedName(r.receiver);
    if (name !== undefined) receivers.add(name);
  }
  const base = new Map<ts.Node, readonly MountSummary[]>();
  const handoffs: MountSummary[] = [];
  const unit = (node: ts.Node): void => {
    const kept = changed && previous?.get(node);
    const found = kept && !changed(node) ? kept : handoffsIn(node, receivers, facts);
    base.set(node, found);
    handoffs.push(...found);
  };
  for (const statement of facts.sourceFile.statements) {
    if (!ts.isClassDeclaration(statement) || statement.members.length === 0) {
      unit(statement);
      continue;
    }
    // The class's own nodes (decorators, heritage: few) are searched every time, its members as units.
    handoffs.push(...handoffsIn(statement, receivers, facts, (n) => n.parent === statement && ts.isClassElement(n)));
    statement.members.forEach(unit);
  }
  return { handoffs, base };
}

/** The hand-offs in `root`'s subtree, but for the subtrees `skipped` says. */
function handoffsIn(root: ts.Node, receivers: ReadonlySet<string>, facts: Facts, skipped?: (node: ts.Node) => boolean): MountSummary[] {
  const out: MountSummary[] = [];
  facts.walk(root, (n) => {
    if (skipped?.(n)) return false;
    if (!ts.isCallExpression(n) || n.arguments.length === 0) return true;
    // The callee first: few calls are to a module of the project, and what they call is a fact the rules asked for.
    const target = calledExport(n, facts);
    if (!target || !isProjectModule(target.specifier)) return true;
    const app = n.arguments.find((a) => isApp(a, receivers, facts));
    if (!app) return true;
    out.push({
      receiver: dottedName(unwrap(app)),
      path: undefined,
      middleware: [],
      modules: [target.specifier],
      ...(target.name !== 'default' ? { exports: { [target.specifier]: target.name } } : {}),
    });
    return true;
  });
  return out;
}

/**
 * An argument that is an app: an instance of a web framework (`const app = express()`), a receiver this file
 * mounts middleware or routes on, or the first parameter of the function this module exports, which its own
 * importer hands the app to (`module.exports = (app) => { require('./users')(app) }`).
 */
function isApp(arg: ts.Expression, receivers: ReadonlySet<string>, facts: Facts): boolean {
  const e = unwrap(arg);
  if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e)) return false;
  const name = dottedName(e);
  if (name !== undefined && receivers.has(name)) return true;
  const ref = facts.libraryOf(e);
  if (ref && !ref.isModule && webFrameworkOf(ref.library) !== undefined) return true;
  const decl = ts.isIdentifier(e) ? facts.resolve(e) : undefined;
  return decl !== undefined && ts.isParameter(decl) && isFunctionLike(decl.parent) && decl.parent.parameters[0] === decl && isDefaultExport(decl.parent);
}

/** `module.exports = (app) => …`, `module.exports = function (app) {…}`, `export default function (app) {…}`. */
function isDefaultExport(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isFunctionDeclaration(fn)) return ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
  const parent = fn.parent;
  if (ts.isExportAssignment(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.right === fn && dottedName(parent.left) === 'module.exports';
}
