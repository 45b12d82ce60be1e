/**
 * Open documents, mirrored into the Workspace. `TextDocuments` calls `update` with the raw incremental changes, so
 * this is where each change's span in the old text is known: the spans go to the Workspace with the new text, and
 * its next analysis reparses incrementally instead of parsing the whole file again.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { TextChangeSpan, Workspace } from '../core/workspace';
import { isChangeEvent, wellFormedChange } from './well-formed-change';

const extensionByLanguage: Readonly<Record<string, string>> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

/** A file name for the core: the path of a file URI, else the URI's last segment with its language's extension. */
export function fileNameFor(uri: string, languageId: string): string {
  let name = uri;
  if (uri.startsWith('file:')) {
    try {
      name = fileURLToPath(uri);
    } catch {
      name = uri;
    }
  }
  if (/\.[cm]?[jt]sx?$/i.test(name)) return name;
  return `${path.basename(name) || 'untitled'}${extensionByLanguage[languageId] ?? '.tsx'}`;
}

export class WorkspaceDocuments implements TextDocumentsConfiguration<TextDocument> {
  constructor(private readonly workspace: Workspace) {}

  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    this.workspace.open({ uri, fileName: fileNameFor(uri, languageId), version, text: content });
    return TextDocument.create(uri, languageId, version, content);
  }

  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    // Checked before any is applied: the document changes in place, and half a notification would leave the
    // Workspace's text behind the document's.
    if (!Array.isArray(changes) || !changes.every(isChangeEvent)) throw new Error(`malformed contentChanges for ${document.uri} version ${version}: not applied`);
    let spans: TextChangeSpan[] | undefined = [];
    for (const given of changes) {
      // Each change applies to the previous one's result, so its offsets are taken against the text as it is now.
      const { change, span } = wellFormedChange(document, given);
      if (spans && span) spans.push({ start: span.start, end: span.end, newLength: change.text.length });
      else spans = undefined;
      TextDocument.update(document, [change], version);
    }
    this.workspace.update(document.uri, version, document.getText(), spans);
    return document;
  }
}
