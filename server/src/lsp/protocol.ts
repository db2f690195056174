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
  documents: number;
  entities: number;
  errors: number;
  warnings: number;
}

/** `histmark/exportTei`: one transcript (`uri`) or every transcript of the workspace, as TEI files under `outDir`. */
export interface ExportTeiParams {
  uri?: string;
  /** A folder (file system path); the TEI of `a/b.hmd` is `outDir/a/b.xml`, relative to its workspace folder. */
  outDir: string;
}

export interface ExportTeiResult {
  /** File system paths of the files written. */
  written: string[];
  /** The TEI of `uri`, when one document was exported. */
  document?: string;
  warnings: { uri: string; range: Range; message: string }[];
}

/** `histmark/importTei`: TEI files → transcripts and a registry under `outDir`. */
export interface ImportTeiParams {
  files: string[];
  outDir: string;
}

export interface ImportTeiResult {
  written: string[];
  /** 1-based line and column, as XML parsers count. */
  messages: { file: string; line: number; column: number; message: string; fatal: boolean }[];
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
  /** ExportTeiParams → ExportTeiResult */
  exportTei: 'histmark/exportTei',
  /** ImportTeiParams → ImportTeiResult */
  importTei: 'histmark/importTei',
} as const;

export const Notifications = {
  /** WorkspaceStatus, after diagnostics change */
  status: 'histmark/status',
} as const;
