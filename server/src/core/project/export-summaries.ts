/**
 * The per-export part of a file's summary: what each export does (export-summary.ts), made by the summarizers
 * below from the file's own facts, and the exports the file passes on from other modules (re-exports), which the
 * index follows to the file that defines them.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import { type ExportedFunction, exportedFunctions } from '../facts/exported-functions';
import { attachedFunctions } from '../facts/attached-functions';
import { importedBinding } from '../facts/imported-bindings';
import { isRequireCall, lineOf, memberName, unwrap } from '../facts/syntax';
import type { ExportSummary } from './export-summary';
import { flowSummaries } from './flow-summaries';
import { databaseSummaries } from './database-summaries';
import { handlerWrapperSummaries } from './handler-wrapper-summaries';

/**
 * One concern's part of the export summaries, by export key. The parts of every summarizer are merged key by key;
 * an export of which no summarizer knows anything has no summary.
 */
export type ExportSummarizer = (facts: Facts, exported: readonly ExportedFunction[]) => Record<string, ExportSummary>;

const summarizers: readonly ExportSummarizer[] = [
  flowSummaries,
  databaseSummaries,
  handlerWrapperSummaries,
];

export function exportSummaries(facts: Facts): Record<string, ExportSummary> | undefined {
  const exported = [...exportedFunctions(facts.sourceFile, facts), ...attachedFunctions(facts.sourceFile, facts)];
  const out: Record<string, ExportSummary> = {};
  for (const summarize of summarizers) {
    for (const [key, part] of Object.entries(summarize(facts, exported))) out[key] = { ...out[key], ...part };
  }
  const keys = Object.keys(out);
  if (keys.length === 0) return undefined;
  for (const fn of exported) {
    const summary = out[fn.key];
    if (summary && summary.line === undefined) summary.line = lineOf(fn.name, facts.sourceFile);
  }
  // Sorted: the summary is compared as JSON, and the order of discovery is not part of what it says.
  return Object.fromEntries(keys.sort().map((k) => [k, out[k]]));
}

/**
 * Exports of another module that this file passes on. `as`: the key here ('' when this module is the other one
 * as a whole, `module.exports = require('./x')`); `name`: the key there ('' for the module object itself;
 * undefined with `as` undefined for `export * from`, which passes on every key but `default`).
 */
export interface ReExport {
  specifier: string;
  name?: string;
  as?: string;
}

export function reexportsOf(facts: Facts): ReExport[] {
  const out: ReExport[] = [];
  const passOn = (value: ts.Expression, as: string): void => {
    const binding = importedBinding(value, facts);
    if (binding) out.push({ specifier: binding.specifier, name: binding.name, as });
  };
  for (const statement of facts.sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        if (!clause) out.push({ specifier });
        else if (ts.isNamespaceExport(clause)) out.push({ specifier, name: '', as: clause.name.text });
        else for (const e of clause.elements) out.push({ specifier, name: (e.propertyName ?? e.name).text, as: e.name.text });
      } else if (clause && ts.isNamedExports(clause)) {
        for (const e of clause.elements) passOn(e.propertyName ?? e.name, e.name.text);
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      passOn(statement.expression, 'default');
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(statement.expression.left);
      const right = unwrap(statement.expression.right);
      if (isModuleExports(left)) {
        if (ts.isObjectLiteralExpression(right)) {
          for (const p of right.properties) {
            if (ts.isShorthandPropertyAssignment(p)) passOn(p.name, p.name.text);
            else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) passOn(p.initializer, p.name.text);
          }
        } else {
          const binding = importedBinding(right, facts);
          // `module.exports = require('./x')`: this module is that one.
          if (binding) out.push(binding.name === '' ? { specifier: binding.specifier, name: '', as: '' } : { specifier: binding.specifier, name: binding.name, as: 'default' });
        }
      } else if (ts.isPropertyAccessExpression(left) && (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))) {
        const name = memberName(left);
        if (name !== undefined && (isRequireCall(right) || ts.isIdentifier(right) || ts.isPropertyAccessExpression(right))) passOn(right, name);
      }
    }
  }
  return out;
}

function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
}
