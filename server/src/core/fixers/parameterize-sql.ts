/**
 * Rewrites SQL built by interpolation into the driver's own placeholders: `$1, $2` (continuing after the text's
 * own), `?` (merged in order into an existing bindings array), Sequelize `:name` replacements, or a tagged
 * template (Prisma `$queryRaw`, Drizzle `sql`, mssql `query`). A quoted `'${x}'` becomes a bare placeholder;
 * `'%${x}%'` becomes one whose value is `` `%${x}%` ``.
 */
import * as ts from 'typescript';
import type { OffsetEdit } from '../rule';
import type { DatabaseCall, PlaceholderStyle } from '../facts/database-calls';
import { SqlText, holePosition, isHole, skeleton } from '../facts/sql-text';
import { objectProperty, unwrap } from '../facts/syntax';
import { addPropertyEdit, insertArgumentEdit } from './object-property';
import { drizzle } from '../catalog';
import { preorderBelow } from '../traverse';

export interface ParameterizeResult {
  edits: OffsetEdit[];
  /** A value moved to `LIMIT`/`OFFSET`, where some drivers type parameters differently: review before applying. */
  needsReview: boolean;
}

/** Text of the rewritten SQL, in both forms: as the program sees it and as template-literal source. */
type Segment = { text: string; raw: string } | { hole: string } | Parameter;

interface Parameter {
  value: string;
  /** Its `:name`, for named replacements. */
  name: string;
  /** How many of the text's own bindings come before it. */
  bindingsBefore: number;
}

/** The bindings the text already takes: the highest `$n`, or the number of `?` / `??`. */
interface Bindings {
  existing: number;
}

const chainedRunners = new Set(['run', 'get', 'all', 'iterate', 'pluck']);

