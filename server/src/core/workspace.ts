/**
 * The core's one entry, for the language server, the CLI and the MCP server alike (as Biome's `Workspace` is for
 * its LSP and CLI). The front ends convert their protocol to these calls and these results to their protocol,
 * and import nothing else from the core but the types and constants re-exported here.
 *
 *   configuration   settingsFor(file), setRoots(folders), configChanged()
 *   documents       open(document), update(uri, version, text, changes?), close(uri), document(uri)
 *   analysis        analyze(uri, options?), analysis(uri, version) (the cache, never a new analysis),
 *                   analyzeText(fileName, text, options?) for a file that is not open
 *   fixes           finding(uri, ref), ignoreEdit(uri, ruleId, line), fixAll(uri, options?) as one edit,
 *                   fixText(fileName, text, options?) for `--fix`
 *   review          checklist(uri, range, options?)
 *   project index   indexInBackground(folder), fileChangedOnDisk(file), dependentDocuments(uri); for a scan,
 *                   analysisOrder(files); for a scan in worker threads, projectsToIndex(files),
 *                   adoptIndexedProject(indexed), takeMadeExports() and adoptMadeExports(entries)
 *
 * Config is resolved per file (the nearest vigil.config.json or package.json#vigil walking up), so the editor
 * and CI read the same config for the same file. Never throws for any input text: a failing rule is reported in
 * `internalErrors`, and a fix that fails is left out of fix-all.
 */
// First: later `require('typescript')` calls then get plain properties (see typescript-plain.ts).
import './typescript-plain';
import * as path from 'node:path';
import type * as ts from 'typescript';
import type { ChecklistItem } from '../../../shared/src/protocol';
import { type AnalysisBase, analyze, analyzeIncrementally, skipReason } from './analyze';
import type { ResolvedConfig, RuleSetting } from './config';
import { ConfigLookup, type FileSettings } from './config-lookup';
import { DocumentTrees, type TextChangeSpan } from './document-trees';
import { onlyAnIdentifier } from './incremental/identifier-edit';
import { type Facts, buildFacts } from './facts/facts';
import { type FixOutcome, applySafeFixes, changedRegionEdit } from './fix-all';
import { ignoreEdit } from './ignore-edit';
import { projectPathOf } from './project-path';
import { type FileSummary, type SummaryBase, summarizeReusing, summarizeValues } from './project/file-summary';
import { PackageManifests } from './project/package-manifests';
import type { ProjectFacts } from './project/project-facts';
import { type IndexedFiles, type MadeExports, ProjectIndex, type ProjectToIndex } from './project/project-index';
import { ProjectRoots } from './project/project-roots';
import { ownProjectOf } from './project/own-project';
import { typedBy } from './project/declaration-files';
import { ruleById, ruleIds, ruleOptionSpecs, rules } from './registry';
import { blockFacts } from './review/block-facts';
import { reviewChecklist } from './review/checklist';
import { isStackOverflow, nestedTooDeeply } from './stack-overflow';
import type { AnalysisResult, Finding, InternalError, Position, Range, TextEdit } from './types';
import type { RuleMeta } from './rule';
import { TextChange } from './incremental/plan';

export type { ChecklistItem, FixOutcome, TextChangeSpan };
export type { AnalysisResult, Category, Finding, Fix, InternalError, ParseError, Position, Range, RelatedLocation, Severity, TextEdit } from './types';
export type { RuleMeta } from './rule';
export type { FileSettings } from './config-lookup';
export type { ResolvedConfig, RuleSetting } from './config';
export { docsBaseUrl, docsUrl } from './rule';
export { configFileName } from './config-file';
export { analysableExtensions } from './parse';
export { hasAnalysableExtension, isAnalysable, skippedFolders } from './project/skipped-paths';
export { type IndexedFiles, type MadeExports, type ProjectToIndex, type SummarisedFile, summariseFile } from './project/project-index';
export { globToRegExp } from './glob';
export { saveTypescriptCodeCache } from './typescript-code-cache';

