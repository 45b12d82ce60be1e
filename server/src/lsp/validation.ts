/**
 * Validating one document: its settings and config, its tree (incremental), the core's analysis, the cache by
 * (uri, version) that code actions read, and the publish. A result is published only if the document is still
 * at the version that was analysed.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, skipReason } from '../core/analyze';
import type { ResolvedConfig } from '../core/config';
import { defaultConfig } from '../core/config';
import type { AnalysisResult } from '../core/types';
import type { FolderConfigs } from './config-files';
import { toDiagnostics } from './diagnostics';
import { DocumentTrees, fileNameFor } from './documents';
import type { Notices } from './notices';
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
      result = analyze({ text, fileName, config, sourceFile: this.trees.treeFor(document, fileName) });
    }
    for (const error of result.internalErrors) {
      this.notices.logOnce(`${error.ruleId ?? ''}:${fileName}`, `Vigil: ${error.message}`, error.stack);
    }
    this.cache.set(uri, { version, result, config, fileName });
    await this.connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(uri, result, version) });
  }

  close(uri: string): void {
    this.cache.delete(uri);
    this.trees.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
