import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { LibraryId, isKind, mongoFilterMethods } from '../../catalog';
import { calleeName, objectProperty, unwrap } from '../../facts/syntax';
import { isValidatedField } from '../../facts/validated-fields';
import { reportImportedSinks } from '../../project/imported-flow';

const isMongoLibrary = (library: LibraryId | undefined): boolean => isKind(library, 'document-store');
/** SQL ORMs and drivers share method names (`findOne`) but take no operator objects from values. */
const isSqlLibrary = (library: LibraryId | undefined): boolean => isKind(library, 'orm', 'sql-driver');
/** Keys whose value is a list of filters. */
const logicalKeys = new Set(['$and', '$or', '$nor']);

/** Whether `call` is a MongoDB or Mongoose query: by the receiver's library, or a Mongo file's model or collection. */
function isMongoQuery(call: ts.CallExpression, facts: Facts, file: MongoFile): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = unwrap(callee.expression);
  // `db.collection('users').findOne(…)`
  if (ts.isCallExpression(receiver) && calleeName(receiver) === 'collection') return !file.sql;
  // A model the project says is Mongoose's (`require('../db/Comment')`) is one, whatever the file imports.
  const library = facts.libraryOf(receiver)?.library;
  if (isMongoLibrary(library)) return true;
  if (!file.mongo) return false;
  if (file.sql || isSqlLibrary(library)) return false;
  return true;
}

interface MongoFile {
  /** The file imports mongoose or mongodb, or models from a models folder. */
  mongo: boolean;
  /** The file imports a SQL client or ORM, whose `findOne` takes no operator objects from values. */
  sql: boolean;
}

function mongoFileOf(facts: Facts): MongoFile {
  return {
    mongo: facts.imports.some((i) => isMongoLibrary(i.library) || /(^|\/)models?(\/|$)|\.model$/i.test(i.module)),
    sql: facts.imports.some((i) => isSqlLibrary(i.library)),
  };
}

