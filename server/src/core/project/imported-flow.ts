/**
 * Data flow into and out of the project's other modules, from their export summaries (flow-summaries.ts): which
 * arguments of a call land in a sink of some kind there (directly, or passed on through up to `forwardDepth`
 * further modules), and what a call gives back. Used by the injection rules at the call site, and by the request
 * data facts for values that come back from another module.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import { calledExport } from '../facts/imported-bindings';
import type { SinkKind } from '../facts/flow-sanitizers';
import type { ImportedReturn, RequestOrigin } from '../facts/request-data';
import { factKey } from '../facts/facts';
import type { RuleContext } from '../rule';
import type { ExportSummary, FlowSink } from './export-summary';
import type { ProjectFacts, ResolvedExport } from './project-facts';

/** How many modules a value is followed through past the one called (route → service → repository → db). */
const forwardDepth = 3;

/** The flow mode a sink's values are followed in. */
export function modeOf(sink: FlowSink): SinkKind {
  return sink === 'redirect' || sink === 'request' ? 'url' : sink;
}

/** Where an argument of a call lands in another module. */
export interface Landing {
  /** 0-based index of the call's argument. */
  argument: number;
  /** The function called, as the call writes it (`accounts.findByEmail`), or its export key when that is long. */
  callee: string;
  /** The file and 1-based line of the sink (absolute). */
  file: string;
  line: number;
}

/** Per call, by the project asked (the index's, or none while the file is summarised for the index). */
const exportFact = factKey<Map<ProjectFacts, ResolvedExport | undefined>>('called-export-summary');

/** The summary of the export `call` calls, if it is one of the project's. */
function calledSummary(call: ts.CallExpression, facts: Facts, project: ProjectFacts): ResolvedExport | undefined {
  const byProject = facts.memo(exportFact, call, () => new Map<ProjectFacts, ResolvedExport | undefined>());
  if (byProject.has(project)) return byProject.get(project);
  const target = calledExport(call, facts);
  const resolved = target && project.exportSummary(target.specifier, target.name);
  byProject.set(project, resolved);
  return resolved;
}

/** The arguments of `call` that reach a `sink` in the module it calls, and where. */
export function landingsOf(call: ts.CallExpression, sink: FlowSink, facts: Facts, project: ProjectFacts): Landing[] {
  const resolved = calledSummary(call, facts, project);
  if (!resolved) return [];
  const written = call.expression.getText(facts.sourceFile);
  const callee = written.length <= 40 && !/\s/.test(written) ? written : resolved.name;
  return sinksIn(resolved, sink, project, 0, new Set()).map((s) => ({ argument: s.parameter, callee, file: s.file, line: s.line }));
}

function sinksIn(resolved: ResolvedExport, sink: FlowSink, project: ProjectFacts, depth: number, seen: Set<string>): { parameter: number; file: string; line: number }[] {
  const id = `${resolved.file}#${resolved.name}`;
  if (seen.has(id)) return [];
  seen.add(id);
  const summary: ExportSummary = resolved.summary;
  const out = (summary.sinks ?? []).filter((s) => s.sink === sink).map((s) => ({ parameter: s.parameter, file: resolved.file, line: s.line }));
  if (depth >= forwardDepth) return out;
  for (const forward of summary.forwards ?? []) {
    if (!forward.kinds.includes(modeOf(sink))) continue;
    const next = project.exportSummary(forward.specifier, forward.name, resolved.file);
    if (!next) continue;
    for (const s of sinksIn(next, sink, project, depth + 1, seen)) {
      if (s.parameter === forward.argument && !out.some((o) => o.parameter === forward.parameter)) out.push({ ...s, parameter: forward.parameter });
    }
  }
  return out;
}

/** What `call` returns of its input, when it calls an export of the project that returns some, or the handler it makes of an argument (a handler wrapper). */
export function importedReturnOf(call: ts.CallExpression, facts: Facts, project: ProjectFacts): ImportedReturn | undefined {
  const summary = calledSummary(call, facts, project)?.summary;
  return summary?.wraps === undefined ? summary?.returns : { ...summary.returns, handler: summary.wraps };
}

/**
 * Reports request data passed to another module's function that lands in a sink there: at the argument, naming
 * the function and where it lands. `lands`: how the rule says what the sink does with it ("builds it into SQL
 * text"); `remedy`: what to do, as a sentence.
 */
export function reportImportedSinks(call: ts.CallExpression, sink: FlowSink, context: RuleContext, lands: string, remedy: string): void {
  const { facts } = context;
  const requestData = (arg: ts.Expression | undefined, probe: boolean): RequestOrigin | undefined => {
    if (!arg || ts.isSpreadElement(arg) || facts.isConstant(arg)) return undefined;
    const origin = facts.requestOrigin(arg, { sink: modeOf(sink), probe });
    // A value from this module's own caller is that caller's to check; request data is the sender's.
    return origin && origin.caller === undefined ? origin : undefined;
  };
  // The call's target is named first, from the file's own imports: most calls reach no other file of the project.
  const target = calledExport(call, facts);
  if (!target || !context.project.importsProjectFile(target.specifier)) return;
  // Then its arguments: the called module's summary is made (a parse of it) only for a call that passes request data.
  if (!call.arguments.some((arg) => requestData(arg, true) !== undefined)) return;
  for (const landing of landingsOf(call, sink, facts, context.project)) {
    const arg = call.arguments[landing.argument];
    const origin = requestData(arg, false);
    if (!arg || !origin) continue;
    const where = `${path.relative(path.dirname(context.fileName), landing.file).split(path.sep).join('/')}:${landing.line}`;
    context.report({ at: arg, message: `\`${origin.source}\` is passed to \`${landing.callee}\`, which ${lands} (${where}): ${remedy}` });
    return;
  }
}
