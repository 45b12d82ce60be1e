/**
 * Which of a module's exports are database handles, as the module itself says: a Mongoose model
 * (`module.exports = mongoose.model('User', schema)`), a Sequelize model (`sequelize.define(…)`, `class User extends
 * Model`), a Prisma, Knex or Drizzle client (`export const prisma = globalThis.prisma ?? new PrismaClient()`), an SQL
 * pool. An export made from another module's export (`db.define('Order', …)` with `db` from '../db', a class
 * extending the project's own model base) is recorded as such and resolved by the project index, so that
 * `const User = require('../models/User')` is a Mongoose model in the file that imports it. An export passed on
 * as it is (`module.exports = require('./User')`) is a re-export, which the index follows itself
 * (export-summaries.ts).
 *
 * Plain data, part of the file's summary: keyed by export name, `default` for `export default` and
 * `module.exports =`.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import { isProjectModule, type LibraryRef } from '../facts/libraries';
import { dottedName, unwrap } from '../facts/syntax';
import { type LibraryId, isDatabaseHandleLibrary, isModelBaseLibrary } from '../catalog';

export type ExportedValue =
  /** A value of a catalogued database library. */
  | { kind: 'library'; library: LibraryId; module: string; exportName?: string; isModule: boolean }
  /** A value made from the export `exportName` of another module of the project (undefined: the module object). */
  | { kind: 'made'; module: string; exportName?: string };

/** How many names and initializers a value is followed through within its file. */
const maxDepth = 6;

/**
 * The module's exports that are database handles, or made from another module's exports. None of a test file's:
 * test helpers are no part of what the application runs.
 */
export function exportedValues(facts: Facts): Record<string, ExportedValue> {
  const out: Record<string, ExportedValue> = {};
  if (facts.isTestFile) return out;
  const put = (name: string, value: ExportedValue | undefined): void => {
    if (value && !Object.prototype.hasOwnProperty.call(out, name)) out[name] = value;
  };
  const putObject = (obj: ts.ObjectLiteralExpression): void => {
    for (const p of obj.properties) {
      if (ts.isShorthandPropertyAssignment(p)) put(p.name.text, valueOf(p.name, facts, 0));
      else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) put(p.name.text, valueOf(p.initializer, facts, 0));
    }
  };
  for (const statement of facts.sourceFile.statements) {
    if (ts.isExportAssignment(statement)) {
      put('default', valueOf(statement.expression, facts, 0));
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const spec of statement.exportClause.elements) {
        const local = spec.propertyName ?? spec.name;
        if (ts.isIdentifier(local)) put(spec.name.text, valueOf(local, facts, 0));
      }
    } else if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) put(d.name.text, valueOf(d.initializer, facts, 0));
      }
    } else if (ts.isClassDeclaration(statement) && hasExportModifier(statement)) {
      const isDefault = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
      put(isDefault ? 'default' : (statement.name?.text ?? 'default'), classValue(statement, facts));
    } else if (ts.isExpressionStatement(statement)) {
      const assignment = unwrap(statement.expression);
      if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = dottedName(assignment.left);
      const right = unwrap(assignment.right);
      if (target === 'module.exports') {
        if (ts.isObjectLiteralExpression(right)) putObject(right);
        else put('default', valueOf(right, facts, 0));
      } else if (target !== undefined && /^(module\.)?exports\.[\w$]+$/.test(target)) {
        put(target.slice(target.lastIndexOf('.') + 1), valueOf(right, facts, 0));
      }
    }
  }
  return out;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

/**
 * What an exported expression is. `globalThis.prisma ?? new PrismaClient()`, `models.User || model('User', s)` and
 * `cond ? a : b` are whichever side is a handle (a made value before the module itself); `module.exports = User =
 * model(…)` is its right side; a name is what it was declared with.
 */
function valueOf(expr: ts.Expression, facts: Facts, depth: number): ExportedValue | undefined {
  if (depth > maxDepth) return undefined;
  const e = unwrap(expr);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) return valueOf(e.right, facts, depth + 1);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return either(valueOf(e.left, facts, depth + 1), valueOf(e.right, facts, depth + 1));
    return undefined;
  }
  if (ts.isConditionalExpression(e)) return either(valueOf(e.whenTrue, facts, depth + 1), valueOf(e.whenFalse, facts, depth + 1));
  if (ts.isClassExpression(e)) return classValue(e, facts);
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    if (decl && ts.isClassDeclaration(decl)) return classValue(decl, facts);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const declared = valueOf(decl.initializer, facts, depth + 1);
      if (declared) return declared;
    }
  }
  return valueOfRef(facts.ownLibraryOf(e));
}

function valueOfRef(ref: LibraryRef | undefined): ExportedValue | undefined {
  if (!ref) return undefined;
  if (isProjectModule(ref.module)) {
    // The module or its export itself is a re-export, which the index follows; only what is made from it is new.
    return ref.isModule ? undefined : { kind: 'made', module: ref.module, ...(ref.exportName !== undefined ? { exportName: ref.exportName } : {}) };
  }
  if (!isDatabaseHandleLibrary(ref.library)) return undefined;
  return { kind: 'library', library: ref.library!, module: ref.module, ...(ref.exportName !== undefined ? { exportName: ref.exportName } : {}), isModule: ref.isModule };
}

/** Of two candidates, the one that is a handle made from a library, else the other. */
function either(a: ExportedValue | undefined, b: ExportedValue | undefined): ExportedValue | undefined {
  const made = (v: ExportedValue | undefined): boolean => v !== undefined && (v.kind === 'made' || !v.isModule);
  if (made(a)) return a;
  if (made(b)) return b;
  return a ?? b;
}

/** `class User extends Model` (Sequelize), `extends BaseEntity` (TypeORM), or a base class of the project's own. */
function classValue(cls: ts.ClassLikeDeclaration, facts: Facts): ExportedValue | undefined {
  const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  const ref = base && facts.ownLibraryOf(base);
  if (!ref) return undefined;
  if (isProjectModule(ref.module)) return valueOfRef({ ...ref, isModule: false });
  return isModelBaseLibrary(ref.library) ? { kind: 'library', library: ref.library!, module: ref.module, ...(ref.exportName !== undefined ? { exportName: ref.exportName } : {}), isModule: false } : undefined;
}
