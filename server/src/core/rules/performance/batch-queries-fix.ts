/**
 * "Batch these queries": a per-item lookup by one key inside `for (const item of items)` becomes one set-based
 * query before the loop (`= ANY($1)`, `IN (?)`, `whereIn`, `{ in }`, `[Op.in]`, `In()`, `inArray`, `$in`) and a
 * Map lookup in its place. Offered only for the shape where that rewrite is mechanical:
 *
 *   for (const order of orders) {
 *     const customer = await <one row where key = order.customerId>;
 *
 * It is a suggestion: a missing row becomes `undefined` instead of `null` (or a thrown error for `…OrThrow`),
 * and the rows arrive in one result set.
 */
import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { DatabaseQuery } from '../../facts/database-reads';
import type { Loop } from '../../facts/loops';
import { lineIndent, objectProperty, unwrap } from '../../facts/syntax';
import { addNamedImport } from '../../fixers/add-import';

interface Lookup {
  /** The key field the rows are matched on (`id`, `_id`, `customer_id`). */
  field: string;
  /** The per-item key expression (`order.customerId`). */
  key: ts.Expression;
  /** Edits, against the file, that turn the lookup call into the batched call once `key` is replaced. */
  callEdits: OffsetEdit[];
  /** The node the keys replace, when it is not `key` itself (knex's `{ id: key }` becomes `'id', keys`). */
  replaced?: ts.Node;
  /** What replaces `key` in the batched call, given the list of keys. */
  keysAs: (keys: string) => string;
  /** How the batched result is bound: `NAME` → `const NAME = …` or `const { rows: NAME } = …`. */
  bind: (name: string) => string;
  /** Names to import for the batched call. */
  imports?: { module: string; name: string }[];
  /** Mongoose ids are ObjectIds: compare them as strings. */
  stringKeys?: boolean;
}

const loneFinders = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow']);

export function batchQueriesFix(query: DatabaseQuery, loop: Loop, facts: Facts): OffsetFix | undefined {
  const sf = facts.sourceFile;
  if (loop.kind !== 'for-of' || !loop.item || !loop.iterable) return undefined;
  // SQL and Drizzle return arrays: their binding (`{ rows: [c] }`, `[c]`) is what shows one row is wanted.
  if (query.rows !== 'one' && query.style !== 'sql' && query.style !== 'drizzle') return undefined;
  const forOf = loop.node as ts.ForOfStatement;
  const iterable = unwrap(loop.iterable);
  if (!ts.isIdentifier(iterable) && !ts.isPropertyAccessExpression(iterable)) return undefined;
  if (!ts.isBlock(forOf.statement)) return undefined;
  const statement = lookupStatement(query.call, forOf.statement);
  if (!statement) return undefined;
  const decl = statement.declarationList.declarations[0];
  const name = boundName(decl, query);
  if (!name) return undefined;
  const lookup = lookupOf(query, decl, facts);
  if (!lookup || !onlyUses(lookup.key, loop.item, facts)) return undefined;

  const rowsName = `${name}Rows`;
  const mapName = `${name}By${lookup.field.replace(/^_/, '').replace(/^./, (c) => c.toUpperCase()).replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}`;
  if (facts.resolveName(rowsName, forOf) || facts.resolveName(mapName, forOf) || facts.resolveName('row', forOf)) return undefined;

  const keyText = lookup.key.getText(sf);
  const keys = keyText === loop.item ? iterable.getText(sf) : `${iterable.getText(sf)}.map((${loop.item}) => ${keyText})`;
  const edits: OffsetEdit[] = [];
  const imports: OffsetEdit[] = [];
  for (const request of lookup.imports ?? []) {
    const added = addNamedImport(facts, request);
    if (!added || added.name !== request.name) return undefined;
    if (added.edit) imports.push(added.edit);
  }
  const callStart = query.call.getStart(sf);
  const replaced = lookup.replaced ?? lookup.key;
  const all = [...lookup.callEdits, { start: replaced.getStart(sf), end: replaced.getEnd(), text: lookup.keysAs(keys) }].sort((a, b) => b.start - a.start);
  let callText = query.call.getText(sf);
  for (const e of all) callText = callText.slice(0, e.start - callStart) + e.text + callText.slice(e.end - callStart);

  const indent = lineIndent(sf, forOf.getStart(sf));
  const asConst = /\.[cm]?tsx?$/.test(sf.fileName) ? ' as const' : '';
  const rowKey = lookup.stringKeys ? `String(row.${lookup.field})` : `row.${lookup.field}`;
  const lookupKey = lookup.stringKeys ? `String(${keyText})` : keyText;
  const before =
    `const ${lookup.bind(rowsName)} = await ${callText};\n` +
    `${indent}const ${mapName} = new Map(${rowsName}.map((row) => [${rowKey}, row]${asConst}));\n${indent}`;
  edits.push({ start: forOf.getStart(sf), end: forOf.getStart(sf), text: before });
  const keyword = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0 ? 'const' : 'let';
  edits.push({ start: statement.getStart(sf), end: statement.getEnd(), text: `${keyword} ${name} = ${mapName}.get(${lookupKey});` });
  return { title: 'Batch these queries', safe: false, edits: [...imports, ...edits] };
}

