import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { DatabaseQuery, databaseQueryOf, isOutermostCall } from '../../facts/database-reads';
import { objectProperty, unwrap } from '../../facts/syntax';
import { addPropertyEdit, insertArgumentEdit } from '../../fixers/object-property';
import { orms, sqlPlaceholderOf } from '../../catalog';

/** Last names of calls that can end a many-row read. */
const readEndings = new Set(['query', 'execute', 'all', 'unsafe', 'many', 'manyOrNone', 'any', 'findMany', 'findAll', 'findAndCountAll', 'find', 'findAndCount', 'select', 'from', 'orderBy', 'lean', 'exec', 'populate', 'sort', 'innerJoin', 'leftJoin', 'join', 'columns']);

/**
 * Tables that hold a short, fixed list by their nature (reference data and settings): reading them whole is
 * how they are meant to be read.
 */
const referenceTables = /^(?:\w+\.)?["`]?(roles?|permissions?|countr(y|ies)|currenc(y|ies)|languages?|locales?|timezones?|time_zones?|settings?|config(uration)?s?|feature_?flags?|enums?|lookups?|statuses|states|provinces|plans|tiers|migrations|schema_migrations|knex_migrations|SequelizeMeta)["`]?$/i;

const pageSize = 100;

function targetName(q: DatabaseQuery): string | undefined {
  const t = q.target;
  if (!t) return undefined;
  return t.replace(/^.*\./, '').replace(/[()"'`]/g, '');
}

function isReferenceData(q: DatabaseQuery): boolean {
  const name = targetName(q);
  return name !== undefined && referenceTables.test(name);
}

export const unboundedQuery: Rule = {
  meta: {
    id: 'unbounded-query',
    category: 'performance',
    defaultSeverity: 'warning',
    title: 'Query that returns every row of a table',
    description:
      'A read with no filter and no limit returns the whole table: fast on a fresh database, then slower and heavier on memory with every row added, until the request times out. Page it with a limit.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-400', 'CWE-770', 'OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (facts.isTestFile) return {};
    let entryPoints: Set<ts.Node> | undefined;
    let exportedNames: Set<string> | undefined;

    /** Whether `fn` serves requests or is called from outside this module. */
    const entryMemo = new Map<ts.Node, boolean>();
    const isEntryPoint = (fn: ts.FunctionLikeDeclaration): boolean => {
      let known = entryMemo.get(fn);
      if (known === undefined) entryMemo.set(fn, (known = computeEntryPoint(fn)));
      return known;
    };
    const computeEntryPoint = (fn: ts.FunctionLikeDeclaration): boolean => {
      entryPoints ??= new Set(facts.routes.flatMap((r) => (r.handler ? [r.handler] : [])));
      if (entryPoints.has(fn)) return true;
      if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) {
        if (hasExport(fn)) return true;
      }
      if (ts.isMethodDeclaration(fn)) {
        const cls = fn.parent;
        if (ts.isClassLike(cls) && (hasExport(cls) || (cls.name !== undefined && isExportedName(cls.name.text)))) {
          return !fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword) && !ts.isPrivateIdentifier(fn.name);
        }
        return false;
      }
      const name = functionName(fn);
      return name !== undefined && isExportedName(name);
    };

    const isExportedName = (name: string): boolean => {
      exportedNames ??= collectExportedNames(sourceFile);
      return exportedNames.has(name);
    };

    return {
      CallExpression(call) {
        const callee = unwrap(call.expression);
        if (!ts.isPropertyAccessExpression(callee) || !readEndings.has(callee.name.text) || !isOutermostCall(call)) return;
        const fn = outermostEntry(call, isEntryPoint, facts);
        if (!fn) return;
        const q = databaseQueryOf(call, facts);
        if (!q || q.operation !== 'read' || q.rows !== 'many' || q.filtered || q.limited || q.batched || q.catalog) return;
        if (isReferenceData(q)) return;
        const target = q.target ? `\`${q.target}\`` : 'the table';
        const fix = limitFix(q, fn, facts);
        context.report({
          at: call,
          message: `This query reads every row of ${target} with no filter and no limit: it grows with the table until the response is too slow or too large. Page it with a limit.`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
};

function hasExport(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return `.${parent.name.text}`;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = parent.left.getText();
    if (/^(module\.)?exports(\.\w+)?$/.test(left)) return 'exports';
  }
  return undefined;
}

/** Names exported from the file: `export const f`, `export { f }`, `module.exports = { f }`, `exports.f = f`. */
function collectExportedNames(sourceFile: ts.SourceFile): Set<string> {
  const out = new Set<string>(['exports']);
  for (const s of sourceFile.statements) {
    if (ts.isVariableStatement(s) && hasExport(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) out.add(d.name.text);
    } else if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) out.add((e.propertyName ?? e.name).text);
    } else if (ts.isExportAssignment(s) && ts.isIdentifier(s.expression)) {
      out.add(s.expression.text);
    } else if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = s.expression.left.getText(sourceFile);
      const right = unwrap(s.expression.right);
      if (!/^(module\.)?exports(\.\w+)?$/.test(left)) continue;
      if (ts.isIdentifier(right)) out.add(right.text);
      if (ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) {
          if (ts.isShorthandPropertyAssignment(p)) out.add(p.name.text);
          else if (ts.isPropertyAssignment(p)) {
            if (ts.isIdentifier(p.initializer)) out.add(p.initializer.text);
            if (ts.isIdentifier(p.name)) out.add(`.${p.name.text}`);
          }
        }
      }
    }
  }
  return out;
}