/** An object literal written in place, or a `const` bound to one. */
function literalOf(expr: ts.Expression, facts: Facts): ts.ObjectLiteralExpression | undefined {
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const declared = facts.constInitializer(e);
  const init = declared && unwrap(declared);
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

function keyOf(p: ts.ObjectLiteralElementLike): string | undefined {
  const n = p.name;
  return n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined;
}

interface Offence {
  at: ts.Node;
  message: string;
  fixes: OffsetFix[];
}

function valueFixes(p: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, sourceFile: ts.SourceFile): OffsetFix[] {
  const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
  const text = value.getText(sourceFile);
  const start = ts.isPropertyAssignment(p) ? value.getStart(sourceFile) : p.getEnd();
  const end = ts.isPropertyAssignment(p) ? value.getEnd() : p.getEnd();
  const prefix = ts.isPropertyAssignment(p) ? '' : ': ';
  return [
    { title: 'Convert to a string with String()', safe: false, edits: [{ start, end, text: `${prefix}String(${text})` }] },
    { title: 'Compare with $eq', safe: false, edits: [{ start, end, text: `${prefix}{ $eq: ${text} }` }] },
  ];
}

/** The values in a filter that may be operator objects from the request, and `$where` code. */
function offencesIn(filter: ts.Expression, facts: Facts, out: Offence[], depth = 0): void {
  if (depth > 4) return;
  const obj = literalOf(filter, facts);
  if (!obj) {
    const origin = facts.requestOrigin(filter, { sink: 'nosql' });
    if (origin) {
      out.push({ at: filter, fixes: [], message: `\`${origin.source}\` is used as the whole MongoDB filter: the sender chooses every field and operator (\`{ "password": { "$ne": null } }\`). Build the filter from named fields converted with String().` });
    }
    return;
  }
  // ORM-shaped options (`{ where: … }`) are not Mongo filters.
  if (objectProperty(obj, 'where')) return;
  // `const filter = {}; filter.email = req.body.email;`: fields set after the literal are fields too.
  const named = unwrap(filter);
  const decl = ts.isIdentifier(named) ? facts.resolve(named) : undefined;
  for (const value of decl ? facts.valuesPutInto(decl) : []) {
    const origin = ts.isObjectLiteralExpression(unwrap(value)) ? undefined : facts.requestOrigin(value, { sink: 'nosql' });
    if (origin) out.push({ at: value, fixes: [], message: `\`${origin.source}\` is set as a field of this MongoDB filter as sent: a JSON value such as \`{ "$ne": null }\` becomes an operator and matches any document. Convert it with String(), or compare with \`{ $eq: … }\`.` });
  }
  for (const p of obj.properties) {
    const key = keyOf(p);
    if (ts.isSpreadAssignment(p)) {
      // `...(name ? { name: { $regex: name } } : {})`: the filters spread in are checked field by field.
      const parts = spreadLiterals(p.expression, facts);
      if (parts) {
        for (const part of parts) offencesIn(part, facts, out, depth + 1);
        continue;
      }
      const origin = facts.requestOrigin(p.expression, { sink: 'nosql' });
      if (origin) out.push({ at: p, fixes: [], message: `\`${origin.source}\` is spread into this MongoDB filter: the sender chooses its fields and operators. Copy the fields you need, converted with String().` });
      continue;
    }
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    if (key === '$where') {
      if (!facts.isConstant(value)) {
        const origin = facts.requestOrigin(value, { sink: 'code' });
        out.push({ at: value, fixes: [], message: `\`$where\` runs this ${origin ? `string built from \`${origin.source}\`` : 'non-constant string'} as JavaScript on the database server: whoever shapes it can read or stall the whole collection. Express the condition with query operators instead.` });
      }
      continue;
    }
    if (key !== undefined && logicalKeys.has(key)) {
      const list = unwrap(value);
      if (ts.isArrayLiteralExpression(list)) for (const el of list.elements) offencesIn(el, facts, out, depth + 1);
      continue;
    }
    // An operator object written in code (`{ $eq: x }`, `{ $in: ids }`) compares its operands as values; only a
    // pattern is dangerous as text.
    const operators = unwrap(value);
    if (ts.isObjectLiteralExpression(operators)) {
      const regex = regexOffence(operators, facts);
      if (regex) out.push(regex);
      continue;
    }
    if (key !== undefined && key.startsWith('$')) continue;
    const origin = facts.requestOrigin(value, { sink: 'nosql' });
    if (!origin) continue;
    const field = /^(?:req|request)\.(?:body|query|params)\.(\w+)$/.exec(origin.source)?.[1];
    if (field !== undefined && isValidatedField(value, field, facts)) continue;
    out.push({
      at: value,
      fixes: valueFixes(p, facts.sourceFile),
      message: `\`${origin.source}\` goes into this MongoDB filter as sent: a JSON value such as \`{ "$ne": null }\` becomes an operator and matches any document (a login without a password). Convert it with String(), or compare with \`{ $eq: … }\`.`,
    });
  }
}

/** The object literals a spread value can be: in place, a `const`, or the branches of `?:`; undefined if any is not one. */
function spreadLiterals(expr: ts.Expression, facts: Facts, depth = 0): ts.ObjectLiteralExpression[] | undefined {
  const e = unwrap(expr);
  if (depth > 3) return undefined;
  if (ts.isConditionalExpression(e)) {
    const a = spreadLiterals(e.whenTrue, facts, depth + 1);
    const b = a && spreadLiterals(e.whenFalse, facts, depth + 1);
    return a && b ? [...a, ...b] : undefined;
  }
  if (ts.isIdentifier(e)) {
    const declared = facts.constInitializer(e);
    return declared && spreadLiterals(declared, facts, depth + 1);
  }
  return ts.isObjectLiteralExpression(e) ? [e] : undefined;
}

/** `{ $regex: req.query.name }`: text is enough to do harm as a pattern, so only an escape ends the flow. */
function regexOffence(operators: ts.ObjectLiteralExpression, facts: Facts): Offence | undefined {
  const regex = objectProperty(operators, '$regex');
  const pattern = regex && (ts.isPropertyAssignment(regex) ? regex.initializer : ts.isShorthandPropertyAssignment(regex) ? regex.name : undefined);
  const origin = pattern && facts.requestOrigin(pattern);
  if (!pattern || !origin) return undefined;
  return {
    at: pattern,
    fixes: [],
    message: `\`${origin.source}\` is used unescaped as a \`$regex\` pattern: the sender can send one that backtracks for seconds on every document (ReDoS) or \`.*\` to match them all. Escape it (for example with escape-string-regexp), or match a fixed prefix.`,
  };
}

/** `aggregate([{ $match: { … } }])`: the filters in its `$match` stages. */
function matchStages(pipeline: ts.Expression | undefined): ts.Expression[] {
  const list = pipeline && unwrap(pipeline);
  if (!list || !ts.isArrayLiteralExpression(list)) return [];
  const out: ts.Expression[] = [];
  for (const stage of list.elements) {
    const s = unwrap(stage);
    const match = ts.isObjectLiteralExpression(s) ? objectProperty(s, '$match') : undefined;
    if (match && ts.isPropertyAssignment(match)) out.push(match.initializer);
  }
  return out;
}

export const nosqlInjection: Rule = {
  meta: {
    id: 'nosql-injection',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request values as MongoDB operators',
    description:
      'A JSON body or a query string like `password[$ne]=x` turns a value into an object, and in a MongoDB filter that object is an operator: `{ password: { $ne: null } }` matches every user. Convert request values to strings (or compare with `$eq`) before they reach a filter, and never build `$where` code from data.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-943', 'OWASP A03:2021', 'semgrep javascript.express.security.injection.tainted-nosql', 'OWASP NoSQL Injection Testing Guide'],
  },
  create(context) {
    const { facts } = context;
    const file = mongoFileOf(facts);
    const reported = new Set<ts.Node>();
    return {
      CallExpression(call) {
        const method = calleeName(call);
        if (method === undefined || !mongoFilterMethods.has(method) || call.arguments.length === 0 || !isMongoQuery(call, facts, file)) {
          reportImportedSinks(call, 'nosql', context, 'puts it into a MongoDB query filter', 'an object such as `{ "$ne": null }` matches any document. Cast it to a string, or validate its type, before the query.');
          return;
        }
        const filters = method === 'aggregate' ? matchStages(call.arguments[0]) : [call.arguments[method === 'distinct' ? 1 : 0]];
        const offences: Offence[] = [];
        for (const filter of filters) if (filter) offencesIn(filter, facts, offences);
        // A filter spread into several queries (a count and a find) is reported once, where it is built.
        for (const o of offences) {
          if (reported.has(o.at)) continue;
          reported.add(o.at);
          context.report({ at: o.at, message: o.message, fixes: o.fixes });
        }
      },
    };
  },
};