export interface WorkspaceOptions {
  /** The workspace folders: the config search for a file stops at the one holding it (and at a repository root). */
  roots?: readonly string[];
  /**
   * Where a file's project is when no config, workspace folder or repository root is above it (the CLI's working
   * folder): its config root, and what rules read paths relative to. The filesystem root when absent.
   */
  fallbackRoot?: string;
  /** A problem in a config file (one clear message naming the file and the key), once per read of the file. */
  onConfigProblem?: (message: string) => void;
  /**
   * Index a file's project the first time one of its files is analysed (the CLI, agents: true, the default).
   * The editor sets false and calls `indexInBackground`, so that no analysis waits for the index.
   */
  indexOnDemand?: boolean;
  /**
   * The paths a scan names: one that is an app of its own inside a larger repository is indexed alone, not with
   * the whole repository (own-project.ts).
   */
  scannedPaths?: readonly string[];
  /**
   * A scan's worker thread: what it learns of other files' exports is kept for `takeMadeExports`, so that the main
   * thread can pass it on to the other workers (`adoptMadeExports`) rather than each making it again.
   */
  sharesMadeExports?: boolean;
}

export interface AnalyzeOptions {
  /** Severities on top of the file's config: the editor's `vigil.rules` settings. */
  overrides?: Readonly<Record<string, RuleSetting>>;
  /** Only these rules, each run even where the config turns it off (`vigil scan --rules`). */
  only?: readonly string[];
}

export interface DocumentInput {
  /** The document's key: a URI for the editor, a path for the CLI and agents. */
  uri: string;
  /** The path (or a name with the right extension) the parser and the rules see. */
  fileName: string;
  version: number;
  text: string;
}

/** A finding, as the front end tells it back: the version it was made for and its index in that analysis. */
export interface FindingRef {
  version: number;
  index: number;
}

export interface DocumentAnalysis {
  version: number;
  result: AnalysisResult;
}

interface OpenDocument extends DocumentInput {
  analysis?: DocumentAnalysis;
  /** What the last analysis keeps for the next one: an edit inside one function body re-runs only what it reaches. */
  base?: AnalysisBase;
  /** What the last analysis's facts told the project index of the file. */
  summary?: FileSummary;
  /** What that summary was made of: after an edit, the exports and app hand-offs it did not reach keep theirs. */
  summaryBase?: SummaryBase;
  /**
   * The summary the last analysis owes the project index: made by `settle`, after the document's findings are out,
   * or before anything else reads the index. Returns whether it changed what the project says of the file.
   */
  owedSummary?: () => boolean;
  /** Making the owed summary changed what the project says of the file, and `settle` has not told it yet. */
  projectChanged?: boolean;
}

export class Workspace {
  private readonly configs: ConfigLookup;
  private readonly trees = new DocumentTrees();
  private readonly projects = new ProjectRoots();
  private readonly manifests = new PackageManifests();
  private readonly projectIndex = new ProjectIndex(this.projects, this.manifests);
  private readonly indexOnDemand: boolean;
  private readonly documents = new Map<string, OpenDocument>();

  /** The project index, with the summaries the open documents' analyses owe it entered: whatever reads it sees them. */
  private get index(): ProjectIndex {
    this.makeOwedSummaries();
    return this.projectIndex;
  }

  constructor(options: WorkspaceOptions = {}) {
    this.projects.setRoots(options.roots ?? []);
    this.projects.setFallback(options.fallbackRoot);
    this.configs = new ConfigLookup(ruleIds, ruleOptionSpecs, options.onConfigProblem ?? (() => undefined), this.projects);
    this.indexOnDemand = options.indexOnDemand ?? true;
    if (options.sharesMadeExports) this.index.shareMadeExports();
    for (const scanned of options.scannedPaths ?? []) {
      const own = ownProjectOf(scanned, this.projects);
      if (own !== undefined) this.index.addOwnRoot(own);
    }
  }

  /** Every rule's metadata, in the registry's order. */
  static readonly rules: readonly RuleMeta[] = rules.map((r) => r.meta);
  static readonly ruleIds: readonly string[] = ruleIds;

  static ruleTitle(ruleId: string): string | undefined {
    return ruleById(ruleId)?.meta.title;
  }

