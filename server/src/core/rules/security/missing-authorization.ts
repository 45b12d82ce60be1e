import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { Route } from '../../facts/routes';
import { DatabaseAccess, databaseReadOf, databaseWriteOf } from '../../facts/database-writes';
import { accessCheckCall, authenticationGuard, currentUserReference, machineEndpoint, ownerField, publicContent, roleGuard, signedInUser } from '../../facts/current-user';
import { calleeName, isFunctionLike, memberName, objectProperty, unwrap } from '../../facts/syntax';
import { addPropertyEdit } from '../../fixers/object-property';
import type { ProjectFacts } from '../../project/project-facts';
import { nestPublicRouteDecorator } from '../../catalog';
import { preorder } from '../../traverse';

/** A request value that names one record: a path parameter, or a field called `id`, `orderId`, `uuid`, `slug`. */
const recordId = /(^|\.)(params\b.*|\w*[iI]d|\w*_id|uuid|slug)$|@Param\(\)/;
/** Calls that load one record by its id alone. */
const byIdMethods = new Set(['findById', 'findByPk', 'findByIdAndUpdate', 'findByIdAndDelete', 'findByIdAndRemove']);

interface Handler {
  fn: ts.FunctionLikeDeclaration;
  route: Route | undefined;
}

/** The request handler around `node`: a route's handler, a function taking the request, or a NestJS route method. */
function handlerOf(node: ts.Node, facts: Facts): Handler | undefined {
  for (let n = facts.enclosingFunction(node); n; n = facts.enclosingFunction(n)) {
    const route = facts.routes.find((r) => r.handler === n);
    if (route) return { fn: n, route };
    const first = n.parameters[0];
    if (first && facts.isRequestParameter(first) && n.parameters.length >= 2) return { fn: n, route: undefined };
  }
  return undefined;
}

/** The expression that picks the record: the id of `findById(id)`, a filter, or Prisma's/Sequelize's/TypeORM's `where`. */
function selectorOf(call: ts.CallExpression, method: string): ts.Expression | undefined {
  if (byIdMethods.has(method)) return call.arguments[0];
  const index = method === 'update' && call.arguments.length >= 2 && ts.isObjectLiteralExpression(unwrap(call.arguments[1])) ? 1 : 0;
  const arg = call.arguments[index] && unwrap(call.arguments[index]);
  if (!arg) return undefined;
  if (ts.isObjectLiteralExpression(arg)) {
    const where = objectProperty(arg, 'where');
    if (where && ts.isPropertyAssignment(where)) return where.initializer;
  }
  return arg;
}

/** Whether the selector already names an owner (`{ id, userId }`) or the current user. */
function scoped(selector: ts.Expression, sourceFile: ts.SourceFile): boolean {
  if (currentUserReference.test(selector.getText(sourceFile))) return true;
  let found = false;
  preorder(selector, (n) => {
    if (found) return false;
    if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && ts.isIdentifier(n.name) && ownerField.test(n.name.text)) found = true;
    return !isFunctionLike(n);
  });
  return found;
}

/** A request id in the selector, if the selector is built from one. */
function requestId(selector: ts.Expression, facts: Facts): string | undefined {
  const e = unwrap(selector);
  const values: ts.Expression[] = [];
  if (ts.isObjectLiteralExpression(e)) {
    preorder(e, (n) => {
      if (ts.isPropertyAssignment(n)) values.push(n.initializer);
      else if (ts.isShorthandPropertyAssignment(n)) values.push(n.name);
      return true;
    });
  } else values.push(e);
  for (const v of values) {
    const origin = facts.requestOrigin(v);
    if (origin && recordId.test(origin.source)) return origin.source;
  }
  return undefined;
}

/**
 * Anything in the handler that checks ownership or a role: a comparison with the current user, an access-check call,
 * a 403, a query scoped by an owner field.
 */
function checksAccess(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  preorder(fn.body ?? fn, (n) => {
    if (found) return false;
    if (ts.isBinaryExpression(n) && /^(===|!==|==|!=)$/.test(n.operatorToken.getText()) && (currentUserReference.test(n.left.getText()) || currentUserReference.test(n.right.getText()))) found = true;
    else if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (name && (accessCheckCall.test(name) || machineEndpoint.test(name) || (/^(equals|includes|some|every|has)$/.test(name) && currentUserReference.test(n.getText())))) found = true;
    } else if (ts.isNumericLiteral(n) && n.text === '403') found = true;
    else if (ts.isIdentifier(n) && /^(ForbiddenException|ForbiddenError|Forbidden|UnauthorizedException)$/.test(n.text)) found = true;
    else if (ts.isPropertyAccessExpression(n) && /^(role|roles|isAdmin|permissions|scopes)$/.test(n.name.text) && currentUserReference.test(n.expression.getText())) found = true;
    // An owner-scoped lookup anywhere in the handler (`findUnique({ where: { id: courseId, userId } })`, then 404)
    // establishes ownership of the parent; the records the handler then takes by id hang off it.
    else if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && ts.isIdentifier(n.name) && ownerField.test(n.name.text)) found = true;
    return true;
  });
  return found;
}

/**
 * Route middleware, NestJS decorators, router-wide mounts, as text; and the guards the NestJS app applies to every
 * route (in any file of its package), unless the route is marked to pass them (`@Public()`).
 */
