// Keeps the index in step with the editor and the disk: workspace folders
// loaded on start, open documents from the client, unopened files through
// watched-file events, and histmark.json changes.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, FileEvent, WorkDoneProgressReporter } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../model/config';
import { isExcludedFile, nodeFileSystem, type WorkspaceFileSystem } from '../model/fileSystem';
import { loadWorkspaceFolder, readDocument, readFailure, readScope, uriOfPath } from '../model/loader';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export class WorkspaceSync {
  folders: string[] = [];
  private readonly open = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly publisher: DiagnosticsPublisher,
    private readonly fileSystem: WorkspaceFileSystem = nodeFileSystem,
  ) {}

  /** Indexes every folder; the first folder's histmark.json configures the workspace. */
  async load(folders: string[], progress?: WorkDoneProgressReporter): Promise<void> {
    this.folders = folders;
    const started = Date.now();
    for (const folder of folders.slice().reverse()) {
      const result = await loadWorkspaceFolder(this.index, this.fileSystem, folder, (done, total) => {
        if (done % 200 === 0 || done === total) progress?.report(Math.round((done / total) * 100), `${done}/${total} documents`);
      });
      for (const failure of result.failures) this.connection.console.warn(`${failure.path}: ${failure.message}`);
      if (result.configText !== undefined) this.publisher.config = { uri: uriOfPath(path.join(folder, CONFIG_FILE)), text: result.configText };
    }
    this.connection.console.log(`Indexed ${this.index.documentCount} documents, ${this.index.entityCount} entities in ${Date.now() - started} ms.`);
    this.publisher.scheduleAll();
  }

  /** An open document's text is the editor's, not the disk's. Returns the documents affected. */
  documentChanged(document: TextDocument): Set<string> {
    this.open.add(document.uri);
    const affected = this.index.setDocument(document.uri, document.getText(), document.version);
    this.publisher.schedule(affected);
    return affected;
  }

  /** On close the disk's version counts again (the edits may not have been saved). */
  async documentClosed(uri: string): Promise<void> {
    this.open.delete(uri);
    await this.reloadFromDisk(uri);
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    for (const change of changes) {
      const file = pathOf(change.uri);
      if (!file) continue;
      if (path.basename(file) === CONFIG_FILE && this.folders.includes(path.dirname(file))) {
        await this.reloadConfig();
        return;
      }
      if (!file.endsWith('.hmd') || this.open.has(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) this.publisher.schedule(this.index.removeDocument(change.uri));
      else await this.reloadFromDisk(change.uri);
    }
  }

  private inWorkspace(file: string): boolean {
    return this.folders.some((folder) => !isExcludedFile(folder, file, this.index.config.exclude));
  }

  private async reloadFromDisk(uri: string): Promise<void> {
    const file = pathOf(uri);
    if (!file || !this.inWorkspace(file)) {
      this.publisher.schedule(this.index.removeDocument(uri));
      return;
    }
    try {
      const scope = await readScope(this.fileSystem, this.folders, this.index.config);
      this.publisher.schedule(this.index.setDocument(uri, await readDocument(this.fileSystem, file, scope)));
    } catch (error) {
      // Deleted or unreadable: it leaves the workspace, and its diagnostics with it.
      this.connection.console.warn(`${file}: ${readFailure(error)}`);
      this.publisher.schedule(this.index.removeDocument(uri));
    }
  }

  /** histmark.json changed: its exclude globs may change which files count, so reload all. */
  private async reloadConfig(): Promise<void> {
    const openTexts = [...this.open].map((uri) => [uri, this.index.document(uri)] as const);
    for (const doc of [...this.index.documents()]) this.index.removeDocument(doc.uri);
    this.publisher.config = undefined;
    await this.load(this.folders);
    for (const [uri, entry] of openTexts) if (entry) this.index.setDocument(uri, entry.text, entry.version);
    this.publisher.scheduleAll();
  }
}
