// One transcript as a TEI document, or a workspace as a teiCorpus (SPEC.md
// 14): header from the front matter, standOff with the entities referred
// to (the whole registry for a corpus), the text from the shared walk.

import type { Entity } from '../../model/entity';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import type { Position } from '../../syntax/positions';
import { walkDocument } from '../walk';
import { XmlWriter } from '../xmlWriter';
import { type BodyContext, isLanguageTag, writeBlocks } from './body';
import { writeHeader } from './header';
import { entityClosure, writeStandOff } from './standOff';

export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

export interface ExportWarning {
  uri: string;
  offset: number;
  /** Where `offset` is (0-based, UTF-16), taken while the document is at hand. */
  position: Position;
  message: string;
}

/** A warning at `offset` of the indexed document `uri`. */
export function exportWarning(index: WorkspaceIndex, uri: string, offset: number, message: string): ExportWarning {
  return { uri, offset, position: index.document(uri)?.lines.positionAt(offset) ?? { line: 0, character: 0 }, message };
}

export interface TeiSource {
  entry: DocumentEntry;
  /** Path relative to the workspace root, with `/`. */
  path: string;
}

interface Sink {
  writer: XmlWriter;
  warnings: ExportWarning[];
  index: WorkspaceIndex;
  /** The document being written, for reports of characters XML cannot hold. */
  current: { uri: string };
}

function sink(index: WorkspaceIndex): Sink {
  const warnings: ExportWarning[] = [];
  const current = { uri: '' };
  const writer = new XmlWriter((code, at) => {
    warnings.push(exportWarning(index, current.uri, at ?? 0, `character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML: exported as U+FFFD`));
  });
  return { writer, warnings, index, current };
}

function lookup(index: WorkspaceIndex): (id: string) => Entity | undefined {
  return (id) => index.entity(id);
}

function treeOf(index: WorkspaceIndex) {
  return (uri: string) => index.document(uri)?.tree;
}

/** Every id the document refers to: mentions, attributions, speakers, front matter, its own definitions. */
function referencedIds(entry: DocumentEntry): string[] {
  return [...entry.references.keys(), ...entry.entities.map((e) => e.id)];
}

function warnDuplicates(s: Sink, entities: readonly Entity[]): void {
  for (const entity of entities) {
    for (const other of s.index.definitions(entity.id).slice(1)) {
      s.warnings.push(exportWarning(s.index, other.uri, other.definition.idSpan.start, `@${entity.id} is defined twice (HM003): only the first definition is exported`));
    }
  }
}

function writeTei(s: Sink, source: TeiSource, options: { standOff: boolean; idPrefix: string }): void {
  const { writer: w, index } = s;
  const { entry } = source;
  const warn = (at: number, message: string) => s.warnings.push(exportWarning(index, entry.uri, at, message));
  const find = lookup(index);
  s.current.uri = entry.uri;
  w.start('TEI', options.standOff ? { xmlns: TEI_NAMESPACE } : {});
  const frontMatter = entry.tree.frontMatter;
  for (const c of entry.tree.comments) if (frontMatter && c.start < frontMatter.end) warn(c.start, 'a comment in the front matter is not exported');
  writeHeader({ writer: w, lookup: find, warn, path: source.path }, frontMatter);
  if (options.standOff) {
    const entities = entityClosure(referencedIds(entry), find, treeOf(index));
    warnDuplicates(s, entities);
    writeStandOff({ writer: w, lookup: find, treeOf: treeOf(index), warn: (entity, at, message) => s.warnings.push(exportWarning(index, entity.uri, at, message)) }, entities);
  }
  const language = entry.tree.frontMatter?.entries.find((e) => e.key === 'language')?.value;
  w.newline().start('text', { 'xml:lang': language !== undefined && isLanguageTag(language) ? language : undefined }).start('body');
  const doc = walkDocument(entry.tree, find);
  for (const warning of doc.warnings) warn(warning.at, warning.message);
  const body: BodyContext = { writer: w, fragments: doc.fragments, idPrefix: options.idPrefix, warn, isDefined: (id) => find(id) !== undefined };
  writeBlocks(body, doc.blocks);
  w.end().end();
  w.endOnNewLine();
}

/** One transcript as a standalone TEI document. */
export function teiDocument(index: WorkspaceIndex, source: TeiSource): { xml: string; warnings: ExportWarning[] } {
  const s = sink(index);
  s.writer.declaration();
  writeTei(s, source, { standOff: true, idPrefix: '' });
  return { xml: s.writer.toString() + '\n', warnings: s.warnings };
}

/** The transcripts as one teiCorpus: a shared header with the whole registry in standOff. */
export function teiCorpus(index: WorkspaceIndex, sources: Iterable<TeiSource>, title: string): { xml: string; warnings: ExportWarning[] } {
  const s = sink(index);
  const w = s.writer;
  w.declaration().start('teiCorpus', { xmlns: TEI_NAMESPACE });
  w.newline().start('teiHeader').newline().start('fileDesc');
  w.newline().start('titleStmt').newline().element('title', {}, title).endOnNewLine();
  w.newline().start('publicationStmt').newline().element('p', {}, 'Exported by Histmark').endOnNewLine();
  w.newline().start('sourceDesc').newline().element('p', {}, 'The transcripts of a Histmark workspace.').endOnNewLine();
  w.endOnNewLine().endOnNewLine();
  const entities = [...index.entities()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  warnDuplicates(s, entities);
  const find = lookup(index);
  writeStandOff({ writer: w, lookup: find, treeOf: treeOf(index), warn: (entity, at, message) => s.warnings.push(exportWarning(index, entity.uri, at, message)) }, entities);
  let k = 0;
  for (const source of sources) {
    w.newline();
    writeTei(s, source, { standOff: false, idPrefix: `d${++k}.` });
  }
  w.endOnNewLine();
  return { xml: w.toString() + '\n', warnings: s.warnings };
}