function guardsOf(handler: Handler, facts: Facts, project: ProjectFacts): string[] {
  const out: string[] = [];
  const route = handler.route;
  if (route) {
    out.push(...route.middleware.map((m) => m.getText().slice(0, 120)));
    if (route.framework === 'nestjs' && !route.middleware.some(isPublicMarker)) out.push(...project.globalGuards);
    const receiver = route.receiver?.getText();
    for (const mount of facts.mounts) if (receiver !== undefined && mount.receiverName === receiver) out.push(...mount.args.map((a) => a.getText().slice(0, 120)));
  }
  return out;
}

/** `@Public()`, `@SkipAuth()`: a decorator expression letting a route past the app's global authentication guard. */
function isPublicMarker(decorator: ts.Expression): boolean {
  const e = unwrap(decorator);
  const name = ts.isCallExpression(e) ? calleeName(e) : ts.isIdentifier(e) ? e.text : undefined;
  return name !== undefined && nestPublicRouteDecorator.test(name);
}

/** The file's own way of scoping this kind of record: `{ user: req.user.id }` in another query or a create. */
function ownerScopeInFile(facts: Facts): { key: string; value: string } | undefined {
  let found: { key: string; value: string } | undefined;
  preorder(facts.sourceFile, (n) => {
    found ??= ownerScopeAt(n);
    return found === undefined;
  });
  return found;
}

/** `user: req.user.id`: a property that scopes a record by its owner, written as a plain path to the current user. */
function ownerScopeAt(n: ts.Node): { key: string; value: string } | undefined {
  if (!ts.isPropertyAssignment(n) || !ts.isIdentifier(n.name) || !ownerField.test(n.name.text)) return undefined;
  const value = n.initializer.getText();
  return currentUserReference.test(value) && /^[\w.?]+$/.test(value) ? { key: n.name.text, value } : undefined;
}

function scopeFix(access: DatabaseAccess, method: string, selector: ts.Expression, handler: Handler, facts: Facts): OffsetFix | undefined {
  const scope = ownerScopeInFile(facts);
  if (!scope) return undefined;
  // The user expression must mean the same here: its root is this handler's own request parameter.
  const root = scope.value.split(/[.?]/)[0];
  const param = handler.fn.parameters[0];
  if (!param || !ts.isIdentifier(param.name) || param.name.text !== root) return undefined;
  const title = 'Scope the query by the current user';
  const sel = unwrap(selector);
  if (ts.isObjectLiteralExpression(sel)) return { title, safe: false, edits: [addPropertyEdit(facts.sourceFile, sel, `${scope.key}: ${scope.value}`)] };
  const callee = unwrap(access.call.expression);
  // `findById` and its siblings are Mongoose's names (Sequelize's is `findByPk`).
  if (!ts.isPropertyAccessExpression(callee) || !method.startsWith('findById')) return undefined;
  const replacement = method === 'findById' ? 'findOne' : method.replace('findById', 'findOne');
  return {
    title,
    safe: false,
    edits: [
      { start: callee.name.getStart(), end: callee.name.getEnd(), text: replacement },
      { start: selector.getStart(), end: selector.getEnd(), text: `{ _id: ${selector.getText()}, ${scope.key}: ${scope.value} }` },
    ],
  };
}

export const missingAuthorization: Rule = {
  meta: {
    id: 'missing-authorization',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Record taken by an id from the request with no ownership check',
    description:
      'A signed-in user who changes the id in the URL reads, changes or deletes another user\'s record when the handler loads it by id alone (IDOR, broken object-level authorization). Scope the query by the current user, or compare the owner before acting.',
    fixable: 'suggestion',
    scope: 'declaration',
    // The fix scopes a query the way the first owner-scoped query or create of the file does, wherever it is.
    unitInputs: {
      of: [ts.SyntaxKind.PropertyAssignment],
      read: (node) => {
        const scope = ownerScopeAt(node);
        return scope && `${scope.key}: ${scope.value}`;
      },
    },
    sources: ['CWE-639', 'CWE-862', 'OWASP A01:2021', 'OWASP API1:2023'],
  },
  create(context) {
    const { facts } = context;
    const judged = new Map<ts.FunctionLikeDeclaration, boolean>();
    return {
      CallExpression(call) {
        if (facts.isTestFile) return;
        const method = memberName(unwrap(call.expression));
        if (method === undefined) return;
        const write = databaseWriteOf(call, facts);
        const access: DatabaseAccess | undefined = write ?? databaseReadOf(call, facts);
        if (!access || access.orm === 'sql' || write?.kind === 'insert') return;
        const handler = handlerOf(call, facts);
        if (!handler) return;
        const target = access.target ?? '';
        if (!write && publicContent.test(target)) return;
        if (handler.route?.path && (/(^|\/)admin(\/|$)/i.test(handler.route.path) || machineEndpoint.test(handler.route.path))) return;
        const selector = selectorOf(call, method);
        if (!selector || scoped(selector, facts.sourceFile)) return;
        const id = requestId(selector, facts);
        if (!id) return;
        let quiet = judged.get(handler.fn);
        if (quiet === undefined) {
          const guards = guardsOf(handler, facts, context.project);
          const authenticates = guards.some((g) => authenticationGuard.test(g)) || signedInUser.test(handler.fn.getText());
          quiet = !authenticates || guards.some((g) => roleGuard.test(g)) || checksAccess(handler.fn);
          judged.set(handler.fn, quiet);
        }
        if (quiet) return;
        const verb = write ? (write.kind === 'delete' ? 'deletes' : 'changes') : 'reads';
        const fix = scopeFix(access, method, selector, handler, facts);
        context.report({
          at: call.expression,
          message: `This ${verb} the ${target || 'record'} that \`${id}\` names with no check that it belongs to the signed-in user: any user can reach another's record by changing the id. Scope the query by the current user, or compare the owner (or a role) before acting.`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
};