export function parameterizeSql(
  sourceFile: ts.SourceFile,
  db: DatabaseCall,
  requestedStyle: PlaceholderStyle,
  text: SqlText,
  params: ReadonlySet<number>,
): ParameterizeResult | undefined {
  const call = db.call;
  if (text.via === 'other') return undefined;
  if (text.via === 'const' && (!text.declaration || referenceCount(text.declaration) !== 1)) return undefined;
  const tagged = requestedStyle === 'tagged';
  if (tagged && (text.via !== 'argument' || call.arguments.length !== 1)) return undefined;

  let style = requestedStyle;
  const options = db.values.kind === 'options' ? call.arguments[db.values.index] : undefined;
  let replacements: ts.Expression | undefined;
  if (db.values.kind === 'options' && options) {
    const obj = unwrap(options);
    if (!ts.isObjectLiteralExpression(obj) || objectProperty(obj, 'bind') || obj.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
    const r = objectProperty(obj, 'replacements');
    if (r && !ts.isPropertyAssignment(r)) return undefined;
    replacements = r?.initializer;
    if (replacements && ts.isArrayLiteralExpression(unwrap(replacements))) style = 'question';
    else if (replacements && !ts.isObjectLiteralExpression(unwrap(replacements))) return undefined;
  }

  const segments = segmentsOf(text, params, sourceFile, tagged);
  if (!segments) return undefined;
  const parameters = segments.filter((s): s is Parameter => 'value' in s);
  const sql = skeleton(text.pieces);
  nameParameters(parameters, sql);
  const bindings = countBindings(segments, style);
  let next = bindings.existing + 1;
  const placeholderOf = (p: Parameter): string => (style === 'dollar' ? `$${next++}` : style === 'question' ? '?' : style === 'named' ? `:${p.name}` : '');

  const keepsHoles = segments.some((s) => 'hole' in s);
  const written = text.written;
  const asTemplate = tagged || keepsHoles || !ts.isStringLiteral(written) && !isConcatenationOfStrings(written);
  const placeholders = new Map<Segment, string>();
  for (const s of segments) if ('value' in s) placeholders.set(s, placeholderOf(s));
  let newSql: string;
  if (asTemplate) {
    newSql = '`' + segments.map((s) => ('raw' in s ? s.raw : 'hole' in s ? '${' + s.hole + '}' : tagged ? '${' + s.value + '}' : placeholders.get(s)!)).join('') + '`';
  } else {
    const quote = firstQuote(written, sourceFile);
    newSql = quote + segments.map((s) => ('text' in s ? escapeQuoted(s.text, quote) : placeholders.get(s)!)).join('') + quote;
  }

  const edits: OffsetEdit[] = [];
  const needsReview = segments.some((s, i) => 'value' in s && /\b(LIMIT|OFFSET)\s*$/i.test(segments.slice(0, i).map((x) => ('text' in x ? x.text : '?')).join('')));

  if (tagged) {
    const open = call.arguments.pos - 1;
    if (db.library === drizzle.id) {
      const callee = unwrap(call.expression) as ts.PropertyAccessExpression;
      edits.push({ start: call.getStart(sourceFile), end: call.end, text: callee.expression.getText(sourceFile) + newSql });
    } else {
      if (db.method === '$queryRawUnsafe' || db.method === '$executeRawUnsafe') {
        const name = (unwrap(call.expression) as ts.PropertyAccessExpression).name;
        edits.push({ start: name.getStart(sourceFile), end: name.end, text: db.method.replace('Unsafe', '') });
      }
      edits.push({ start: open, end: call.end, text: newSql });
    }
    return { edits, needsReview };
  }

  edits.push({ start: written.getStart(sourceFile), end: written.end, text: newSql });
  const valueEdits = valuesEdits(sourceFile, db, style, options, replacements, parameters, bindings);
  if (!valueEdits) return undefined;
  edits.push(...valueEdits);
  return { edits, needsReview };
}

/** The SQL as segments: kept text and holes, and each parameterised hole (with its quotes) as one value. */
function segmentsOf(text: SqlText, params: ReadonlySet<number>, sourceFile: ts.SourceFile, tagged: boolean): Segment[] | undefined {
  const pieces = text.pieces;
  const out: Segment[] = [];
  let i = 0;
  let carry: { text: string; raw: string } | undefined; // what is left of a text piece after a closing quote
  while (i < pieces.length) {
    const piece = pieces[i];
    if (!isHole(piece)) {
      const t = carry ?? { text: piece.text, raw: piece.raw ?? escapeTemplate(piece.text) };
      carry = undefined;
      // A parameter in quotes starts at the last quote of this text.
      const nextHole = i + 1;
      if (nextHole < pieces.length && params.has(nextHole) && holePosition(pieces, nextHole) === 'quoted') {
        const q = t.text.lastIndexOf("'");
        const cut = splitRaw(t, q);
        if (!cut) return undefined;
        out.push(cut.before);
        // Collect the quoted region up to the closing quote.
        let valueRaw = cut.after.raw.slice(1);
        const holesIn: string[] = [];
        let j = nextHole;
        let closed = false;
        while (j < pieces.length && !closed) {
          const p = pieces[j];
          if (isHole(p)) {
            holesIn.push(p.expr.getText(sourceFile));
            valueRaw += '${' + p.expr.getText(sourceFile) + '}';
          } else {
            const raw = p.raw ?? escapeTemplate(p.text);
            const c = p.text.indexOf("'");
            if (c >= 0) {
              if (raw.slice(0, c + 1) !== p.text.slice(0, c + 1)) return undefined;
              valueRaw += raw.slice(0, c);
              carry = { text: p.text.slice(c + 1), raw: raw.slice(c + 1) };
              closed = true;
            } else valueRaw += raw;
          }
          j++;
        }
        if (!closed) return undefined;
        const single = holesIn.length === 1 && valueRaw === '${' + holesIn[0] + '}';
        out.push({ value: single ? holesIn[0] : '`' + valueRaw + '`', name: '', bindingsBefore: 0 });
        // Go on from the closing text piece, whose rest after the quote is in `carry`.
        i = j - 1;
        continue;
      }
      out.push(t);
      i++;
      continue;
    }
    const expr = piece.expr.getText(sourceFile);
    if (params.has(i)) {
      out.push({ value: expr, name: '', bindingsBefore: 0 });
    } else {
      // A tagged template makes every hole a parameter: a name kept in the text would become a value.
      if (tagged && holePosition(pieces, i) === 'name') return undefined;
      out.push({ hole: expr });
    }
    i++;
  }
  if (carry) out.push(carry);
  return out;
}

function countBindings(segments: Segment[], style: PlaceholderStyle): Bindings {
  if (style === 'dollar') {
    const sql = segments.map((s) => ('text' in s ? s.text : ' ')).join('');
    const existing = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    for (const s of segments) if ('value' in s) s.bindingsBefore = existing;
    return { existing };
  }
  let existing = 0;
  for (const s of segments) {
    if ('text' in s) existing += (s.text.match(/\?\??/g) ?? []).length;
    else if ('value' in s) s.bindingsBefore = existing;
  }
  return { existing };
}

/** Splits a text piece at its quote `q`, keeping raw and cooked in step; undefined when escapes make that unsure. */
function splitRaw(t: { text: string; raw: string }, q: number): { before: { text: string; raw: string }; after: { text: string; raw: string } } | undefined {
  if (q < 0) return undefined;
  const tail = t.text.slice(q);
  const rawAt = t.raw.length - tail.length;
  if (rawAt < 0 || t.raw.slice(rawAt) !== tail) return undefined;
  return { before: { text: t.text.slice(0, q), raw: t.raw.slice(0, rawAt) }, after: { text: tail, raw: t.raw.slice(rawAt) } };
}

/** Names for `:name` replacements: the value's own name where it has one, unique in the statement. */
function nameParameters(parameters: Parameter[], sql: string): void {
  const taken = new Set([...sql.matchAll(/:(\w+)/g)].map((m) => m[1]));
  const byValue = new Map<string, string>();
  for (const p of parameters) {
    const known = byValue.get(p.value);
    if (known) {
      p.name = known;
      continue;
    }
    const inner = /\$\{([^}]*)\}/.exec(p.value)?.[1] ?? p.value;
    const base = /([A-Za-z_$][\w$]*)\s*\)?$/.exec(inner.replace(/\(\)$/, ''))?.[1]?.replace(/\$/g, '') || 'value';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    byValue.set(p.value, name);
    p.name = name;
  }
}

