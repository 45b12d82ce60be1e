/**
 * The values a database write stores, as expressions: `User.create(values)`, `prisma.user.update({ data })`,
 * `repo.save(values)`, `db.insert(t).values(values)`, `new User(values)`, and writes into a record already
 * read (`Object.assign(user, values)`, `user.set(values)`). Write calls come from database-writes.ts; which
 * argument holds the values is the catalogue's (catalog/orm-write-values.ts).
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { databaseReadOf, databaseWriteOf } from './database-writes';
import { OrmWithValues, ValuesSlot, instanceWriteMethods, ormWriteValues, recordSaveMethods } from '../catalog/orm-write-values';
import { isProjectModule } from './libraries';
import { type LibraryId, mongoose, sequelize, typeorm } from '../catalog';
import { calleeName, enclosingFunction, memberName, objectProperty, unwrap } from './syntax';
import { preorder } from '../traverse';

export interface ValuesWrite {
  /** The model, table or record written: "User", "user", "users". */
  target: string;
  /** The method as written: "create", "save", "new". */
  method: string;
  values: ts.Expression[];
}

const repositoryName = /(repo|repository|manager)$/i;
const modelModule = /(^|\/)(models?|entities|entity|schemas?)(\/|$)|\.(model|entity|schema)$/i;
const ormModules = new Set<LibraryId>([mongoose.id, sequelize.id, typeorm.id]);

/** What `node` writes, if it writes a record's values. */
export function valuesWrittenBy(node: ts.CallExpression | ts.NewExpression, facts: Facts): ValuesWrite | undefined {
  if (ts.isNewExpression(node)) return newModel(node, facts);
  const call = node;
  const callee = unwrap(call.expression);
  const method = memberName(callee);
  if (method === undefined || !ts.isPropertyAccessExpression(callee)) return undefined;
  if (method === 'assign') return objectAssign(call, facts);
  const receiver = unwrap(callee.expression);
  const write = databaseWriteOf(call, facts);
  if (write && write.orm in ormWriteValues) {
    const slot = ormWriteValues[write.orm as OrmWithValues][method];
    return slot ? { target: write.target ?? receiver.getText(), method, values: valuesIn(call, slot) } : undefined;
  }
  if ((method === 'create' || method === 'merge') && isRepository(receiver, facts)) {
    return { target: receiver.getText(), method, values: valuesIn(call, ormWriteValues.typeorm[method]) };
  }
  if (method === 'build' && facts.importsLibrary(sequelize.id)) return { target: receiver.getText(), method, values: valuesIn(call, ormWriteValues.sequelize.build) };
  const slot = instanceWriteMethods[method];
  if (slot && isRecordRead(receiver, facts)) return { target: receiver.getText(), method, values: valuesIn(call, slot) };
  return undefined;
}

function valuesIn(call: ts.CallExpression, slot: ValuesSlot): ts.Expression[] {
  if (slot.kind === 'chained') {
    const next = call.parent;
    const chained = ts.isPropertyAccessExpression(next) && next.name.text === slot.method && ts.isCallExpression(next.parent) ? next.parent.arguments[0] : undefined;
    return chained ? [chained] : [];
  }
  const arg = call.arguments[slot.index];
  if (!arg) return [];
  if (slot.kind === 'argument') return [arg];
  const obj = unwrap(arg);
  if (!ts.isObjectLiteralExpression(obj)) return [];
  return slot.keys.flatMap((k) => {
    const p = objectProperty(obj, k);
    return p && ts.isPropertyAssignment(p) ? [p.initializer] : p && ts.isShorthandPropertyAssignment(p) ? [p.name] : [];
  });
}

function isRepository(receiver: ts.Expression, facts: Facts): boolean {
  const ref = facts.libraryOf(receiver);
  if (ref) return ref.library === typeorm.id;
  const name = ts.isIdentifier(receiver)
    ? receiver.text
    : ts.isPropertyAccessExpression(receiver)
      ? receiver.name.text
      : ts.isCallExpression(receiver)
        ? calleeName(receiver)
        : undefined;
  return name !== undefined && (repositoryName.test(name) || name === 'getRepository');
}

/** A name bound to a row read from the database: `const user = await User.findById(id)`. */
function isRecordRead(receiver: ts.Expression, facts: Facts): boolean {
  if (!ts.isIdentifier(receiver)) return false;
  const decl = facts.resolve(receiver);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
  const init = unwrap(decl.initializer);
  return ts.isCallExpression(init) && databaseReadOf(init, facts) !== undefined;
}

/** `Object.assign(user, values)` on a record read from the database. */
function objectAssign(call: ts.CallExpression, facts: Facts): ValuesWrite | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'assign' || callee.expression.getText() !== 'Object') return undefined;
  const [target, ...sources] = call.arguments;
  if (!target || !isRecordRead(unwrap(target), facts)) return undefined;
  return { target: target.getText(), method: 'Object.assign', values: sources };
}

/**
 * `new User(values)` where `User` is a model: made by a model definition in this file (`mongoose.model(…)`), or
 * imported from the project's models and stored as a record (`post.save()`). A project class built and not saved
 * here is left alone: its constructor may copy only the fields it names (`this.title = data.title`), which this
 * file cannot see.
 */
function newModel(node: ts.NewExpression, facts: Facts): ValuesWrite | undefined {
  const cls = unwrap(node.expression);
  const arg = node.arguments?.[0];
  if (!ts.isIdentifier(cls) || !arg) return undefined;
  const decl = facts.resolve(cls);
  if (!decl) return undefined;
  let isModel = false;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    const ref = facts.libraryOf(init);
    if (ts.isCallExpression(init) && calleeName(init) === 'model') isModel = ref === undefined || ref.library === mongoose.id;
    else if (ref && isProjectModule(ref.module)) isModel = (modelModule.test(ref.module) || [...ormModules].some((m) => facts.importsLibrary(m))) && isSaved(node, facts);
  } else {
    const ref = facts.libraryOf(cls);
    isModel = ref !== undefined && isProjectModule(ref.module) && modelModule.test(ref.module) && isSaved(node, facts);
  }
  return isModel ? { target: cls.text, method: 'new', values: [arg] } : undefined;
}

/** Whether the record `node` builds is stored: `new Post(values).save()`, or `const post = new Post(values)` and then `post.save()`. */
function isSaved(node: ts.NewExpression, facts: Facts): boolean {
  const outer = outerExpression(node);
  const parent = outer.parent;
  if (ts.isPropertyAccessExpression(parent) && recordSaveMethods.has(parent.name.text) && ts.isCallExpression(parent.parent)) return true;
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== outer || !ts.isIdentifier(parent.name)) return false;
  const record = parent;
  const scope = enclosingFunction(node) ?? node.getSourceFile();
  let saved = false;
  preorder(scope, (n) => {
    if (saved) return false;
    if (ts.isCallExpression(n)) {
      const callee = unwrap(n.expression);
      if (ts.isPropertyAccessExpression(callee) && recordSaveMethods.has(callee.name.text)) {
        const receiver = unwrap(callee.expression);
        saved = ts.isIdentifier(receiver) && facts.resolve(receiver) === record;
      }
    }
    return true;
  });
  return saved;
}

/** The outermost expression that is `node` itself: through parentheses, `as` and `!`. */
function outerExpression(node: ts.Expression): ts.Expression {
  let e: ts.Expression = node;
  while (ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isNonNullExpression(e.parent) || ts.isSatisfiesExpression(e.parent)) e = e.parent;
  return e;
}
