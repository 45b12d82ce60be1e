/**
 * The data-flow part of a file's export summaries: which parameters of each exported function reach which sink
 * inside the file, which it passes on to other modules of the project, and what it returns of its input.
 *
 * The sinks are found by the injection rules themselves, run over the exported functions with every parameter
 * taken as the caller's input (FlowQuery.callerInput): whatever value a rule asks about at its sink, after its own
 * checks for parameterised queries, constants and sanitisers, and that turns out to be a parameter, is a
 * parameter that reaches that sink. One definition of a sink, whether the data comes from this file or another.
 * Questions asked as library input never look into other modules, so a summary depends on its file alone.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import type { ExportedFunction } from '../facts/exported-functions';
import type { SinkKind } from '../facts/flow-sanitizers';
import { calledExport } from '../facts/imported-bindings';
import { isProjectModule } from '../facts/libraries';
import { returnedExpressions } from '../facts/request-data';
import type { FlowQuery, RequestOrigin } from '../facts/request-data';
import { ruleOptions } from '../config';
import type { Report, Rule, RuleContext } from '../rule';
import { type Subscriber, type WalkSpan, walk } from '../walker';
import { codeInjection } from '../rules/security/code-injection';
import { commandInjection } from '../rules/security/command-injection';
import { nosqlInjection } from '../rules/security/nosql-injection';
import { openRedirect } from '../rules/security/open-redirect';
import { pathTraversal } from '../rules/security/path-traversal';
import { sqlInjection } from '../rules/security/sql-injection';
import { ssrf } from '../rules/security/ssrf';
import { xss } from '../rules/security/xss';
import type { ExportSummary, FlowSink, ParameterForward, ParameterSink, ReturnedData } from './export-summary';
import type { ExportSummarizer } from './export-summaries';
import { calledLocalHelpers } from './local-helpers';

/**
 * The rule that finds each kind of sink, and when a parameter it asks about is taken to reach it: `report`, when
 * the rule reports the value (it weighs more than the flow: which part of a URL the value is in); `ask`, as soon
 * as the rule asks at its sink (it stays quiet on a caller's value that is the whole command, path or code, as
 * that function's contract, which a call passing request data to it breaks all the same).
 */
const sinkRules: readonly { rule: Rule; sink: FlowSink; when: 'report' | 'ask' }[] = [
  { rule: sqlInjection, sink: 'sql', when: 'report' },
  { rule: nosqlInjection, sink: 'nosql', when: 'report' },
  { rule: commandInjection, sink: 'shell', when: 'ask' },
  { rule: pathTraversal, sink: 'path', when: 'ask' },
  { rule: codeInjection, sink: 'code', when: 'ask' },
  { rule: xss, sink: 'html', when: 'report' },
  { rule: openRedirect, sink: 'redirect', when: 'report' },
  { rule: ssrf, sink: 'request', when: 'report' },
];

const sinkKinds: readonly SinkKind[] = ['sql', 'nosql', 'path', 'shell', 'html', 'url', 'code', 'regex'];

export const flowSummaries: ExportSummarizer = (facts, exported, summarised) => {
  const functions = exported.filter((e) => e.fn.parameters.length > 0 && e.fn.body !== undefined);
  if (functions.length === 0 || facts.isTestFile) return {};
  const wanted = new Set(summarised);
  const made = summarised === exported ? functions : functions.filter((e) => wanted.has(e));
  const byLabel = new Map<string, ExportedFunction>();
  for (const e of functions) if (!byLabel.has(e.label)) byLabel.set(e.label, e);
  const own = (origin: RequestOrigin | undefined, e: ExportedFunction): number | undefined =>
    origin?.caller !== undefined && byLabel.get(origin.caller) === e ? origin.parameter : undefined;

  const out: Record<string, ExportSummary> = {};
  const entry = (e: ExportedFunction): ExportSummary => (out[e.key] ??= {});
  const exportedNodes = new Set<ts.Node>(functions.map((e) => e.fn));
  for (const sink of parameterSinks(facts, made, byLabel, exportedNodes)) {
    if (!wanted.has(sink.exported)) continue;
    const list = (entry(sink.exported).sinks ??= []);
    if (!list.some((s) => s.parameter === sink.parameter && s.sink === sink.sink)) list.push({ parameter: sink.parameter, sink: sink.sink, line: sink.line });
  }
  for (const e of made) {
    const forwards = forwardsOf(e, facts, own, exportedNodes);
    if (forwards.length > 0) entry(e).forwards = forwards;
    const returns = returnsOf(e, facts, own);
    if (returns) entry(e).returns = returns;
  }
  return out;
};

/**
 * Runs the sink rules over `functions` (exported ones) and the helpers they call, and keeps what they ask about
 * that is a parameter of an exported function.
 */
