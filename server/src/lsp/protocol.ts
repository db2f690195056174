// Histmark's own LSP requests and notifications, shared by the server and
// the VS Code client (which bundles this file too): names and shapes only.

import type { Location, Range } from 'vscode-languageserver-types';

export interface EntitySummary {
  id: string;
  kind: 'person' | 'org' | 'place' | 'event' | 'work';
  name: string;
  aliases: string[];
  mentions: number;
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
  /** The index is being built: the counts are not the workspace's yet. */
  indexing: boolean;
  documents: number;
  entities: number;
  errors: number;
  warnings: number;
}

/**
 * The URI schemes of Histmark documents: real files and unsaved new ones.
 * Virtual documents (a rename preview, a git diff, a search editor) show
 * text that is not the workspace's; indexing them would define every entity
 * twice. The client selects only these, and the server ignores the others.
 */
export const SERVED_SCHEMES = ['file', 'untitled'] as const;

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
  /** WorkspaceStatus, after diagnostics change and when indexing starts */
  status: 'histmark/status',
} as const;