  // ---- configuration -------------------------------------------------------------------------------------------

  /** The workspace folders changed. */
  setRoots(roots: readonly string[]): void {
    this.projects.setRoots(roots);
    this.configs.reset();
  }

  /** A vigil.config.json, package.json or tsconfig.json changed: configs, packages and aliases are read again. */
  configChanged(): void {
    this.configs.reset();
    this.projects.reset();
    this.manifests.reset();
    this.index.reset();
  }

  // ---- project index -------------------------------------------------------------------------------------------

  /**
   * Indexes the project holding `folder` (a workspace folder) a slice at a time, serving requests between
   * slices; `onProgress` hears how many files are done. Open documents analysed before it finishes used what
   * was known: analyse them again once it resolves.
   */
  indexInBackground(folder: string, onProgress?: (done: number, total: number) => void): Promise<void> {
    // The project holding any entry of the folder is the folder's.
    return this.index.indexInSlices(path.join(path.resolve(folder), 'package.json'), onProgress);
  }

  /**
   * A file changed, appeared or was deleted on disk (a file watcher): the index reads it again unless it is
   * open. Returns the open documents whose project facts it entered, to analyse again.
   */
  fileChangedOnDisk(file: string): string[] {
    const absolute = path.resolve(file);
    if ([...this.documents.values()].some((d) => d.fileName === absolute)) return [];
    // A declaration file is not indexed, but it types the open JavaScript documents beside it (undocumented-export).
    const typed = typedBy(absolute);
    if (typed.length > 0) return this.stale([...this.documents.entries()].filter(([, d]) => typed.includes(d.fileName)).map(([uri]) => uri));
    return this.index.changedOnDisk(absolute) ? this.staleDependents(absolute) : [];
  }

  /** The open documents whose analysis uses what the open document `uri` says to the project. */
  dependentDocuments(uri: string): string[] {
    const document = this.documents.get(uri);
    return document && path.isAbsolute(document.fileName) ? this.dependentsOf(document.fileName) : [];
  }

  /**
   * The projects holding `files` that are not indexed yet, each with the files its index is to hold: a scan with
   * worker threads summarises them there (`summariseFile`) and enters them with `adoptIndexedProject`.
   */
  projectsToIndex(files: readonly string[]): ProjectToIndex[] {
    return this.index.unindexedProjects(files.map((f) => path.resolve(f)));
  }

  /** A project summarised elsewhere, entered as if this workspace had walked it (a scan worker's index). */
  adoptIndexedProject(indexed: IndexedFiles): void {
    this.index.adopt(indexed);
  }

  /** What this workspace made of files' exports since the last call (with `sharesMadeExports`). */
  takeMadeExports(): MadeExports[] {
    return this.index.takeMadeExports();
  }

  /** What another workspace made of the exports of files this one indexes with the same text. */
  adoptMadeExports(entries: readonly MadeExports[]): void {
    this.index.adoptMadeExports(entries);
  }

  /** The indexed projects, their file counts, and whether the index's budget left files out. */
  indexedProjects(): { root: string; files: number; complete: boolean }[] {
    return this.index.indexedProjects();
  }

  /** The config of a file or folder (absolute path), from the nearest config walking up. */
  settingsFor(file: string): FileSettings {
    return this.configs.settingsFor(file);
  }

  // ---- open documents ------------------------------------------------------------------------------------------

  open(document: DocumentInput): void {
    this.makeOwedSummaries();
    this.trees.forget(document.uri);
    this.documents.set(document.uri, { ...document, base: undefined });
  }

  /**
   * The document's new text. `changes`: each change's span in the text as it was just before it, in order, so
   * the next analysis reparses incrementally; absent for a whole-text replacement.
   */
  update(uri: string, version: number, text: string, changes?: readonly TextChangeSpan[]): void {
    const document = this.documents.get(uri);
    if (!document) return;
    this.trees.changed(uri, changes);
    document.version = version;
    document.text = text;
    document.analysis = undefined;
  }

