import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import { definesModel, drizzle, drizzleBuilder, isModelBaseLibrary } from '../../catalog';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import { calleeName, calleeObject, canAwait, stringText, unwrap } from '../../facts/syntax';
import { passwordNameKind } from '../../facts/password-names';
import { isReassignedBefore, isStoredPassword, mayBePassword, plainPassword } from './password-values';
import { hashCode, verifyCode } from './password-hashing-fix';
import { passwordParameters } from './password-sql';
import { preorder } from '../../traverse';

const equality = new Map<ts.SyntaxKind, { text: string; negated: boolean }>([
  [ts.SyntaxKind.EqualsEqualsEqualsToken, { text: '===', negated: false }],
  [ts.SyntaxKind.EqualsEqualsToken, { text: '==', negated: false }],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken, { text: '!==', negated: true }],
  [ts.SyntaxKind.ExclamationEqualsToken, { text: '!=', negated: true }],
]);
/** ORM and driver lookups that take a filter object: mongoose, Prisma, Sequelize, TypeORM, MongoDB, knex, lodash. */
const lookupMethods = new Set([
  'findOne', 'findFirst', 'findUnique', 'findMany', 'find', 'findAll', 'findOneBy', 'findBy', 'findOneOrFail',
  'findFirstOrThrow', 'findUniqueOrThrow', 'findAndCountAll', 'findOneAndUpdate', 'where', 'andWhere', 'count',
  'exists', 'countDocuments', 'first',
]);
/** Calls that run raw SQL with a parameter list: pg, mysql2, sqlite, knex.raw, pg-promise. */
const sqlMethods = new Set(['query', 'execute', 'raw', 'run', 'all', 'get', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'none']);
const prismaWrites = new Set(['create', 'update', 'upsert', 'createMany', 'updateMany']);
const mongoWrites = new Map<string, number>([['insertOne', 0], ['insertMany', 0], ['updateOne', 1], ['updateMany', 1], ['findOneAndUpdate', 1], ['replaceOne', 1]]);
/** Writes on a mongoose or Sequelize model, with the index of the object written. */
const modelWrites = new Map<string, number>([
  ['create', 0], ['insertMany', 0], ['build', 0], ['update', 0], ['updateOne', 1], ['updateMany', 1],
  ['findByIdAndUpdate', 1], ['findOneAndUpdate', 1], ['replaceOne', 1],
]);
/** Every name a call is checked by (checkCall): a call by another name is neither a lookup nor a write. */
const checkedCallNames: ReadonlySet<string> = new Set([
  ...lookupMethods, drizzleBuilder.equals, ...sqlMethods, ...prismaWrites, 'values', 'set', 'insert', 'update', ...mongoWrites.keys(), ...modelWrites.keys(),
]);
/** A model file that hashes on save: mongoose `pre('save')`, Sequelize `beforeCreate`, TypeORM `@BeforeInsert`. */
const saveHook = /\.pre\(\s*['"`](save|validate|updateOne|findOneAndUpdate)|\b(beforeCreate|beforeSave|beforeUpdate|beforeBulkCreate|BeforeInsert|BeforeUpdate|addHook)\b/;

/** What a text says of hashing on save: a save hook, the word hash, both or neither. */
function hashingWords(text: string): string {
  return `${saveHook.test(text) ? 'hook' : ''} ${/hash/i.test(text) ? 'hash' : ''}`;
}

const compareAdvice = 'Store a bcrypt or argon2 hash and check it with `bcrypt.compare` (or `argon2.verify`).';
const lookupAdvice = 'Find the user by email or username, then check the password with `bcrypt.compare`.';
const writeAdvice = 'Hash it with bcrypt or argon2 before storing it.';

function objectLiteral(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

function propertyObject(obj: ts.ObjectLiteralExpression | undefined, name: string): ts.ObjectLiteralExpression | undefined {
  if (!obj) return undefined;
  const prop = obj.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name);
  return prop && ts.isPropertyAssignment(prop) ? objectLiteral(prop.initializer) : undefined;
}

/** The password-named properties of an object literal, with the value each one holds. */
function passwordProperties(obj: ts.ObjectLiteralExpression): { prop: ts.ObjectLiteralElementLike; key: string; value: ts.Expression }[] {
  const out: { prop: ts.ObjectLiteralElementLike; key: string; value: ts.Expression }[] = [];
  for (const prop of obj.properties) {
    if (ts.isShorthandPropertyAssignment(prop) && passwordNameKind(prop.name.text) !== undefined) {
      out.push({ prop, key: prop.name.text, value: prop.name });
    } else if (ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) && passwordNameKind(prop.name.text) !== undefined) {
      out.push({ prop, key: prop.name.text, value: prop.initializer });
    }
  }
  return out;
}

/** The receiver chain of a call, innermost first: `db.insert(users).values(…)` → [db, db.insert(users), …]. */
function chainCalls(expr: ts.Expression | undefined): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  for (let e = expr && unwrap(expr); e; ) {
    if (ts.isCallExpression(e)) {
      out.push(e);
      e = unwrap(e.expression);
    } else if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      e = unwrap(e.expression);
    } else break;
  }
  return out;
}

