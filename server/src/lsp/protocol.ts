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

/**
 * Where a reference stands: in the text, as the speaker of a turn, inside
 * quoted words, as the attribution of a quotation, or in a front-matter
 * entry or a definition field (`metadata`, labelled by its key).
 */
export type MentionKind = 'mention' | 'turn' | 'quotation' | 'attribution' | 'metadata';

export interface MentionRow {
  range: Range;
  /** The reference as written (the display text of `[text]{@id}`). */
  text: string;
  kind: MentionKind;
  /** What the view shows for the kind: "turn", or the key of a metadata entry ("author", "member-of"). */
  kindLabel: string;
  /** A line of reading text around the reference. */
  context: string;
  /** Where the reference is in `context`: [start, end). */
  highlight?: [number, number];
}

export interface DocumentMentions {
  uri: string;
  /** A registry document: its references are cross-references, not what a source says. */
  registry: boolean;
  mentions: MentionRow[];
}

export interface QuotationSummary {
  location: Location;
  /** The opening words, as reading text. */
  excerpt: string;
  /** The `title` of the document's front matter, if any. */
  documentTitle?: string;
}

export interface EntityAtPosition {
  id: string;
  /** The preferred name, or `@id` for an undefined id. */
  name: string;
}

export interface MentionStepParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
  direction: 'next' | 'previous';
}

/** The reference Next/Previous Mention moves to; no `location` when the entity has no references. */
export interface MentionStep {
  id: string;
  name: string;
  location?: Location;
  /** 1-based place of `location` among `total` references, in document order. */
  ordinal?: number;
  total: number;
  /** The step went past the last (or first) reference and came round to the other end. */
  wrapped: boolean;
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

/** An entity of the Show Network graph (`histmark/network`). */
export interface NetworkViewNode {
  id: string;
  kind: EntitySummary['kind'];
  name: string;
  counts: { mentions: number; quotations: number; turns: number; documents: number };
  definition: Location;
}

/** Who quotes whom, who mentions whom (directed), who is named with whom (undirected). */
export interface NetworkViewEdge {
  type: 'quotes' | 'mentions' | 'co-occurs';
  source: string;
  target: string;
  weight: number;
  /** How many of the `weight` rest on an uncertain identification (`{@x?}`). */
  uncertain: number;
  /** Workspace-relative paths of the transcripts. */
  documents: string[];
}

export interface NetworkView {
  nodes: NetworkViewNode[];
  edges: NetworkViewEdge[];
  /** References to undefined ids, left out (HM002). */
  warning?: string;
}

export type TimelineLane = 'document' | 'event' | 'life';

/** One dated thing on the Show Timeline line (`histmark/timeline`). */
export interface TimelineItem {
  lane: TimelineLane;
  label: string;
  /** The date in words: "c. 1960", "between 23 and 28 April 1960", "1908 – 1985". */
  when: string;
  /** Earliest and latest day meant, as YYYYMMDD numbers. */
  earliest: number;
  latest: number;
  /** A span in time (a meeting over days, a life) rather than one day, known or not. */
  span: boolean;
  /** Circa, uncertain, a season or a window: the place on the line is approximate. */
  approximate: boolean;
  /** Where a click goes: the transcript, or the entity's definition. */
  location: Location;
}

export interface Timeline {
  items: TimelineItem[];
}

/** `histmark/renderHtml`: a document as the preview shows it. */
export interface RenderHtmlParams {
  textDocument: { uri: string };
  mode: 'reading' | 'diplomatic';
}

export interface RenderHtmlResult {
  uri: string;
  /** The version of the text rendered. */
  version: number;
  /** The page title: the front matter's `title`, else the file name. */
  title: string;
  /** Top-level blocks in order, each escaped HTML keyed by the source offset and 0-based line it starts at. */
  blocks: { at: number; line: number; html: string }[];
}

export const Requests = {
  /** () → EntitySummary[] */
  entities: 'histmark/entities',
  /** { id } → DocumentMentions[] */
  entityMentions: 'histmark/entityMentions',
  /** { id } → QuotationSummary[] */
  entityQuotations: 'histmark/entityQuotations',
  /** TextDocumentPositionParams → EntityAtPosition, or null */
  entityAt: 'histmark/entityAt',
  /** MentionStepParams → MentionStep, or null when no entity is at the position */
  mentionStep: 'histmark/mentionStep',
  /** { textDocument, range, kind, id, name } → WorkspaceEdit registering the entity and linking the selection */
  createEntity: 'histmark/createEntity',
  /** AttributeParams (features/attribution.ts) → WorkspaceEdit attributing an HM001 quotation, as the picker chose */
  attribute: 'histmark/attribute',
  /** ExportTeiParams → ExportTeiResult */
  exportTei: 'histmark/exportTei',
  /** ImportTeiParams → ImportTeiResult */
  importTei: 'histmark/importTei',
  /** () → NetworkView: the entity network of every transcript */
  network: 'histmark/network',
  /** () → Timeline: transcripts, events and lives by date */
  timeline: 'histmark/timeline',
  /** RenderHtmlParams → RenderHtmlResult, or null for a document not in the workspace */
  renderHtml: 'histmark/renderHtml',
} as const;

export const Notifications = {
  /** WorkspaceStatus, after diagnostics change and when indexing starts */
  status: 'histmark/status',
} as const;