/** The innermost enclosing function that is an entry point, looking through callbacks inside it. */
function outermostEntry(node: ts.Node, isEntryPoint: (fn: ts.FunctionLikeDeclaration) => boolean, facts: Facts): ts.FunctionLikeDeclaration | undefined {
  for (let n = facts.enclosingFunction(node); n; n = facts.enclosingFunction(n)) if (isEntryPoint(n)) return n;
  return undefined;
}

// ---- Fix: add a limit, with a page-size parameter ---------------------------------------------------------------

/**
 * The page size, as the function can take it: a `pageSize = 100` parameter for a plain function, or read from
 * the query string (capped) in an Express or Fastify handler.
 */
function pageSizeSource(fn: ts.FunctionLikeDeclaration, facts: Facts): { name: string; edit: OffsetEdit } | undefined {
  const sf = facts.sourceFile;
  if (facts.resolveName('pageSize', fn.body ?? fn)) return undefined;
  const first = fn.parameters[0];
  const isHandler = first !== undefined && facts.isRequestParameter(first);
  if (isHandler) {
    if (!ts.isIdentifier(first.name) || !fn.body || !ts.isBlock(fn.body) || fn.body.statements.length === 0) return undefined;
    if (!/^(req|request)$/.test(first.name.text)) return undefined;
    const at = fn.body.statements[0].getStart(sf);
    const indent = sf.text.slice(sf.text.lastIndexOf('\n', at - 1) + 1, at);
    return {
      name: 'pageSize',
      edit: { start: at, end: at, text: `const pageSize = Math.min(Number(${first.name.text}.query.limit) || ${pageSize}, ${pageSize});\n${indent}` },
    };
  }
  if (fn.parameters.some((p) => p.dotDotDotToken)) return undefined;
  const param = `pageSize = ${pageSize}`;
  const last = fn.parameters[fn.parameters.length - 1];
  if (last) return { name: 'pageSize', edit: { start: last.getEnd(), end: last.getEnd(), text: `, ${param}` } };
  const open = sf.text.indexOf('(', fn.name ? fn.name.getEnd() : fn.getStart(sf));
  if (open < 0 || (fn.body && open > fn.body.getStart(sf))) return undefined;
  return { name: 'pageSize', edit: { start: open + 1, end: open + 1, text: param } };
}

