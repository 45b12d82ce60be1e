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
import { isRequireCall, memberName, unwrap } from '../facts/syntax';
import type { ExportSummary } from './export-summary';
import { flowSummaries } from './flow-summaries';
import { databaseSummaries } from './database-summaries';
import { handlerWrapperSummaries } from './handler-wrapper-summaries';
import { exportedValues } from './exported-values';

/**
 * One concern's part of the export summaries, by export key. The parts of every summarizer are merged key by key;
 * an export of which no summarizer knows anything has no summary. `summarised`: the exported functions to make
 * parts for (all of `exported`, or after an edit those it may have changed); the others are context (which
 * function a parameter belongs to, which calls are to another export), and their keys may be left out or not.
 */
export type ExportSummarizer = (facts: Facts, exported: readonly ExportedFunction[], summarised: readonly ExportedFunction[]) => Record<string, ExportSummary>;

const summarizers: readonly ExportSummarizer[] = [
  flowSummaries,
  databaseSummaries,
  handlerWrapperSummaries,
];

export function exportSummaries(facts: Facts): Record<string, ExportSummary> | undefined {
  const exported = exportedOf(facts);
  return sortedByKey(summariesOf(facts, exported, exported));
}

/** What one file's export summaries were made of, for making them again after an edit (exportSummariesReusing). */
export interface ExportSummariesBase {
  /** The exported functions' keys and labels, in order: another list is summarised afresh. */
  readonly exported: string;
  /** The exported values that are database handles, by key: made for every export whatever the edit reached. */
  readonly handles: string;
  readonly summaries: Readonly<Record<string, ExportSummary>> | undefined;
}

/**
 * `exportSummaries`, with what they were made of. With `previous` (the base of the same file before an edit that
 * kept every line where it was) and `changed` (whether the edit may have changed what the facts say at a node:
 * incremental/reach.ts), only the exports whose function `changed` holds are summarised again, with every
 * export sharing a key or label with one of them; the others keep their summaries. A summarizer reads a function's
 * own nodes and, by name, those of the functions it calls, so a function the edit did not reach summarises as
 * before.
 */
export function exportSummariesReusing(
  facts: Facts,
  previous: ExportSummariesBase | undefined,
  changed: ((node: ts.Node) => boolean) | undefined,
): { summaries: Record<string, ExportSummary> | undefined; base: ExportSummariesBase } {
  const exported = exportedOf(facts);
  const list = JSON.stringify(exported.map((e) => [e.key, e.label]));
  const handles = JSON.stringify(exportedValues(facts));
  if (!previous || !changed || previous.exported !== list || previous.handles !== handles) {
    const summaries = sortedByKey(summariesOf(facts, exported, exported));
    return { summaries, base: { exported: list, handles, summaries } };
  }
  const summarised = sharingKeyOrLabel(exported, exported.filter((e) => changed(e.fn)));
  const keys = new Set(summarised.map((e) => e.key));
  const out: Record<string, ExportSummary> = {};
  for (const [key, summary] of Object.entries(summariesOf(facts, exported, summarised))) if (keys.has(key)) out[key] = summary;
  for (const [key, summary] of Object.entries(previous.summaries ?? {})) if (!keys.has(key)) out[key] = summary;
  const summaries = sortedByKey(out);
  return { summaries, base: { exported: list, handles, summaries } };
}

function exportedOf(facts: Facts): ExportedFunction[] {
  return [...exportedFunctions(facts.sourceFile, facts), ...attachedFunctions(facts.sourceFile, facts)];
}

/** The summarizers' parts for `summarised`, merged by key, each with its function's line. */
function summariesOf(facts: Facts, exported: readonly ExportedFunction[], summarised: readonly ExportedFunction[]): Record<string, ExportSummary> {
  const out: Record<string, ExportSummary> = {};
  for (const summarize of summarizers) {
    for (const [key, part] of Object.entries(summarize(facts, exported, summarised))) out[key] = { ...out[key], ...part };
  }
  for (const fn of summarised) {
    const summary = out[fn.key];
    if (summary && summary.line === undefined) summary.line = facts.lineOf(fn.name);
  }
  return out;
}

/** Sorted: the summary is compared as JSON, and the order of discovery is not part of what it says. */
function sortedByKey(out: Record<string, ExportSummary>): Record<string, ExportSummary> | undefined {
  const keys = Object.keys(out);
  return keys.length === 0 ? undefined : Object.fromEntries(keys.sort().map((k) => [k, out[k]]));
}

/**
 * `changed` and every export that shares a key or a label with one of them, as far as that goes: parts are merged by
 * key, and what a function's parameter reaches is put down to the first export of its label.
 */
function sharingKeyOrLabel(exported: readonly ExportedFunction[], changed: readonly ExportedFunction[]): ExportedFunction[] {
  const keys = new Set(changed.map((e) => e.key));
  const labels = new Set(changed.map((e) => e.label));
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of exported) {
      if (keys.has(e.key) === labels.has(e.label)) continue;
      keys.add(e.key);
      labels.add(e.label);
      grew = true;
    }
  }
  return exported.filter((e) => keys.has(e.key));
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