function valuesEdits(
  sourceFile: ts.SourceFile,
  db: DatabaseCall,
  style: PlaceholderStyle,
  options: ts.Expression | undefined,
  replacements: ts.Expression | undefined,
  parameters: Parameter[],
  bindings: Bindings,
): OffsetEdit[] | undefined {
  const call = db.call;
  const slot = db.values;
  if (slot.kind === 'options') {
    if (style === 'named') {
      const unique = [...new Map(parameters.map((p) => [p.name, p])).values()];
      const props = unique.map((p) => (p.name === p.value ? p.name : `${p.name}: ${p.value}`)).join(', ');
      if (replacements) return [addPropertyEdit(sourceFile, unwrap(replacements) as ts.ObjectLiteralExpression, props)];
      if (options) return [addPropertyEdit(sourceFile, unwrap(options) as ts.ObjectLiteralExpression, `replacements: { ${props} }`)];
      return [insertArgumentEdit(call, slot.index, `{ replacements: { ${props} } }`)];
    }
    return replacements ? mergeInto(sourceFile, replacements, style, parameters, bindings) : undefined;
  }
  if (slot.kind === 'array') {
    const existing = call.arguments[slot.index];
    if (!existing || isCallback(existing)) {
      if (call.arguments.length < slot.index) return undefined;
      return [insertArgumentEdit(call, slot.index, `[${parameters.map((p) => p.value).join(', ')}]`)];
    }
    return mergeInto(sourceFile, existing, style, parameters, bindings);
  }
  if (slot.kind === 'chained') {
    const access = call.parent;
    const runner = access?.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || !chainedRunners.has(access.name.text) || !runner || !ts.isCallExpression(runner) || runner.expression !== access) return undefined;
    const args = runner.arguments;
    if (args.length === 1 && ts.isArrayLiteralExpression(unwrap(args[0]))) return mergeInto(sourceFile, args[0], style, parameters, bindings);
    if (args.some((a) => ts.isSpreadElement(a) || ts.isObjectLiteralExpression(unwrap(a)))) return undefined;
    const merged = interleave(args.map((a) => a.getText(sourceFile)), parameters, bindings, style);
    if (!merged) return undefined;
    const open = args.pos;
    return [{ start: open, end: args.end, text: merged.join(', ') }];
  }
  return undefined;
}

