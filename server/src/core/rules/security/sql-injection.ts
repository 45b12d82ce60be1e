import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { DatabaseCall, PlaceholderStyle, databaseCallOf, databaseLibraryOfFile, databaseMethod } from '../../facts/database-calls';
import { HolePosition, SqlText, holePosition, isHole, isNumericContext, looksLikeSqlStatement, skeleton, sqlTextsOf } from '../../facts/sql-text';
import { calleeName, memberName, unwrap } from '../../facts/syntax';
import { parameterizeSql } from '../../fixers/parameterize-sql';
import { sqlEscapers } from '../../catalog';
import { reportImportedSinks } from '../../project/imported-flow';

/** Calls whose result is safe to splice into SQL: escapers, quoters, number conversions, ids. */
const safeCalls = /^(escape\w*|\w*Escape|quote\w*|sqlstring|Number|parseInt|parseFloat|BigInt|Boolean|toFixed|toISOString|toPrecision|getTime|valueOf|randomUUID|uuid\w*|nanoid|ref)$/i;
const numericTypes = new Set([ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BigIntKeyword, ts.SyntaxKind.BooleanKeyword]);

interface Offender {
  index: number;
  position: HolePosition;
  name: string;
  /** The request source, when the value is traced to one. */
  source?: string;
}

/** Whether a value cannot carry SQL: constant, escaped, numeric, an allowlisted choice, or generated placeholders. */
function isSafeValue(expr: ts.Expression, facts: Facts, depth = 0): boolean {
  if (depth > 6) return false;
  const e = unwrap(expr);
  if (facts.isConstant(e)) return true;
  if (ts.isPrefixUnaryExpression(e)) return e.operator === ts.SyntaxKind.PlusToken || e.operator === ts.SyntaxKind.MinusToken;
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.MinusToken || op === ts.SyntaxKind.AsteriskToken || op === ts.SyntaxKind.SlashToken || op === ts.SyntaxKind.PercentToken) return true;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return isSafeValue(e.left, facts, depth + 1) && isSafeValue(e.right, facts, depth + 1);
    return false;
  }
  if (ts.isConditionalExpression(e)) {
    return (isSafeValue(e.whenTrue, facts, depth + 1) || isAllowlistTest(e.condition)) && (isSafeValue(e.whenFalse, facts, depth + 1) || isAllowlistTest(e.condition));
  }
  if (ts.isPropertyAccessExpression(e) && (e.name.text === 'length' || e.name.text === 'size')) return true;
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isSafeValue(s.expression, facts, depth + 1));
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (name !== undefined && safeCalls.test(name)) return true;
    const callee = unwrap(e.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Math') return true;
      // `ids.map(() => '?').join(', ')`, `Array(n).fill('?').join()`: placeholders, not values.
      if (name === 'join') return isPlaceholderList(callee.expression, facts, depth);
      // `pg-format`'s `format('%I', x)` and `sqlstring.format`.
      if (name === 'format') return isFormatLibrary(callee.expression, facts);
    }
    if (ts.isIdentifier(callee) && name === 'format') return isFormatLibrary(callee, facts);
    return false;
  }
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    if (!decl) return false;
    if ((ts.isParameter(decl) || ts.isVariableDeclaration(decl)) && decl.type && numericTypes.has(decl.type.kind)) return true;
    const declared = facts.constInitializer(e);
    if (declared) return isSafeValue(declared, facts, depth + 1);
  }
  return false;
}

function isFormatLibrary(expr: ts.Expression, facts: Facts): boolean {
  const lib = facts.libraryOf(expr)?.library;
  return lib !== undefined && sqlEscapers.has(lib);
}

/** `ALLOWED.includes(x)`, `columns.has(x)`, `x in SORTS`: the branch it guards is a vetted choice. */
function isAllowlistTest(cond: ts.Expression): boolean {
  const c = unwrap(cond);
  if (ts.isCallExpression(c)) return /^(includes|has|hasOwnProperty|hasOwn)$/.test(calleeName(c) ?? '');
  return ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.InKeyword;
}