/** `const x = await q;` directly in the loop body, one declaration. */
function lookupStatement(call: ts.CallExpression, body: ts.Block): ts.VariableStatement | undefined {
  let n: ts.Node = call;
  while (n.parent && n.parent !== body) n = n.parent;
  if (!ts.isVariableStatement(n) || n.declarationList.declarations.length !== 1) return undefined;
  return n;
}

/**
 * The name the one row is bound to: `const c = await q`, `const { rows: [c] } = await q` (pg),
 * `const c = (await q).rows[0]`, `const [[c]] = await q` (mysql2), `const [c] = await q` (Drizzle).
 */
function boundName(decl: ts.VariableDeclaration, query: DatabaseQuery): string | undefined {
  const init = decl.initializer;
  if (!init) return undefined;
  const awaited = ts.isAwaitExpression(init) && unwrap(init.expression) === query.call;
  const n = decl.name;
  if (query.style === 'sql') {
    if (awaited && ts.isObjectBindingPattern(n) && n.elements.length === 1) {
      const el = n.elements[0];
      const prop = el.propertyName;
      if (prop && ts.isIdentifier(prop) && prop.text === 'rows' && ts.isArrayBindingPattern(el.name)) return onlyElement(el.name);
    }
    if (awaited && ts.isArrayBindingPattern(n) && n.elements.length === 1) {
      const inner = n.elements[0];
      if (ts.isBindingElement(inner) && ts.isArrayBindingPattern(inner.name)) return onlyElement(inner.name);
    }
    // `(await pool.query(…)).rows[0]`
    if (ts.isIdentifier(n) && ts.isElementAccessExpression(init) && init.argumentExpression.getText() === '0') {
      const rows = init.expression;
      if (ts.isPropertyAccessExpression(rows) && rows.name.text === 'rows' && ts.isParenthesizedExpression(rows.expression)) {
        const inner = rows.expression.expression;
        if (ts.isAwaitExpression(inner) && unwrap(inner.expression) === query.call) return n.text;
      }
    }
    return undefined;
  }
  if (!awaited) return undefined;
  if (query.style === 'drizzle') return ts.isArrayBindingPattern(n) ? onlyElement(n) : undefined;
  return ts.isIdentifier(n) ? n.text : undefined;
}

function onlyElement(pattern: ts.ArrayBindingPattern): string | undefined {
  if (pattern.elements.length !== 1) return undefined;
  const el = pattern.elements[0];
  return ts.isBindingElement(el) && ts.isIdentifier(el.name) && !el.initializer && !el.dotDotDotToken ? el.name.text : undefined;
}

/** `{ field: key }` with exactly one property. */
function singleKey(obj: ts.Expression | undefined): { field: string; key: ts.Expression } | undefined {
  if (!obj) return undefined;
  const o = unwrap(obj);
  if (!ts.isObjectLiteralExpression(o) || o.properties.length !== 1) return undefined;
  const p = o.properties[0];
  if (ts.isShorthandPropertyAssignment(p)) return { field: p.name.text, key: p.name };
  if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
    const v = unwrap(p.initializer);
    // A nested operator (`{ id: { gt: 3 } }`) is not an equality lookup.
    if (ts.isObjectLiteralExpression(v) || ts.isArrayLiteralExpression(v)) return undefined;
    return /^[A-Za-z_$][\w$]*$/.test(p.name.text) ? { field: p.name.text, key: p.initializer } : undefined;
  }
  return undefined;
}

function whereOf(options: ts.Expression | undefined): ts.Expression | undefined {
  if (!options) return undefined;
  const o = unwrap(options);
  if (!ts.isObjectLiteralExpression(o)) return undefined;
  const w = objectProperty(o, 'where');
  return w && ts.isPropertyAssignment(w) ? w.initializer : undefined;
}

/** Renames the method of `call` (`findUnique` → `findMany`). */
function renameMethod(call: ts.CallExpression, to: string): OffsetEdit[] {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return [];
  return [{ start: callee.name.getStart(), end: callee.name.getEnd(), text: to }];
}

