// Pushes diagnostics for every workspace document (open or not), batching
// the documents an edit affects and re-diagnosing only those.

import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { diagnoseConfig, diagnoseDocument } from '../features/diagnostics';
import type { HmDiagnostic } from '../features/diagnostics/types';
import type { Severity } from '../model/config';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { IndexGate } from './indexGate';
import { Notifications, type WorkspaceStatus } from './protocol';
import { TypingGuard } from './typingGuard';
import type { ServerSettings } from './settings';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: HmDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: LSP_SEVERITY[d.severity],
    code: d.code,
    source: 'histmark',
    message: d.message,
    data: d.data,
    relatedInformation: d.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
  };
}

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private readonly published = new Set<string>();
  /** Errors and warnings per document, for the status bar. */
  private readonly counts = new Map<string, { errors: number; warnings: number }>();
  private scheduled = false;
  /** The config file's uri and text, when the workspace has one. */
  config: { uri: string; text: string } | undefined;
  /** Holds back half-typed markup's diagnostics on the line being typed; the full set follows the pause. */
  readonly typing = new TypingGuard((uri) => this.schedule([uri]));
  /**
   * Diagnostics worked out while the index was built, each document's as it
   * was indexed (its tree at hand), for the first publication: valid while
   * its entry is the one indexed and no change has reached it since.
   */
  private readonly prepared = new Map<string, { entry: DocumentEntry; diagnostics: HmDiagnostic[] }>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly settings: () => ServerSettings,
    private readonly gate: IndexGate,
  ) {}

  /** Queues documents for re-diagnosis on the next turn of the event loop, once the index is complete. */
  schedule(uris: Iterable<string>): void {
    for (const uri of uris) {
      this.pending.add(uri);
      // Something changed that reaches it: what was worked out before is stale.
      this.prepared.delete(uri);
    }
    this.queueFlush();
  }

  /** Keeps a document's diagnostics worked out during the build (now, unless a worker did) for its first publication. */
  prepare(uri: string, diagnostics?: HmDiagnostic[]): void {
    const entry = this.index.document(uri);
    if (entry) this.prepared.set(uri, { entry, diagnostics: diagnostics ?? diagnoseDocument(this.index, uri) });
  }

  private queueFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  scheduleAll(): void {
    for (const d of this.index.documents()) this.pending.add(d.uri);
    for (const uri of this.published) this.pending.add(uri);
    if (this.config) this.pending.add(this.config.uri);
    this.queueFlush();
  }

  /** The diagnostics the client is shown for one document. */
  diagnosticsOf(uri: string): Diagnostic[] {
    if (this.config?.uri === uri) return diagnoseConfig(this.index, this.config.text).map(toLspDiagnostic);
    const hideUnlinked = !this.settings().showUnlinkedMentions;
    const prepared = this.prepared.get(uri);
    this.prepared.delete(uri);
    const found = prepared?.entry === this.index.document(uri) ? prepared?.diagnostics : undefined;
    return this.typing
      .filter(uri, found ?? diagnoseDocument(this.index, uri))
      .filter((d) => !(hideUnlinked && d.code === 'HM005'))
      .map(toLspDiagnostic);
  }

  private flush(): void {
    // Diagnostics of a half-built index would be false (an entity not read yet is "undefined").
    if (!this.gate.isReady) return void this.gate.ready().then(() => setImmediate(() => this.flush()));
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      let diagnostics: Diagnostic[];
      try {
        diagnostics = this.diagnosticsOf(uri);
      } catch (error) {
        this.connection.console.error(`Diagnostics of ${uri} failed: ${(error as Error).stack ?? error}`);
        continue;
      }
      const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
      const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
      if (errors + warnings > 0) this.counts.set(uri, { errors, warnings });
      else this.counts.delete(uri);
      // An empty list is sent only to clear what the client was shown before.
      if (diagnostics.length === 0 && !this.published.has(uri)) continue;
      if (diagnostics.length > 0) this.published.add(uri);
      else this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.sendStatus();
  }

  sendStatus(): void {
    void this.connection.sendNotification(Notifications.status, this.status());
  }

  status(): WorkspaceStatus {
    let errors = 0;
    let warnings = 0;
    for (const c of this.counts.values()) {
      errors += c.errors;
      warnings += c.warnings;
    }
    return { indexing: !this.gate.isReady, documents: this.index.documentCount, entities: this.index.entityCount, errors, warnings };
  }
}
