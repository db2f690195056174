// Histmark's own LSP requests and notifications, shared by the server and
// the VS Code client (which bundles this file too): names and shapes only.

import type { Location, Range } from 'vscode-languageserver-types';

export interface EntitySummary {
  id: string;
  kind: 'person' | 'org' | 'place' | 'event' | 'work';
  name: string;
  aliases: string[];
  /** References anywhere (the entity expands to them). */
  mentions: number;
  /** What the transcripts say, and the registry apart: "41 mentions in 7 transcripts · 6 quotations (+ 12 in the registry)". */
  counts: string;
  definition: Location;
}

export interface DocumentMentions {
  uri: string;
  mentions: { range: Range; text: string }[];
}

export interface QuotationSummary {
  location: Location;
  excerpt: string;
}

export interface WorkspaceStatus {
  documents: number;
  entities: number;
  errors: number;
  warnings: number;
}

export const Requests = {
  /** () → EntitySummary[] */
  entities: 'histmark/entities',
  /** { id } → DocumentMentions[] */
  entityMentions: 'histmark/entityMentions',
  /** { id } → QuotationSummary[] */
  entityQuotations: 'histmark/entityQuotations',
  /** TextDocumentPositionParams → the entity id at the position, or null */
  entityAt: 'histmark/entityAt',
  /** { textDocument, range, kind, id, name } → WorkspaceEdit registering the entity and linking the selection */
  createEntity: 'histmark/createEntity',
} as const;

export const Notifications = {
  /** WorkspaceStatus, after diagnostics change */
  status: 'histmark/status',
} as const;