function isPlaceholderList(list: ts.Expression, facts: Facts, depth: number): boolean {
  const e = unwrap(list);
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    return decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && isPlaceholderList(decl.initializer, facts, depth + 1);
  }
  if (!ts.isCallExpression(e)) return false;
  const name = calleeName(e);
  const arg = e.arguments[0];
  if (name === 'fill') return arg !== undefined && facts.isConstant(arg);
  if (name !== 'map' || !arg || !(ts.isArrowFunction(arg) || ts.isFunctionExpression(arg))) return false;
  const body = ts.isBlock(arg.body) ? undefined : arg.body;
  if (!body) return false;
  const b = unwrap(body);
  // `() => '?'`, `(_, i) => \`$${i + 1}\``: the text is a placeholder; the holes are indexes.
  if (facts.isConstant(b)) return true;
  return ts.isTemplateExpression(b) && /^[$?:@]/.test(b.head.text) && b.templateSpans.every((s) => isSafeValue(s.expression, facts, depth + 1) || isIndexOf(s.expression, arg));
}

function isIndexOf(expr: ts.Expression, fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const e = unwrap(expr);
  if (ts.isBinaryExpression(e)) return isIndexOf(e.left, fn) && isIndexOf(e.right, fn);
  if (ts.isNumericLiteral(e)) return true;
  const index = fn.parameters[1]?.name;
  return ts.isIdentifier(e) && index !== undefined && ts.isIdentifier(index) && index.text === e.text;
}

function shortText(expr: ts.Expression, sourceFile: ts.SourceFile): string {
  const t = expr.getText(sourceFile).replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}

/** The holes of `text` that let data rewrite the query. */
function offendersOf(text: SqlText, facts: Facts): Offender[] {
  const out: Offender[] = [];
  // Queries on the database's own catalog compare names, which come from schema metadata, not from users.
  const catalog = readsCatalog(skeleton(text.pieces));
  text.pieces.forEach((piece, index) => {
    if (!isHole(piece) || isSafeValue(piece.expr, facts)) return;
    const position = catalog || namesSchemaObject(piece.expr) ? 'name' : holePosition(text.pieces, index);
    const origin = facts.requestOrigin(piece.expr);
    // Without request data, only a hole that takes text is a finding: names and numeric operands are how
    // libraries and query builders write SQL (typeorm's nested sets, `LIMIT ${pageSize}`).
    if (!origin && (position === 'name' || (position === 'value' && isNumericContext(text.pieces, index)))) return;
    out.push({ index, position, name: shortText(piece.expr, facts.sourceFile), source: origin?.source });
  });
  return out;
}

const catalogTables = /\b(information_schema|pg_catalog|pg_(?:database|namespace|class|type|enum|tables|views|matviews|indexes|attribute|constraint|proc|roles|user|settings|stat\w*)|sqlite_(?:master|schema|sequence)|sys\.\w+|USER_(?:TABLES|TAB_\w+|INDEXES|CONSTRAINTS|VIEWS|SEQUENCES)|ALL_(?:TABLES|TAB_\w+))\b|"SYS"\./i;

/** `tableName`, `schema`, `dbColumn['column_name']`: a value whose own name says it names a table, column or schema. */
function namesSchemaObject(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  const name = ts.isIdentifier(e) ? e.text : memberName(e);
  return name !== undefined && /(^|_|[a-z])(schema|table|column|database|index|constraint|sequence|enum)(_?names?(String)?|s|OrIndex)?$/i.test(name);
}

function readsCatalog(sql: string): boolean {
  return catalogTables.test(sql);
}

function message(o: Offender): string {
  if (o.position === 'name') {
    return `\`${o.source ?? o.name}\` is interpolated into this SQL where a table or column name goes: an attacker can rewrite the query. Placeholders cannot stand for names; check it against an allowlist of known names.`;
  }
  if (o.source) return `\`${o.source}\` is interpolated into this SQL: an attacker can rewrite the query. Pass it as a parameter.`;
  return `\`${o.name}\` is interpolated into this SQL: whoever controls it can rewrite the query. Pass it as a parameter.`;
}