/** The SQL text of a literal, or of a `const` bound to one. */
function sqlText(expr: ts.Expression | undefined, facts: Facts): string | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  const text = stringText(e);
  if (text !== undefined) return text;
  const declared = ts.isIdentifier(e) ? facts.constInitializer(e) : undefined;
  return declared && stringText(unwrap(declared));
}

/**
 * `if (user.password !== dto.password) password = await bcrypt.hash(dto.password, salt)`: the comparison only asks
 * whether a new password was sent, and the branch it guards hashes it, so what is stored is a hash.
 */
function hashesWhenDifferent(comparison: ts.BinaryExpression, plain: ts.Expression, negated: boolean, sourceFile: ts.SourceFile): boolean {
  let n: ts.Node = comparison;
  while (ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) n = n.parent;
  const statement = n.parent;
  if (!negated || !ts.isIfStatement(statement) || statement.expression !== n) return false;
  const value = plain.getText(sourceFile);
  let hashes = false;
  preorder(statement.thenStatement, (node) => {
    if (hashes) return false;
    if (ts.isCallExpression(node) && /^(hash|hashSync)$/.test(calleeName(node) ?? '') && node.arguments[0]?.getText(sourceFile) === value) hashes = true;
    return !hashes;
  });
  return hashes;
}

export const plaintextPassword: Rule = {
  meta: {
    id: 'plaintext-password',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Password stored or compared in plaintext',
    description:
      'A password compared with `===`, looked up in a query, or written to the database as typed means the database holds passwords in plaintext: one leak exposes every user, and their other accounts too. Store a bcrypt or argon2 hash and verify with its compare function.',
    fixable: 'suggestion',
    scope: 'declaration',
    // Whether a model of the file hashes on save is read from the whole text (`fileHashesOnSave`): what each unit
    // says of it, hook and hash apart, and a change runs the rule on every unit.
    unitInputs: { of: 'unit', read: (node) => hashingWords(node.getFullText()) },
    sources: ['CWE-256', 'CWE-257', 'CWE-916', 'OWASP A02:2021', 'OWASP Password Storage Cheat Sheet'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (context.facts.isTestFile) return {};
    let hashesOnSave: boolean | undefined;
    const fileHashesOnSave = (): boolean => (hashesOnSave ??= hashingWords(sourceFile.text) === 'hook hash');

    /** A mongoose or Sequelize model defined in this file, so its hooks (or their absence) are in view. */
    const isLocalModel = (expr: ts.Expression): boolean => {
      const e = unwrap(expr);
      if (!ts.isIdentifier(e) || fileHashesOnSave()) return false;
      const decl = facts.resolve(e);
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
        const init = unwrap(decl.initializer);
        if (!ts.isCallExpression(init)) return false;
        const name = calleeName(init);
        const library = facts.libraryOf(init.expression)?.library;
        return definesModel(library, name);
      }
      if (decl && ts.isClassDeclaration(decl)) {
        const base = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
        return base !== undefined && isModelBaseLibrary(facts.libraryOf(base)?.library);
      }
      return false;
    };

    const hashFix = (value: ts.Expression, replace: { start: number; end: number }, prefix: string, at: ts.Node): OffsetFix[] => {
      if (!canAwait(at)) return [];
      const hashed = hashCode(facts, value.getText(sourceFile));
      const edits: OffsetEdit[] = [{ start: replace.start, end: replace.end, text: `${prefix}${hashed.code}` }];
      if (hashed.importEdit) edits.push(hashed.importEdit);
      return [{ title: `Hash with ${hashed.library}`, safe: false, edits }];
    };

    /** Reports a password-named property of a written object when its value is a password as typed. */
    const checkWrittenObject = (obj: ts.ObjectLiteralExpression | undefined, writer: () => string): void => {
      if (!obj) return;
      for (const { prop, key, value } of passwordProperties(obj)) {
        const plain = plainPassword(value, facts);
        if (!plain || isReassignedBefore(value, prop, facts)) continue;
        const shorthand = ts.isShorthandPropertyAssignment(prop);
        const span = shorthand ? { start: prop.getStart(sourceFile), end: prop.getEnd() } : { start: value.getStart(sourceFile), end: value.getEnd() };
        context.report({
          at: prop,
          message: `\`${plain}\` is stored unhashed as \`${key}\` by \`${writer()}\`: one leak of this table exposes every user's password, and their other accounts. ${writeAdvice}`,
          fixes: hashFix(value, span, shorthand ? `${key}: ` : '', prop),
        });
      }
    };

    const checkLookupObject = (obj: ts.ObjectLiteralExpression | undefined, lookup: string): void => {
      if (!obj) return;
      for (const { prop, value } of passwordProperties(obj)) {
        const plain = plainPassword(value, facts);
        if (!plain) continue;
        context.report({
          at: prop,
          message: `\`${lookup}\` looks the user up by the plaintext \`${plain}\`: that only matches if passwords are stored unhashed. ${lookupAdvice}`,
        });
      }
    };

    const checkLookup = (call: ts.CallExpression, name: string): void => {
      const [first, second, third] = call.arguments;
      const lookup = `${name}()`;
      // knex / Firestore: `.where('password', password)`, `.where('password', '==', password)`.
      const column = stringText(first);
      if (column !== undefined && passwordNameKind(column) !== undefined && (name === 'where' || name === 'andWhere')) {
        const value = third ?? second;
        const plain = value && plainPassword(value, facts);
        if (plain) context.report({ at: value, message: `\`${lookup}\` looks the user up by the plaintext \`${plain}\`: that only matches if passwords are stored unhashed. ${lookupAdvice}` });
        return;
      }
      const filter = objectLiteral(first);
      checkLookupObject(filter, lookup);
      checkLookupObject(propertyObject(filter, 'where'), lookup);
    };

    const checkSql = (sqlArg: ts.Expression | undefined, params: readonly ts.Expression[] | undefined, call: ts.CallExpression): void => {
      const sql = sqlText(sqlArg, facts);
      if (sql === undefined || !params) return;
      for (const p of passwordParameters(sql)) {
        const value = params[p.index];
        const plain = value && !ts.isSpreadElement(value) ? plainPassword(value, facts) : undefined;
        if (!value || !plain) continue;
        if (p.use === 'lookup') {
          context.report({ at: value, message: `This SQL matches the \`${p.column}\` column against the plaintext \`${plain}\`: that only works if passwords are stored unhashed. ${lookupAdvice}` });
        } else if (!isReassignedBefore(value, call, facts)) {
          context.report({
            at: value,
            message: `\`${plain}\` is written to the \`${p.column}\` column unhashed: one leak of this table exposes every user's password, and their other accounts. ${writeAdvice}`,
            fixes: hashFix(value, { start: value.getStart(sourceFile), end: value.getEnd() }, '', value),
          });
        }
      }
    };

    const checkCall = (call: ts.CallExpression): void => {
      const name = calleeName(call);
      if (name === undefined || !checkedCallNames.has(name)) return;
      if (lookupMethods.has(name)) checkLookup(call, name);
      // Drizzle: `where(eq(users.password, password))`.
      if (name === drizzleBuilder.equals && call.arguments.length === 2 && facts.libraryOf(call.expression)?.library === drizzle.id) {
        const [column, value] = call.arguments;
        const plain = mayBePassword(column) ? plainPassword(value, facts) : undefined;
        if (plain) {
          context.report({ at: value, message: `This query matches \`${column.getText(sourceFile)}\` against the plaintext \`${plain}\`: that only works if passwords are stored unhashed. ${lookupAdvice}` });
        }
      }
      const receiver = calleeObject(call);
      // Named only when reported: most calls are not writes.
      const writer = (): string => (receiver ? `${receiver.getText(sourceFile)}.${name}` : name);
      const [first, second] = call.arguments;

      if (sqlMethods.has(name)) {
        const prepared = chainCalls(receiver).find((c) => calleeName(c) === 'prepare');
        if (prepared && receiver && ts.isCallExpression(unwrap(receiver))) checkSql(prepared.arguments[0], call.arguments, call);
        const config = objectLiteral(first);
        if (config) {
          const values = config.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'values');
          const list = values && ts.isPropertyAssignment(values) ? unwrap(values.initializer) : undefined;
          const text = config.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && (p.name.text === 'text' || p.name.text === 'sql'));
          if (text && ts.isPropertyAssignment(text) && list && ts.isArrayLiteralExpression(list)) checkSql(text.initializer, list.elements, call);
        } else if (second && ts.isArrayLiteralExpression(unwrap(second))) {
          checkSql(first, (unwrap(second) as ts.ArrayLiteralExpression).elements, call);
        }
      }

      // Prisma: `prisma.user.create({ data: { password } })`; no hooks can hash it on the way.
      if (prismaWrites.has(name)) {
        const args = objectLiteral(first);
        for (const key of ['data', 'create', 'update']) checkWrittenObject(propertyObject(args, key), writer);
      }
      // Drizzle: `db.insert(users).values({ … })`, `db.update(users).set({ … })`.
      if ((name === 'values' || name === 'set') && chainCalls(receiver).some((c) => calleeName(c) === (name === 'values' ? 'insert' : 'update'))) {
        const value = first && unwrap(first);
        const rows = value && ts.isArrayLiteralExpression(value) ? value.elements : call.arguments;
        for (const row of rows) checkWrittenObject(objectLiteral(row), writer);
      }
      // knex: `knex('users').insert({ … })`, `db('users').where(…).update({ … })`.
      if ((name === 'insert' || name === 'update') && chainCalls(receiver).some((c) => ts.isIdentifier(unwrap(c.expression)) && stringText(c.arguments[0]) !== undefined)) {
        checkWrittenObject(objectLiteral(first), writer);
      }
      // The MongoDB driver: `db.collection('users').insertOne({ … })`, `updateOne(filter, { $set: { … } })`.
      const mongoIndex = mongoWrites.get(name);
      if (mongoIndex !== undefined && (chainCalls(receiver).some((c) => calleeName(c) === 'collection') || (receiver !== undefined && facts.libraryOf(receiver)?.library === 'mongodb'))) {
        const written = objectLiteral(call.arguments[mongoIndex]);
        checkWrittenObject(written, writer);
        checkWrittenObject(propertyObject(written, '$set'), writer);
      }
      // A mongoose or Sequelize model defined here without a hashing hook.
      const modelIndex = modelWrites.get(name);
      if (modelIndex !== undefined && receiver && isLocalModel(receiver)) {
        const written = objectLiteral(call.arguments[modelIndex]);
        checkWrittenObject(written, writer);
        checkWrittenObject(propertyObject(written, '$set'), writer);
      }
    };

    /** `user.password = req.body.password` on a document of a model defined here without a hashing hook. */
    const checkAssignment = (node: ts.BinaryExpression): void => {
      const target = node.left;
      if (!ts.isPropertyAccessExpression(target) || passwordNameKind(target.name.text) === undefined) return;
      const base = unwrap(target.expression);
      const decl = ts.isIdentifier(base) ? facts.resolve(base) : undefined;
      const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
      if (!init || !(ts.isNewExpression(init) || ts.isCallExpression(init))) return;
      const model = ts.isNewExpression(init) ? init.expression : calleeObject(init);
      if (!model || !isLocalModel(model)) return;
      const plain = plainPassword(node.right, facts);
      if (!plain) return;
      context.report({
        at: node,
        message: `\`${plain}\` is stored unhashed as \`${target.getText(sourceFile)}\`: one leak of this table exposes every user's password, and their other accounts. ${writeAdvice}`,
        fixes: hashFix(node.right, { start: node.right.getStart(sourceFile), end: node.right.getEnd() }, '', node),
      });
    };

    const checkComparison = (node: ts.BinaryExpression, op: { text: string; negated: boolean }): void => {
      const { left, right } = node;
      if (!mayBePassword(left) && !mayBePassword(right)) return;
      const storedLeft = isStoredPassword(left, facts);
      const storedRight = isStoredPassword(right, facts);
      if (storedLeft === storedRight) return;
      const [stored, other] = storedLeft ? [left, right] : [right, left];
      const plain = plainPassword(other, facts);
      if (!plain || hashesWhenDifferent(node, other, op.negated, sourceFile)) return;
      const fixes: OffsetFix[] = [];
      if (canAwait(node)) {
        const verify = verifyCode(facts, other.getText(sourceFile), stored.getText(sourceFile));
        const edits: OffsetEdit[] = [{ start: node.getStart(sourceFile), end: node.getEnd(), text: op.negated ? `!(${verify.code})` : verify.code }];
        if (verify.importEdit) edits.push(verify.importEdit);
        fixes.push({ title: verify.library === 'argon2' ? 'Use argon2.verify' : 'Use bcrypt.compare', safe: false, edits });
      }
      context.report({
        at: node,
        message: `\`${stored.getText(sourceFile)}\` is compared with \`${plain}\` by \`${op.text}\`: that only works if passwords are stored in plaintext, where one leak exposes every user. ${compareAdvice}`,
        fixes,
      });
    };

    return {
      BinaryExpression(node) {
        const kind = node.operatorToken.kind;
        if (kind === ts.SyntaxKind.EqualsToken) {
          checkAssignment(node);
          return;
        }
        const op = equality.get(kind);
        if (op) checkComparison(node, op);
      },
      CallExpression(call) {
        checkCall(call);
      },
      NewExpression(node) {
        if (node.arguments && node.arguments.length > 0 && isLocalModel(node.expression)) {
          checkWrittenObject(objectLiteral(node.arguments[0]), () => `new ${node.expression.getText(sourceFile)}`);
        }
      },
    };
  },
};