  /** Returns the open documents to analyse again: the file on disk may say other than the closed document did. */
  close(uri: string): string[] {
    const document = this.documents.get(uri);
    if (document) this.makeOwedSummary(document);
    this.documents.delete(uri);
    this.trees.forget(uri);
    // The file on disk is the project's again (the document may have been closed without saving).
    if (!document || !path.isAbsolute(document.fileName) || !this.index.changedOnDisk(document.fileName)) return [];
    return this.staleDependents(document.fileName);
  }

  /** The open document's text and version, as the workspace last heard of it. */
  document(uri: string): Readonly<DocumentInput> | undefined {
    return this.documents.get(uri);
  }

  // ---- analysis ------------------------------------------------------------------------------------------------

  /** Analyses the open document's current text (kept for `analysis`, `finding` and `fixAll`). */
  analyze(uri: string, options: AnalyzeOptions = {}): DocumentAnalysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    // The summaries owed first: the previous analysis's summary is read of its tree, which the reparse below moves,
    // and one owed by another document may make this one's base stale.
    this.makeOwedSummaries();
    const config = this.configOf(document.fileName, options);
    const { text, fileName, version } = document;
    let result: AnalysisResult;
    const previous = document.base;
    const change = previous && new TextChange(previous.text, text);
    const skipped = skipReason(text, change);
    document.base = undefined;
    // Kept only beside a summary made, or reused, from this analysis: it is the summary the next edit's reuse starts from.
    const summaryBase = document.summaryBase;
    document.summaryBase = undefined;
    if (skipped) {
      this.trees.forget(uri);
      result = { findings: [], parseErrors: [], internalErrors: [], skipped };
    } else {
      const sourceFile = this.treeOrOverflow(uri, text, fileName);
      let facts: Facts | undefined;
      if (sourceFile) {
        const treeIndex = this.trees.indexFor(uri, sourceFile);
        const analysis = analyzeIncrementally({ text, fileName, config, sourceFile, treeIndex, project: this.projectFactsOf(fileName), onFacts: (f) => (facts = f), change }, this.rulesFor(options), previous);
        result = analysis.result;
        document.base = analysis.base;
        // The summary comes from the facts this analysis built: one parse, one fact model, for both. A layout edit
        // changes no name, value or line, so it changes nothing the summary holds.
        const layoutOnly = analysis.layout && previous !== undefined && document.summary !== undefined;
        if (layoutOnly) document.summaryBase = summaryBase;
        // A name typed leaves every import where it was (identifier-edit.ts).
        const imports = change && document.summary && onlyAnIdentifier(change, sourceFile) ? document.summary.imports : undefined;
        const built = facts;
        if (!built || !path.isAbsolute(fileName)) document.summary = undefined;
        else if (!layoutOnly) {
          const { changed } = analysis;
          const made = result;
          document.owedSummary = () => {
            const summary = this.summaryOf(built, fileName, made, document, summaryBase, changed, imports);
            document.summary = summary;
            return summary !== undefined && this.projectIndex.record(fileName, text, summary);
          };
        }
      } else {
        result = { findings: [], parseErrors: [], internalErrors: [], skipped: nestedTooDeeply };
      }
    }
    document.analysis = { version, result };
    return document.analysis;
  }

  /**
   * Makes the project summary the document's last analysis owes the index, unless something read the index since;
   * returns whether it changed what the project says of the file (a mount, an import, an exported middleware): then
   * the documents `dependentDocuments(uri)` names are to be analysed again. The editor calls it once the document's
   * diagnostics are out: the document typed in does not read its own summary, the documents importing it do.
   */
  settle(uri: string): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
    this.makeOwedSummary(document);
    const changed = document.projectChanged ?? false;
    document.projectChanged = undefined;
    return changed;
  }

  /**
   * The file's summary for the project index; a failure is the analysis's internal error, never the caller's. The
   * parts `changed` holds are made again (the edit since `previous` was made may have changed them; all of them when
   * either is absent), and what the summary was made of is kept in `document.summaryBase`.
   * `imports`: the file's imports when the edit cannot have changed them.
   */
  private summaryOf(
    facts: Facts,
    fileName: string,
    result: AnalysisResult,
    document: OpenDocument,
    previous: SummaryBase | undefined,
    changed: ((node: ts.Node) => boolean) | undefined,
    imports: string[] | undefined,
  ): FileSummary | undefined {
    try {
      const { summary, base } = summarizeReusing(facts, previous, changed, imports);
      document.summaryBase = base;
      return summary;
    } catch (error) {
      result.internalErrors.push(summaryFailure(error, fileName));
      return undefined;
    }
  }

  private makeOwedSummaries(): void {
    for (const document of this.documents.values()) this.makeOwedSummary(document);
  }

  /** Makes the summary the document's last analysis owes, if it owes one; when it changed the project, stales the dependants. */
  private makeOwedSummary(document: OpenDocument): void {
    const make = document.owedSummary;
    if (!make) return;
    document.owedSummary = undefined;
    if (!make()) return;
    document.projectChanged = true;
    // What the project says of the dependants changed, not their text: their next analysis reuses nothing.
    this.staleDependents(document.fileName);
  }

  /** The last analysis of exactly this version of the document, never a new one (what the lightbulb reads). */
  analysis(uri: string, version: number): DocumentAnalysis | undefined {
    const analysis = this.documents.get(uri)?.analysis;
    return analysis && analysis.version === version ? analysis : undefined;
  }

  /**
   * A text that is not open (a file on disk): analysed with its file's config. What its exports are is kept from
   * this analysis's facts for the files that import it (ProjectIndex.offerValues), unless the project counts it as
   * test code, which the facts of the file alone would not.
   */
  analyzeText(fileName: string, text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const project = this.projectFactsOf(fileName);
    let facts: Facts | undefined;
    const result = analyze({ text, fileName, config: this.configOf(fileName, options), project, onFacts: (f) => (facts = f) }, this.rulesFor(options));
    const built = facts;
    if (!built || !project || project.isTestCode) return result;
    try {
      this.index.offerValues(fileName, text, () => summarizeValues(built));
    } catch (error) {
      result.internalErrors.push(summaryFailure(error, fileName));
    }
    return result;
  }

  /**
   * `files` (paths) in an order that analyses a file before the files that import it, where the project index
   * knows both, so that `analyzeText` has what their exports are ready when its importers ask. Indices into `files`.
   */
  analysisOrder(files: readonly string[]): number[] {
    return this.index.dependencyOrder(files.map((f) => path.resolve(f)), this.indexOnDemand);
  }

  // ---- fixes ---------------------------------------------------------------------------------------------------

  /** The finding a code action refers to, if that analysis is still the current one. */
  finding(uri: string, ref: FindingRef): Finding | undefined {
    return this.analysis(uri, ref.version)?.result.findings[ref.index];
  }

  /** "Ignore <rule-id> on this line" for the open document's 0-based `line`. */
  ignoreEdit(uri: string, ruleId: string, line: number): TextEdit | undefined {
    const document = this.documents.get(uri);
    return document && ignoreEdit(document.text, ruleId, line);
  }

  /** Every safe fix of a text that is not open (`vigil scan --fix`): the text after them and what remains. */
  fixText(fileName: string, text: string, options: AnalyzeOptions = {}): FixOutcome {
    const config = this.configOf(fileName, options);
    const selected = this.rulesFor(options);
    const project = this.projectFactsOf(fileName);
    return applySafeFixes(text, (t) => analyze({ text: t, fileName, config, project }, selected));
  }

  /**
   * Every safe fix of the open document as one edit of the region that changes (`source.fixAll`), starting from
   * the analysis of its current version when there is one; undefined when nothing changes.
   */
  fixAll(uri: string, options: AnalyzeOptions = {}): TextEdit | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const current = this.analysis(uri, document.version)?.result;
    if (current?.skipped || skipReason(document.text)) return undefined;
    const { text, fileName } = document;
    const config = this.configOf(fileName, options);
    const selected = this.rulesFor(options);
    const project = this.projectFactsOf(fileName);
    const outcome = applySafeFixes(text, (t) => analyze({ text: t, fileName, config, project }, selected), current);
    return changedRegionEdit(text, outcome.text);
  }

  // ---- review --------------------------------------------------------------------------------------------------

  /**
   * The questions a reviewer answers before accepting the code in `range` of the open document: its findings'
   * and those raised by what the code does. Uses the current analysis, or makes one (not kept).
   */
  checklist(uri: string, range: Range, options: AnalyzeOptions = {}): ChecklistItem[] {
    const document = this.documents.get(uri);
    if (!document || skipReason(document.text)) return [];
    const analysis = this.analysis(uri, document.version) ?? this.analyze(uri, options);
    if (!analysis) return [];
    const tree = this.trees.treeFor(uri, document.text, document.fileName);
    const offset = (p: Position) => offsetOf(tree.getLineStarts(), document.text.length, p);
    const start = offset(range.start);
    const end = offset(range.end);
    const inside = analysis.result.findings.filter((f) => offset(f.range.start) < end && offset(f.range.end) > start);
    const facts = blockFacts(buildFacts(tree, projectPathOf(document.fileName, this.projectRootOf(document.fileName))), start, end);
    return reviewChecklist(inside, facts, Workspace.ruleTitle);
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  /**
   * The kept tree, reparsed; undefined when the parser runs out of stack (the document is then reported as
   * nested too deeply, and that result replaces the previous version's like any other).
   */
  private treeOrOverflow(uri: string, text: string, fileName: string): ts.SourceFile | undefined {
    try {
      return this.trees.treeFor(uri, text, fileName);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      this.trees.forget(uri);
      return undefined;
    }
  }

  private projectRootOf(fileName: string): string | undefined {
    return path.isAbsolute(fileName) ? this.projects.packageRootOf(fileName) : undefined;
  }

  /** What the index says of the file; a buffer with no folder (untitled) sees no other file. */
  private projectFactsOf(fileName: string): ProjectFacts | undefined {
    return path.isAbsolute(fileName) ? this.index.factsFor(fileName, this.indexOnDemand) : undefined;
  }

  /**
   * The open documents that depend on `file`, whose analyses (and the base an incremental analysis would reuse)
   * are out of date now: what the project says of them changed, not their text.
   */
  private staleDependents(file: string): string[] {
    return this.stale(this.dependentsOf(file));
  }

  /** Drops the analyses of the open documents `uris`, and the bases an incremental analysis would reuse. */
  private stale(uris: string[]): string[] {
    for (const uri of uris) {
      const document = this.documents.get(uri)!;
      document.analysis = undefined;
      document.base = undefined;
    }
    return uris;
  }

  private dependentsOf(file: string): string[] {
    const dependants = new Set(this.index.dependantsOf(file));
    return [...this.documents.entries()].filter(([, d]) => dependants.has(d.fileName)).map(([uri]) => uri);
  }

  private configOf(fileName: string, options: AnalyzeOptions): ResolvedConfig {
    // Path patterns in rules are read relative to the file's project folder (project-path.ts).
    let config: ResolvedConfig = { ...this.settingsFor(fileName).config, root: this.projectRootOf(fileName) };
    if (options.overrides && Object.keys(options.overrides).length > 0) config = { ...config, rules: { ...config.rules, ...options.overrides } };
    const only = options.only;
    if (only) config = { ...config, rules: Object.fromEntries(Object.entries(config.rules).filter(([id, s]) => !(s === 'off' && only.includes(id)))) };
    return config;
  }

  private rulesFor(options: AnalyzeOptions): typeof rules {
    const only = options.only;
    return only ? rules.filter((r) => only.includes(r.meta.id)) : rules;
  }
}

/** A summary for the project index that failed: the analysis's internal error, never the caller's. */
function summaryFailure(error: unknown, fileName: string): InternalError {
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: `project summary failed on ${fileName}: ${e.message}`, stack: e.stack };
}

/** An LSP position as an offset, clamped to the line and the text (as LSP's `offsetAt` does). */
function offsetOf(lineStarts: readonly number[], length: number, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return length;
  const lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : length;
  return Math.max(lineStarts[position.line], Math.min(lineStarts[position.line] + position.character, lineEnd));
}