/** Adds the values to a bindings array literal, or spreads an existing list when every new value goes after it. */
function mergeInto(sourceFile: ts.SourceFile, existing: ts.Expression, style: PlaceholderStyle, parameters: Parameter[], bindings: Bindings): OffsetEdit[] | undefined {
  const e = unwrap(existing);
  if (ts.isArrayLiteralExpression(e)) {
    if (e.elements.some((x) => ts.isSpreadElement(x))) return undefined;
    const merged = interleave(e.elements.map((x) => x.getText(sourceFile)), parameters, bindings, style);
    return merged && [{ start: e.getStart(sourceFile), end: e.end, text: `[${merged.join(', ')}]` }];
  }
  // A list we cannot see: only values that all go after every existing binding can be appended to it.
  if (bindings.existing === 0 || parameters.some((p) => p.bindingsBefore !== bindings.existing)) return undefined;
  return [{ start: existing.getStart(sourceFile), end: existing.end, text: `[...${existing.getText(sourceFile)}, ${parameters.map((p) => p.value).join(', ')}]` }];
}

/** The bindings after the rewrite: `$n` values go last; `?` values go where their placeholders fall among the existing ones. */
function interleave(existing: string[], parameters: Parameter[], bindings: Bindings, style: PlaceholderStyle): string[] | undefined {
  if (existing.length !== bindings.existing) return undefined;
  if (style === 'dollar') return [...existing, ...parameters.map((p) => p.value)];
  if (style !== 'question') return undefined;
  const out: string[] = [];
  for (let k = 0; k <= existing.length; k++) {
    for (const p of parameters) if (p.bindingsBefore === k) out.push(p.value);
    if (k < existing.length) out.push(existing[k]);
  }
  return out;
}

/** A callback in the values' place: a function, or a name callbacks go by (`cb`, `done`). */
function isCallback(e: ts.Expression): boolean {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) || (ts.isIdentifier(e) && /^(cb|callback|done|next|handler|fn)$/i.test(e.text));
}

function isConcatenationOfStrings(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isStringLiteral(u)) return true;
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken && !ts.isTemplateExpression(unwrap(u.left)) && !ts.isTemplateExpression(unwrap(u.right)) && !ts.isNoSubstitutionTemplateLiteral(unwrap(u.left)) && !ts.isNoSubstitutionTemplateLiteral(unwrap(u.right)) && (isConcatenationOfStrings(u.left) || !ts.isBinaryExpression(unwrap(u.left))) && (isConcatenationOfStrings(u.right) || !ts.isBinaryExpression(unwrap(u.right)));
}

function firstQuote(e: ts.Expression, sourceFile: ts.SourceFile): string {
  const m = /['"]/.exec(e.getText(sourceFile));
  return m ? m[0] : "'";
}

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function escapeQuoted(text: string, quote: string): string {
  return text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** How often a `const`'s name is used in its scope (shadowing aside): one use means the text can be rewritten in place. */
function referenceCount(decl: ts.VariableDeclaration): number {
  if (!ts.isIdentifier(decl.name)) return 0;
  const name = decl.name.text;
  let n = 0;
  const scope = decl.parent.parent.parent;
  if (!scope) return n;
  preorderBelow(scope, (node) => {
    if (ts.isIdentifier(node) && node.text === name && node !== decl.name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) n++;
  });
  return n;
}