function limitFix(q: DatabaseQuery, fn: ts.FunctionLikeDeclaration, facts: Facts): OffsetFix | undefined {
  const source = pageSizeSource(fn, facts);
  if (!source) return undefined;
  const edits = limitEdits(q, source.name, facts);
  if (!edits) return undefined;
  return { title: 'Add a limit', safe: false, edits: [source.edit, ...edits] };
}

function limitEdits(q: DatabaseQuery, size: string, facts: Facts): OffsetEdit[] | undefined {
  const sf = facts.sourceFile;
  const model = q.chain.find((c) => ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === q.method) ?? q.chain[q.chain.length - 1];
  if (q.style === 'sql') return sqlLimitEdits(q, size, sf);
  const shape = orms[q.style].queryOptions;
  // Builders take `.limit()` at the end of the chain.
  if (!shape) return [{ start: q.call.getEnd(), end: q.call.getEnd(), text: `.limit(${size})` }];
  // A filter-argument query takes `.limit()` right after the query call, before `.lean()`/`.exec()`.
  if (shape.filterIsArgument === true) return [{ start: model.getEnd(), end: model.getEnd(), text: `.limit(${size})` }];
  const key = shape.limitOption;
  if (key === undefined || (shape.filterIsArgument !== false && shape.filterIsArgument.test(q.method))) return undefined;
  const entityFirst = shape.entityFirst === true && model.arguments[0] !== undefined && !ts.isObjectLiteralExpression(unwrap(model.arguments[0]));
  const index = entityFirst ? 1 : 0;
  const arg = model.arguments[index];
  if (!arg) return [insertArgumentEdit(model, index, `{ ${key}: ${size} }`)];
  const obj = unwrap(arg);
  if (!ts.isObjectLiteralExpression(obj) || objectProperty(obj, key)) return undefined;
  return [addPropertyEdit(sf, obj, `${key}: ${size}`)];
}

function sqlLimitEdits(q: DatabaseQuery, size: string, sf: ts.SourceFile): OffsetEdit[] | undefined {
  const call = q.chain.find((c) => c.arguments[0] !== undefined && (ts.isStringLiteralLike(c.arguments[0]) || ts.isTemplateExpression(c.arguments[0])));
  if (!call) return undefined;
  const sql = call.arguments[0];
  const values = call.arguments[1];
  const raw = sql.getText(sf);
  const quote = raw[0];
  const body = raw.slice(1, -1);
  const dollar = /\$\d/.test(body) ? true : /\?/.test(body) ? false : q.library === undefined ? undefined : sqlPlaceholderOf(q.library) === 'dollar';
  if (dollar === undefined) return undefined;
  if (ts.isTemplateExpression(sql) || call.arguments.length > 2 || (values && !ts.isArrayLiteralExpression(values))) return undefined;
  const count = values && ts.isArrayLiteralExpression(values) ? values.elements.length : 0;
  const placeholder = dollar ? `$${count + 1}` : '?';
  const trimmed = body.replace(/\s*;?\s*$/, '');
  const multiline = trimmed.includes('\n');
  const sqlText = `${quote}${trimmed}${multiline ? `\n${lineIndentOf(trimmed)}` : ' '}LIMIT ${placeholder}${body.slice(trimmed.length).replace(/^\s*;/, ';').replace(/^\s+$/, '')}${quote}`;
  const edits: OffsetEdit[] = [{ start: sql.getStart(sf), end: sql.getEnd(), text: sqlText }];
  if (values && ts.isArrayLiteralExpression(values)) {
    const last = values.elements[values.elements.length - 1];
    edits.push(last ? { start: last.getEnd(), end: last.getEnd(), text: `, ${size}` } : { start: values.getStart(sf), end: values.getEnd(), text: `[${size}]` });
  } else {
    edits.push({ start: sql.getEnd(), end: sql.getEnd(), text: `, [${size}]` });
  }
  return edits;
}

/** The indentation of the SQL's last line, to put `LIMIT` under it. */
function lineIndentOf(text: string): string {
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  return /^[ \t]*/.exec(lastLine)![0];
}