/** A shorthand `{ id }` key must become `id: …`: edit the whole property instead of the name. */
function keyEdit(l: { field: string; key: ts.Expression }): { key: ts.Expression; prefix: string } {
  return ts.isShorthandPropertyAssignment(l.key.parent) ? { key: l.key, prefix: `${l.field}: ` } : { key: l.key, prefix: '' };
}

function lookupOf(query: DatabaseQuery, decl: ts.VariableDeclaration, facts: Facts): Lookup | undefined {
  const call = query.chain[query.chain.length - 1];
  const sf = facts.sourceFile;
  const arrayBind = (name: string): string => name;
  const withPrefix = (l: { field: string; key: ts.Expression }, wrap: (keys: string) => string, rest: Omit<Lookup, 'field' | 'key' | 'keysAs'>): Lookup => {
    const { prefix } = keyEdit(l);
    return { field: l.field, key: l.key, keysAs: (keys) => `${prefix}${wrap(keys)}`, ...rest };
  };
  switch (query.style) {
    case 'prisma': {
      if (!loneFinders.has(query.method) || call.arguments.length !== 1) return undefined;
      const opts = unwrap(call.arguments[0]);
      const l = singleKey(whereOf(opts));
      if (!l || !ts.isObjectLiteralExpression(opts) || objectProperty(opts, 'select')) return undefined;
      return withPrefix(l, (keys) => `{ in: ${keys} }`, { callEdits: renameMethod(call, 'findMany'), bind: arrayBind });
    }
    case 'sequelize': {
      const imports = [{ module: 'sequelize', name: 'Op' }];
      if (query.method === 'findByPk' && call.arguments.length === 1) {
        const key = call.arguments[0];
        return { field: 'id', key, keysAs: (keys) => `{ where: { id: { [Op.in]: ${keys} } } }`, callEdits: renameMethod(call, 'findAll'), bind: arrayBind, imports };
      }
      if (query.method !== 'findOne' || call.arguments.length !== 1) return undefined;
      const opts = unwrap(call.arguments[0]);
      const l = singleKey(whereOf(opts));
      if (!l || !ts.isObjectLiteralExpression(opts) || objectProperty(opts, 'attributes')) return undefined;
      return withPrefix(l, (keys) => `{ [Op.in]: ${keys} }`, { callEdits: renameMethod(call, 'findAll'), bind: arrayBind, imports });
    }
    case 'typeorm': {
      const imports = [{ module: 'typeorm', name: 'In' }];
      if (call.arguments.length !== 1) return undefined;
      if (query.method === 'findOneBy') {
        const l = singleKey(call.arguments[0]);
        return l && withPrefix(l, (keys) => `In(${keys})`, { callEdits: renameMethod(call, 'findBy'), bind: arrayBind, imports });
      }
      if (query.method !== 'findOne') return undefined;
      const opts = unwrap(call.arguments[0]);
      const l = singleKey(whereOf(opts));
      if (!l || !ts.isObjectLiteralExpression(opts) || objectProperty(opts, 'select')) return undefined;
      return withPrefix(l, (keys) => `In(${keys})`, { callEdits: renameMethod(call, 'find'), bind: arrayBind, imports });
    }
    case 'mongoose': {
      const model = query.chain.find((c) => ts.isPropertyAccessExpression(c.expression) && (c.expression.name.text === 'findById' || c.expression.name.text === 'findOne'));
      if (!model || model.arguments.length !== 1 || query.chain.some((c) => ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === 'select')) return undefined;
      const method = (model.expression as ts.PropertyAccessExpression).name.text;
      if (method === 'findById') {
        return { field: '_id', key: model.arguments[0], keysAs: (keys) => `{ _id: { $in: ${keys} } }`, callEdits: renameMethod(model, 'find'), bind: arrayBind, stringKeys: true };
      }
      const l = singleKey(model.arguments[0]);
      return l && withPrefix(l, (keys) => `{ $in: ${keys} }`, { callEdits: renameMethod(model, 'find'), bind: arrayBind, stringKeys: l.field === '_id' });
    }
    case 'knex': {
      const links = query.chain;
      const last = links[links.length - 1];
      const wheres = links.filter((c) => (c.expression as ts.PropertyAccessExpression).name.text === 'where');
      if ((last.expression as ts.PropertyAccessExpression).name.text !== 'first' || last.arguments.length !== 0 || wheres.length !== 1) return undefined;
      const where = wheres[0];
      const dropFirst: OffsetEdit = { start: (last.expression as ts.PropertyAccessExpression).expression.getEnd(), end: last.getEnd(), text: '' };
      const whereName = (where.expression as ts.PropertyAccessExpression).name;
      let field: string | undefined;
      let key: ts.Expression | undefined;
      if (where.arguments.length === 2 && ts.isStringLiteralLike(where.arguments[0])) {
        field = where.arguments[0].text;
        key = where.arguments[1];
      } else if (where.arguments.length === 1) {
        const l = singleKey(where.arguments[0]);
        field = l?.field;
        key = l?.key;
      }
      if (!field || !key || !/^[A-Za-z_][\w]*$/.test(field)) return undefined;
      const byObject = where.arguments.length === 1;
      return {
        field,
        key,
        replaced: byObject ? where.arguments[0] : undefined,
        keysAs: (keys) => (byObject ? `'${field}', ${keys}` : keys),
        callEdits: [{ start: whereName.getStart(sf), end: whereName.getEnd(), text: 'whereIn' }, dropFirst],
        bind: arrayBind,
      };
    }
    case 'drizzle': {
      const where = query.chain.find((c) => (c.expression as ts.PropertyAccessExpression).name.text === 'where');
      const cond = where?.arguments.length === 1 ? unwrap(where.arguments[0]) : undefined;
      if (!cond || !ts.isCallExpression(cond) || !ts.isIdentifier(cond.expression) || cond.expression.text !== 'eq' || cond.arguments.length !== 2) return undefined;
      if (query.chain.some((c) => (c.expression as ts.PropertyAccessExpression).name.text === 'limit')) return undefined;
      const column = unwrap(cond.arguments[0]);
      if (!ts.isPropertyAccessExpression(column)) return undefined;
      return {
        field: column.name.text,
        key: cond.arguments[1],
        keysAs: (keys) => keys,
        callEdits: [{ start: cond.expression.getStart(sf), end: cond.expression.getEnd(), text: 'inArray' }],
        bind: (name) => name,
        imports: [{ module: 'drizzle-orm', name: 'inArray' }],
      };
    }
    case 'sql':
      return sqlLookup(query, decl, sf);
  }
}

