/**
 * Validating one document: its settings and config, its tree (incremental), the core's analysis, the cache by
 * (uri, version) that code actions read, and the publish. A result is published only if the document is still
 * at the version that was analysed.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type * as ts from 'typescript';
import { analyze, skipReason } from '../core/analyze';
import { isStackOverflow, nestedTooDeeply } from '../core/stack-overflow';
import type { ResolvedConfig } from '../core/config';
import { defaultConfig } from '../core/config';
import type { AnalysisResult } from '../core/types';
import type { FolderConfigs } from './config-files';
import { toDiagnostics } from './diagnostics';
import { DocumentTrees, fileNameFor } from './documents';
import type { GitChanges } from './git-changes';
import type { InsertedBlocks } from './inserted-blocks';
import type { Notices } from './notices';
import { reviewDiagnostics } from './review-marks';
import type { Settings, SettingsCache } from './settings';

export interface CachedAnalysis {
  version: number;
  result: AnalysisResult;
  config: ResolvedConfig;
  fileName: string;
}

const nothing: AnalysisResult = { findings: [], parseErrors: [], internalErrors: [] };

/** VS Code settings apply on top of the file config. */
export function effectiveConfig(fileConfig: ResolvedConfig, settings: Settings): ResolvedConfig {
  if (Object.keys(settings.rules).length === 0) return fileConfig;
  return { ...fileConfig, rules: { ...fileConfig.rules, ...settings.rules } };
}

export class Validator {
  private readonly cache = new Map<string, CachedAnalysis>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly trees: DocumentTrees,
    private readonly settings: SettingsCache,
    private readonly configs: FolderConfigs,
    private readonly notices: Notices,
    private readonly blocks: InsertedBlocks,
    private readonly git: GitChanges,
  ) {}

  /** The analysis of exactly this version, or undefined while a newer one is pending. */
  cached(uri: string, version: number): CachedAnalysis | undefined {
    const entry = this.cache.get(uri);
    return entry && entry.version === version ? entry : undefined;
  }

  /** The config and file name a document is analysed with (also for fixAll's in-memory passes). */
  async contextFor(document: TextDocument): Promise<{ config: ResolvedConfig; fileName: string; active: boolean }> {
    const settings = await this.settings.get(document.uri);
    const { loaded, ignored } = this.configs.forDocument(document.uri);
    return {
      config: effectiveConfig(loaded?.config ?? defaultConfig, settings),
      fileName: fileNameFor(document.uri, document.languageId),
      active: settings.enable && !ignored,
    };
  }

  async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const { config, fileName, active } = await this.contextFor(document);
    if (this.documents.get(uri)?.version !== version) return;

    const text = document.getText();
    let result = nothing;
    const skipped = active ? skipReason(text) : undefined;
    if (skipped) {
      this.trees.forget(uri);
      result = { ...nothing, skipped };
    } else if (active) {
      result = this.analyzeDocument(document, text, fileName, config);
    }
    for (const error of result.internalErrors) {
      this.notices.logOnce(`${error.ruleId ?? ''}:${fileName}`, `Vigil: ${error.message}`, error.stack);
    }
    const entry = { version, result, config, fileName };
    this.cache.set(uri, entry);
    await this.publish(uri, entry);
  }

  /** The inserted blocks changed: the analysis stands, its marks and the focus filter are applied again. */
  async republish(uri: string): Promise<void> {
    const entry = this.cache.get(uri);
    if (entry && this.documents.get(uri)?.version === entry.version) await this.publish(uri, entry);
  }

  /** The analysis of the document's current text: the cached one, or a new one (not published). */
  async analysisOf(document: TextDocument): Promise<CachedAnalysis | undefined> {
    const cached = this.cached(document.uri, document.version);
    if (cached) return cached;
    const { config, fileName, active } = await this.contextFor(document);
    if (!active) return undefined;
    const text = document.getText();
    if (skipReason(text)) return undefined;
    const result = this.analyzeDocument(document, text, fileName, config);
    return { version: document.version, result, config, fileName };
  }

  /**
   * The analysis over the document's kept tree. A parse that runs out of stack gives the "nested too deeply"
   * notice, which replaces the previous version's diagnostics like any other result.
   */
  private analyzeDocument(document: TextDocument, text: string, fileName: string, config: ResolvedConfig): AnalysisResult {
    let sourceFile: ts.SourceFile;
    try {
      sourceFile = this.trees.treeFor(document, fileName);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      this.trees.forget(document.uri);
      return { ...nothing, skipped: nestedTooDeeply };
    }
    return analyze({ text, fileName, config, sourceFile });
  }

  private async publish(uri: string, entry: CachedAnalysis): Promise<void> {
    const { version, result, fileName } = entry;
    const { focus } = await this.settings.get(uri);
    const changedLines = focus === 'changed' && uri.startsWith('file:') ? await this.git.changedLines(fileName) : undefined;
    if (this.documents.get(uri)?.version !== version) return;
    const diagnostics = reviewDiagnostics(toDiagnostics(uri, result, version), { focus, blocks: this.blocks.get(uri), changedLines, now: Date.now() });
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  close(uri: string): void {
    this.cache.delete(uri);
    this.blocks.forget(uri);
    this.trees.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