/** For a receiver the file does not declare: the library the file's imports suggest, and its way with values. */
function guessedShape(db: DatabaseCall, facts: Facts): { style: PlaceholderStyle; call: DatabaseCall } | undefined {
  const library = databaseLibraryOfFile(facts);
  const shape = library ? databaseMethod(library, db.method) : undefined;
  if (shape && shape.placeholder) return { style: shape.placeholder, call: { ...db, ...shape } };
  if (db.placeholder) return { style: db.placeholder, call: db };
  // Placeholders other queries of this file use, else Postgres for `query` (pg's name) and `?` for the rest.
  const text = facts.sourceFile.text;
  const style: PlaceholderStyle = /['"`][^'"`\n]*\$1\b/.test(text) ? 'dollar' : /['"`][^'"`\n]*[=(,]\s*\?/.test(text) ? 'question' : db.method === 'query' ? 'dollar' : 'question';
  return { style, call: db };
}

const styleNames: Readonly<Record<PlaceholderStyle, string>> = { dollar: '$1 placeholders', question: '? placeholders', named: ':name replacements', tagged: 'tagged template' };

function fixesFor(db: DatabaseCall, text: SqlText, offenders: Offender[], facts: Facts): OffsetFix[] {
  if (offenders.some((o) => o.position === 'name')) return [];
  const known = db.library !== undefined && db.placeholder !== undefined;
  const target = known ? { style: db.placeholder!, call: db } : guessedShape(db, facts);
  if (!target) return [];
  const result = parameterizeSql(facts.sourceFile, target.call, target.style, text, new Set(offenders.map((o) => o.index)));
  if (!result) return [];
  const title = known ? 'Parameterize query' : `Parameterize query (${styleNames[target.style]})`;
  return [{ title, safe: known && !result.needsReview, edits: result.edits }];
}

export const sqlInjection: Rule = {
  meta: {
    id: 'sql-injection',
    category: 'security',
    defaultSeverity: 'error',
    title: 'SQL built from data',
    description:
      'SQL text built by interpolating or concatenating data lets whoever controls that data rewrite the query: read other users\' rows, bypass a login, drop tables. Pass values as parameters.',
    fixable: 'safe',
    scope: 'declaration',
    sources: ['CWE-89', 'OWASP A03:2021', 'eslint-plugin-security detect-sql-injection', 'semgrep javascript.lang.security.audit.sqli'],
  },
  create(context) {
    const { facts } = context;
    const reported = new Set<ts.Node>();
    return {
      CallExpression(call) {
        const db = databaseCallOf(call, facts);
        if (!db) {
          reportImportedSinks(call, 'sql', context, 'builds it into SQL text', 'an attacker can rewrite the query. Pass the value there as a query parameter.');
          return;
        }
        const texts = sqlTextsOf(db.sql, facts);
        if (texts.length === 0) {
          const origin = db.library !== undefined && !isSafeValue(db.sql, facts) ? facts.requestOrigin(db.sql) : undefined;
          if (origin && !reported.has(db.sql)) {
            reported.add(db.sql);
            context.report({ at: db.sql, message: `\`${origin.source}\` is run as SQL: an attacker can run any query. Build the statement in code and pass values as parameters.` });
          }
          return;
        }
        // An unknown receiver is a database only if what it runs reads as SQL: any part of it, as a statement built
        // in steps (`let q = 'SELECT …'; if (title) q += \` WHERE title LIKE …\``) reads as one only from its start.
        if (db.library === undefined && !db.fragment && !texts.some((t) => looksLikeSqlStatement(skeleton(t.pieces)))) return;
        for (const text of texts) {
          if (reported.has(text.written)) continue;
          const offenders = offendersOf(text, facts);
          if (offenders.length === 0) continue;
          reported.add(text.written);
          const first = offenders.find((o) => o.source !== undefined) ?? offenders[0];
          context.report({
            at: text.written,
            message: message(first),
            fixes: fixesFor(db, text, offenders, facts),
            related: text.via === 'argument' ? undefined : [{ at: db.sql, message: 'The query runs here.' }],
          });
        }
      },
    };
  },
};