function parameterSinks(facts: Facts, functions: readonly ExportedFunction[], byLabel: ReadonlyMap<string, ExportedFunction>, exportedNodes: ReadonlySet<ts.Node>): (ParameterSink & { exported: ExportedFunction })[] {
  const found: (ParameterSink & { exported: ExportedFunction })[] = [];
  const subscribers: Subscriber[] = sinkRules.map(({ rule, sink, when }) => {
    let asked: { expr: ts.Expression; exported: ExportedFunction; parameter: number }[] = [];
    const keep = (a: (typeof asked)[number]): void => {
      found.push({ exported: a.exported, parameter: a.parameter, sink, line: facts.lineOf(a.expr) });
    };
    const recording: Facts = {
      ...facts,
      isLibraryCode: true,
      requestOrigin(expr: ts.Expression, query?: FlowQuery): RequestOrigin | undefined {
        const origin = facts.requestOrigin(expr, { ...query, callerInput: true });
        const exported = origin?.caller !== undefined && !query?.probe ? byLabel.get(origin.caller) : undefined;
        if (exported && origin?.parameter !== undefined) {
          const a = { expr, exported, parameter: origin.parameter };
          if (when === 'ask') keep(a);
          else asked.push(a);
        }
        return origin;
      },
    };
    const report = (r: Report): void => {
      const start = 'kind' in r.at ? r.at.getStart(facts.sourceFile) : r.at.start;
      const end = 'kind' in r.at ? r.at.getEnd() : r.at.end;
      for (const a of asked) if (a.expr.getStart(facts.sourceFile) >= start && a.expr.getEnd() <= end) keep(a);
      asked = [];
    };
    const context: RuleContext = {
      sourceFile: facts.sourceFile,
      fileName: facts.sourceFile.fileName,
      projectPath: facts.sourceFile.fileName,
      facts: recording,
      project: { mountedAround: () => [], mountedBy: [], declaredRange: () => undefined, declarationFile: () => undefined, exportSummary: () => undefined, exportHandle: () => undefined, importsProjectFile: () => false, mayExportHandle: () => false, isTestCode: false, globalGuards: [] },
      options: ruleOptions(rule.meta.options, undefined),
      report,
      outOfTime: () => false,
    };
    return { listeners: rule.create(context), onError: () => undefined };
  });
  // A helper the function calls is walked too: a sink there that its parameter reaches is the function's.
  const helpers = functions.flatMap((e) => calledLocalHelpers(e.fn, facts, exportedNodes));
  const { nodes, spans } = subtreesOf([...functions.map((e) => e.fn), ...helpers], facts);
  walk({ nodes }, subscribers, undefined, spans);
  return found;
}

/**
 * The nodes of these functions' subtrees in source order, each function once and one nested in another as part of
 * the outer one's, with the runs they make: what a walk of the whole file's nodes over their spans would visit.
 */
function subtreesOf(functions: readonly ts.FunctionLikeDeclaration[], facts: Facts): { nodes: ts.Node[]; spans: WalkSpan[] } {
  const nodes: ts.Node[] = [];
  const spans: WalkSpan[] = [];
  let end = -1;
  for (const fn of [...new Set(functions)].sort((a, b) => a.pos - b.pos || b.end - a.end)) {
    if (fn.pos < end) continue;
    end = fn.end;
    const from = nodes.length;
    facts.walk(fn, (n) => {
      nodes.push(n);
    });
    spans.push({ from, to: nodes.length });
  }
  return { nodes, spans };
}

/** Calls into other modules of the project that a parameter is passed to, for the sink kinds it still matters for. */
function forwardsOf(e: ExportedFunction, facts: Facts, own: (o: RequestOrigin | undefined, e: ExportedFunction) => number | undefined, exportedNodes: ReadonlySet<ts.Node>): ParameterForward[] {
  const out: ParameterForward[] = [];
  const visit = (n: ts.Node): void => {
    if (!ts.isCallExpression(n)) return;
    const target = calledExport(n, facts);
    if (!target || !isProjectModule(target.specifier)) return;
    n.arguments.forEach((arg, argument) => {
      if (ts.isSpreadElement(arg)) return;
      // Most arguments carry no parameter at all: asked once, for any sink, before kind by kind.
      if (own(facts.requestOrigin(arg, { sink: 'any', callerInput: true }), e) === undefined) return;
      const byParameter = new Map<number, SinkKind[]>();
      for (const mode of sinkKinds) {
        const parameter = own(facts.requestOrigin(arg, { sink: mode, callerInput: true }), e);
        if (parameter !== undefined) byParameter.set(parameter, [...(byParameter.get(parameter) ?? []), mode]);
      }
      for (const [parameter, kinds] of byParameter) out.push({ parameter, specifier: target.specifier, name: target.name, argument, kinds, line: facts.lineOf(n) });
    });
  };
  facts.walk(e.fn.body!, visit);
  // What it passes on through a helper of this file (`lookup(email)` calling `db.findByEmail(email)`) is passed on too.
  for (const helper of calledLocalHelpers(e.fn, facts, exportedNodes)) facts.walk(helper.body!, visit);
  return out;
}

/** The request data the function reads and returns, and the parameters its value carries, by sink kind. */
function returnsOf(e: ExportedFunction, facts: Facts, own: (o: RequestOrigin | undefined, e: ExportedFunction) => number | undefined): ReturnedData | undefined {
  // Most functions return nothing of their input: asked once, for any sink, before kind by kind.
  const returned = returnedExpressions(e.fn, (root, enter) => facts.walk(root, enter)).filter((r) => facts.requestOrigin(r, { sink: 'any', callerInput: true }) !== undefined);
  if (returned.length === 0) return undefined;
  let request: ReturnedData['request'];
  const parameters = new Map<number, SinkKind[]>();
  for (const mode of sinkKinds) {
    for (const r of returned) {
      const origin = facts.requestOrigin(r, { sink: mode, callerInput: true });
      if (!origin) continue;
      const parameter = own(origin, e);
      if (parameter !== undefined) {
        const kinds = parameters.get(parameter) ?? [];
        if (!kinds.includes(mode)) parameters.set(parameter, [...kinds, mode]);
      } else if (origin.caller === undefined) {
        request ??= { source: origin.source, ...(origin.text ? { text: true } : {}), kinds: [] };
        if (!request.kinds.includes(mode)) request.kinds.push(mode);
      }
    }
  }
  if (!request && parameters.size === 0) return undefined;
  return {
    ...(request ? { request } : {}),
    ...(parameters.size > 0 ? { parameters: [...parameters].map(([parameter, kinds]) => ({ parameter, kinds })) } : {}),
  };
}
