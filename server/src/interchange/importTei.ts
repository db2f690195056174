// TEI files → a Histmark workspace: one transcript per TEI document (at the
// path the export recorded, else named after the file) and a registry,
// registry/<kind>.hmd, of the entities of every file, merged by xml:id.

import * as path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { histmarkId } from '../render/tei/ids';
import type { EntityKind } from '../syntax/types';
import { children, child, parseTei, position, XmlSyntaxError, type XmlPosition } from './dom';
import { entityElements, type ImportedEntity, importEntity } from './teiEntities';
import { frontMatterOf } from './teiHeader';
import { TextImporter, type ImportReport } from './teiText';

export interface TeiInput {
  /** How messages name the file. */
  file: string;
  xml: string;
}

export interface ImportMessage {
  file: string;
  position: XmlPosition;
  message: string;
  /** The file could not be read as TEI at all. */
  fatal: boolean;
}

export interface ImportResult {
  /** Paths relative to the output folder, with `/`. */
  files: { path: string; text: string }[];
  messages: ImportMessage[];
}

export const REGISTRY_FILES: Record<EntityKind, { file: string; title: string }> = {
  person: { file: 'registry/people.hmd', title: 'People' },
  org: { file: 'registry/organisations.hmd', title: 'Organisations' },
  place: { file: 'registry/places.hmd', title: 'Places' },
  event: { file: 'registry/events.hmd', title: 'Events' },
  work: { file: 'registry/works.hmd', title: 'Works' },
};

/** A relative path that stays inside the output folder, or undefined. */
function safePath(p: string | undefined): string | undefined {
  if (!p) return undefined;
  const normal = path.posix.normalize(p.replace(/\\/g, '/'));
  if (normal.startsWith('/') || normal.startsWith('..') || !normal.endsWith('.hmd') || normal.startsWith('registry/')) return undefined;
  return normal;
}

/** The ids `#pointers` of the document name. */
function pointedIds(root: Element): Set<string> {
  const ids = new Set<string>();
  for (const e of Array.from(root.getElementsByTagName('*') as unknown as Element[])) {
    for (const a of Array.from(e.attributes as unknown as { value: string }[])) {
      for (const token of a.value.split(/\s+/)) if (token.startsWith('#')) ids.add(histmarkId(token.slice(1)));
    }
  }
  return ids;
}

function teiDocuments(root: Element): Element[] {
  if (root.localName === 'TEI') return [root];
  return children(root).flatMap((c) => (c.localName === 'TEI' || c.localName === 'teiCorpus' ? teiDocuments(c) : []));
}

export function importTei(inputs: readonly TeiInput[]): ImportResult {
  const result: ImportResult = { files: [], messages: [] };
  const entities = new Map<string, ImportedEntity & { file: string }>();
  const used = new Set<string>();
  for (const input of inputs) {
    const say = (reports: ImportReport[]) => result.messages.push(...reports.map((r) => ({ file: input.file, ...r, fatal: false })));
    let root: Element;
    try {
      root = parseTei(input.xml).documentElement as unknown as Element;
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      result.messages.push({ file: input.file, position: error.position, message: `not well-formed XML: ${error.message}`, fatal: true });
      continue;
    }
    if (!root || (root.localName !== 'TEI' && root.localName !== 'teiCorpus')) {
      result.messages.push({ file: input.file, position: root ? position(root) : { line: 1, column: 1 }, message: `not TEI: the root element is <${root?.localName ?? ''}>, not <TEI> or <teiCorpus>`, fatal: true });
      continue;
    }
    const reports: ImportReport[] = [];
    // In a single document's standOff, an entity nothing points at is one the transcript itself defines.
    const pointed = root.localName === 'TEI' ? pointedIds(root) : undefined;
    const local: string[] = [];
    for (const e of entityElements(root)) {
      const entity = importEntity(e, reports);
      if (!entity) continue;
      if (pointed && !pointed.has(entity.id)) {
        local.push(entity.text);
        continue;
      }
      const known = entities.get(entity.id);
      if (!known) entities.set(entity.id, { ...entity, file: input.file });
      else if (known.text !== entity.text) reports.push({ position: position(e), message: `@${entity.id} is also defined in ${known.file}, differently: the first definition is kept` });
    }
    say(reports);
    const documents = teiDocuments(root);
    documents.forEach((tei, k) => {
      const header = frontMatterOf(child(tei, 'teiHeader'));
      const base = path.basename(input.file).replace(/\.xml$/i, '');
      let file = safePath(header.path) ?? (documents.length > 1 ? `${base}-${k + 1}.hmd` : `${base}.hmd`);
      for (let n = 2; used.has(file); n++) file = file.replace(/(-\d+)?\.hmd$/, `-${n}.hmd`);
      used.add(file);
      const text = new TextImporter();
      const body = child(child(tei, 'text'), 'body') ?? child(tei, 'text');
      if (!body) reports.push({ position: position(tei), message: '<TEI> without <text>: the transcript has its front matter only' });
      let content = body ? text.blocks(body, 0) + text.finish() : '';
      if (text.footnotes.length > 0 && !content.endsWith('\n')) content += '\n';
      for (const note of text.footnotes) content += `[^${note.label}]: ${note.text}\n`;
      if (local.length > 0 && !content.endsWith('\n')) content += '\n';
      for (const definition of local) content += `${definition}\n`;
      say(text.reports);
      const frontMatter = header.lines.length > 0 ? `---\n${header.lines.join('\n')}\n---\n` : '';
      result.files.push({ path: file, text: frontMatter + content });
    });
  }
  const byKind = new Map<EntityKind, string[]>();
  for (const entity of entities.values()) byKind.set(entity.kind, [...(byKind.get(entity.kind) ?? []), entity.text]);
  for (const [kind, { file, title }] of Object.entries(REGISTRY_FILES) as [EntityKind, { file: string; title: string }][]) {
    const definitions = byKind.get(kind);
    if (definitions) result.files.push({ path: file, text: `# ${title}\n\n${definitions.join('\n\n')}\n` });
  }
  return result;
}
