// Keeps the index in step with the editor and the disk: workspace folders
// loaded on start, open documents from the client, unopened files through
// watched-file events, and histmark.json changes.
//
// Two rules keep the user's text from ever being lost to a race:
// - an open document's text is always taken from the client's document
//   store at the moment it is applied, never from a snapshot;
// - a disk read is applied only if nothing happened to its document while
//   it was under way (a per-uri generation counter).

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, FileEvent, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../model/config';
import { isExcludedFile, nodeFileSystem, type WorkspaceFileSystem } from '../model/fileSystem';
import { type LoadResult, loadWorkspaceFolder, readDocument, readFailure, readScope, uriOfPath } from '../model/loader';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { IndexGate } from './indexGate';
import { loadInWorkers } from './indexWorkers';
import { SERVED_SCHEMES } from './protocol';

export function isServed(uri: string): boolean {
  return SERVED_SCHEMES.some((scheme) => uri.startsWith(`${scheme}:`));
}

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export class WorkspaceSync {
  folders: string[] = [];
  /** Bumped by everything that changes a document's text: a disk read that started before is stale. */
  private readonly generations = new Map<string, number>();
  /** Bumped when a rebuild is asked for: it reads every file afresh, so a read under way is stale too. */
  private rebuilds = 0;
  /** Open documents whose open was seen: a later change of one is an edit. */
  private readonly edited = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly publisher: DiagnosticsPublisher,
    private readonly gate: IndexGate,
    private readonly fileSystem: WorkspaceFileSystem = nodeFileSystem,
    /** The script index worker threads run (dist/indexWorker.js); without it, this thread indexes everything. */
    private readonly indexWorkerScript?: string,
  ) {}

  /** The first build: indexes every folder; the first folder's histmark.json configures the workspace. */
  initialLoad(folders: string[], progress?: WorkDoneProgressReporter): Promise<void> {
    this.folders = folders;
    // A restarted server's client still shows the old counts: say it is indexing.
    this.publisher.sendStatus();
    return this.gate.build(() => this.load(progress), true);
  }

  /** An open document's text is the editor's, not the disk's. Returns the documents affected. */
  documentChanged(document: TextDocument): Set<string> {
    if (!isServed(document.uri)) return new Set();
    this.bump(document.uri);
    // During a build the text is applied when the build ends, from the store.
    if (!this.gate.isReady) return new Set();
    const before = this.edited.has(document.uri) ? this.index.document(document.uri)?.text : undefined;
    this.edited.add(document.uri);
    const affected = this.applyOpen(document.uri);
    // An edit, not an open: the line typed on holds back half-typed markup's diagnostics.
    if (before !== undefined) this.publisher.typing.edited(document.uri, before, document.getText());
    this.publisher.schedule(affected);
    return affected;
  }

  /** On close the disk's version counts again (the edits may not have been saved). */
  async documentClosed(uri: string): Promise<void> {
    this.edited.delete(uri);
    this.publisher.typing.forget(uri);
    if (isServed(uri)) await this.reloadFromDisk(uri);
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    for (const change of changes) {
      const file = pathOf(change.uri);
      if (!file) continue;
      if (path.basename(file) === CONFIG_FILE && this.folders.includes(path.dirname(file))) {
        // A full reload reads every file: the other changes are in it.
        await this.reloadConfig();
        return;
      }
      if (!file.endsWith('.hmd') || this.isOpen(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.bump(change.uri);
        this.publisher.schedule(this.index.removeDocument(change.uri));
      } else {
        await this.reloadFromDisk(change.uri);
      }
    }
  }

  private async load(progress?: WorkDoneProgressReporter): Promise<void> {
    const started = Date.now();
    for (const folder of this.folders.slice().reverse()) {
      // A folder that cannot be read costs its own documents only: the open ones are still served.
      try {
        const result = await this.loadFolder(folder, progress);
        for (const failure of result.failures) this.connection.console.warn(`${failure.path}: ${failure.message}`);
        if (result.configText !== undefined) this.publisher.config = { uri: uriOfPath(path.join(folder, CONFIG_FILE)), text: result.configText };
      } catch (error) {
        this.connection.console.error(`Indexing ${folder} failed: ${(error as Error).stack ?? error}`);
      }
    }
    // The loader read open documents from disk: the editor's text wins, and reaches what it reaches.
    for (const document of this.documents.all()) if (isServed(document.uri)) this.publisher.schedule(this.applyOpen(document.uri));
    this.connection.console.log(`Indexed ${this.index.documentCount} documents, ${this.index.entityCount} entities in ${Date.now() - started} ms.`);
    this.publisher.scheduleAll();
  }

  /** One folder, on worker threads when it is large and on disk. */
  private async loadFolder(folder: string, progress?: WorkDoneProgressReporter): Promise<LoadResult> {
    const onProgress = (done: number, total: number) => {
      if (done % 200 === 0 || done === total) progress?.report(Math.round((done / total) * 100), `${done}/${total} documents`);
    };
    // Each transcript is diagnosed as it is indexed, while its tree is at hand (a closed document's is not kept:
    // storedDocument.ts); with several folders, another folder's registry and configuration are still to come.
    const single = this.folders.length === 1;
    if (this.indexWorkerScript && this.fileSystem === nodeFileSystem) {
      try {
        const loaded = await loadInWorkers(this.index, folder, this.indexWorkerScript, {
          onProgress,
          onSettled: single ? (uri, diagnostics) => this.publisher.prepare(uri, diagnostics) : undefined,
        });
        if (loaded) {
          this.connection.console.log(`${folder}: indexed on ${loaded.threads} threads.`);
          return loaded;
        }
      } catch (error) {
        this.connection.console.warn(`Indexing ${folder} on worker threads failed (${(error as Error).message}); indexing it on this one.`);
      }
    }
    return loadWorkspaceFolder(this.index, this.fileSystem, folder, onProgress, single ? (uri) => this.publisher.prepare(uri) : undefined);
  }

  private isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  /** Indexes the open document's current text, its tree kept whole while it is open. */
  private applyOpen(uri: string): Set<string> {
    const document = this.documents.get(uri)!;
    return this.index.setDocument(uri, document.getText(), document.version, { open: true });
  }

  private bump(uri: string): number {
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    return generation;
  }

  private inWorkspace(file: string): boolean {
    return this.folders.some((folder) => !isExcludedFile(folder, file, this.index.config.exclude));
  }

  private async reloadFromDisk(uri: string): Promise<void> {
    // Reopened before this ran (a close waits for a rebuild): the editor's text wins.
    if (this.isOpen(uri)) return;
    const generation = this.bump(uri);
    const rebuilds = this.rebuilds;
    const file = pathOf(uri);
    if (!file || !this.inWorkspace(file)) {
      this.publisher.schedule(this.index.removeDocument(uri));
      return;
    }
    let text: string | undefined;
    try {
      text = await readDocument(this.fileSystem, file, await readScope(this.fileSystem, this.folders, this.index.config));
    } catch (error) {
      text = undefined;
      if (this.generations.get(uri) === generation) this.connection.console.warn(`${file}: ${readFailure(error)}`);
    }
    // Opened, re-read, deleted or rebuilt meanwhile: what happened since is the truth.
    if (this.generations.get(uri) !== generation || this.rebuilds !== rebuilds || this.isOpen(uri)) return;
    // Deleted or unreadable: it leaves the workspace, and its diagnostics with it.
    this.publisher.schedule(text === undefined ? this.index.removeDocument(uri) : this.index.setDocument(uri, text));
  }

  /** histmark.json changed: its exclude globs may change which files count, so rebuild the index. */
  private reloadConfig(): Promise<void> {
    this.rebuilds++;
    return this.gate.build(async () => {
      for (const doc of [...this.index.documents()]) this.index.removeDocument(doc.uri);
      this.publisher.config = undefined;
      await this.load();
    });
  }
}
