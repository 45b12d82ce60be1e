/**
 * Validating one document: its settings, the Workspace's analysis (its config resolved per file), and the
 * publish. A result is published only if the document is still at the version that was analysed; code actions
 * read the Workspace's analysis of that version.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult, AnalyzeOptions, Workspace } from '../core/workspace';
import { toDiagnostics } from './diagnostics';
import { fileNameFor } from './documents';
import type { GitChanges } from './git-changes';
import type { InsertedBlocks } from './inserted-blocks';
import type { Notices } from './notices';
import { reviewDiagnostics } from './review-marks';
import type { SettingsCache } from './settings';

/** How a document is analysed: the settings on top of its file's config, and whether it is analysed at all. */
export interface DocumentContext {
  options: AnalyzeOptions;
  /** `vigil.enable` is on and the config does not ignore the file. */
  active: boolean;
}

const nothing: AnalysisResult = { findings: [], parseErrors: [], internalErrors: [] };

export class Validator {
  /** The result published for each document and its version (empty for a document that is not analysed). */
  private readonly published = new Map<string, { version: number; result: AnalysisResult }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: Workspace,
    private readonly settings: SettingsCache,
    private readonly notices: Notices,
    private readonly blocks: InsertedBlocks,
    private readonly git: GitChanges,
    /** Schedules another document's validation: one whose project facts this document's new text changed. */
    private readonly revalidate: (uri: string) => void,
  ) {}

  async contextFor(document: TextDocument): Promise<DocumentContext> {
    const settings = await this.settings.get(document.uri);
    const { ignored } = this.workspace.settingsFor(fileNameFor(document.uri, document.languageId));
    return { options: { overrides: settings.rules }, active: settings.enable && !ignored };
  }

  async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const { options, active } = await this.contextFor(document);
    if (this.documents.get(uri)?.version !== version) return;

    const analysis = active ? this.workspace.analyze(uri, options) : undefined;
    const result = analysis?.result ?? nothing;
    const fileName = fileNameFor(uri, document.languageId);
    const entry = { version, result };
    this.published.set(uri, entry);
    try {
      await this.publish(uri, entry, fileName);
    } finally {
      // What the document tells the rest of the project is made once its diagnostics are out: the documents
      // importing it read it, the one typed in does not. A failure to make it is one of the analysis's errors.
      if (active && this.workspace.settle(uri)) this.workspace.dependentDocuments(uri).forEach(this.revalidate);
      for (const error of result.internalErrors) {
        this.notices.logOnce(`${error.ruleId ?? ''}:${fileName}`, `Vigil: ${error.message}`, error.stack);
      }
    }
  }

  /** The inserted blocks changed: the analysis stands, its marks and the focus filter are applied again. */
  async republish(uri: string): Promise<void> {
    const entry = this.published.get(uri);
    const document = this.documents.get(uri);
    if (entry && document?.version === entry.version) await this.publish(uri, entry, fileNameFor(uri, document.languageId));
  }

  private async publish(uri: string, entry: { version: number; result: AnalysisResult }, fileName: string): Promise<void> {
    const { version, result } = entry;
    const { focus } = await this.settings.get(uri);
    const changedLines = focus === 'changed' && uri.startsWith('file:') ? await this.git.changedLines(fileName) : undefined;
    if (this.documents.get(uri)?.version !== version) return;
    const diagnostics = reviewDiagnostics(toDiagnostics(uri, result, version), { focus, blocks: this.blocks.get(uri), changedLines, now: Date.now() });
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  close(uri: string): void {
    this.published.delete(uri);
    this.blocks.forget(uri);
    this.workspace.close(uri).forEach(this.revalidate);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