function sqlLookup(query: DatabaseQuery, decl: ts.VariableDeclaration, sf: ts.SourceFile): Lookup | undefined {
  const call = query.call;
  const [sqlArg, values] = call.arguments;
  if (!sqlArg || !values || call.arguments.length !== 2 || !ts.isStringLiteralLike(sqlArg)) return undefined;
  if (!ts.isArrayLiteralExpression(values) || values.elements.length !== 1 || ts.isSpreadElement(values.elements[0])) return undefined;
  const text = sqlArg.getText(sf);
  const dollar = /([\w".]+)\s*=\s*\$1\b/.exec(text);
  const question = /([\w`.]+)\s*=\s*\?/.exec(text);
  const m = dollar ?? question;
  if (!m || (dollar && /\$2\b/.test(text)) || (question && (text.match(/\?/g) ?? []).length !== 1)) return undefined;
  const field = m[1].replace(/^.*\./, '').replace(/["`]/g, '');
  if (!/^[A-Za-z_]\w*$/.test(field)) return undefined;
  const start = sqlArg.getStart(sf);
  const placeholder = dollar ? `${m[1]} = ANY($1)` : `${m[1]} IN (?)`;
  const withoutLimit = (text.slice(0, m.index) + placeholder + text.slice(m.index + m[0].length)).replace(/\s+LIMIT\s+1\b/i, '');
  const edits: OffsetEdit[] = [{ start, end: sqlArg.getEnd(), text: withoutLimit }];
  // mysql2's `execute` prepares the statement, and a prepared `IN (?)` takes one value, not a list.
  if (question && query.method === 'execute') edits.push(...renameMethod(call, 'query'));
  const pg = ts.isObjectBindingPattern(decl.name) || !ts.isArrayBindingPattern(decl.name);
  return {
    field,
    key: values.elements[0],
    keysAs: (keys) => keys,
    callEdits: edits,
    bind: (name) => (pg ? `{ rows: ${name} }` : `[${name}]`),
  };
}

/** Whether every name in `key` is the loop's item (or a property of it), so the key can be computed before the loop. */
function onlyUses(key: ts.Expression, item: string, facts: Facts): boolean {
  let ok = true;
  facts.walk(key, (n) => {
    if (!ok) return false;
    if (ts.isIdentifier(n)) {
      const parent = n.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === n) return true;
      if (n.text !== item && !facts.isConstant(n)) ok = false;
    }
    if (ts.isCallExpression(n) || ts.isAwaitExpression(n)) ok = false;
    return ok;
  });
  return ok;
}
