// In-memory workspaces exported to TEI, and small DOM queries over the result.

import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { teiDocument, type ExportWarning } from '../../server/src/render/tei/document';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** A workspace of `files` (path → text) under file:///ws/. */
export function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(files)) index.setDocument(`file:///ws/${path}`, text);
  return index;
}

const REGISTRY = `@person khrushchev: Nikita Khrushchev
  aka: Khrushchev
  born: 1894-04-15
  member-of: @cpsu

@person hoxha: Enver Hoxha

@org cpsu: Communist Party of the Soviet Union

@place moscow: Moscow

@event congress: 22nd Congress
  date: 1961-10-17..1961-10-31

@work pravda: Pravda
`;

/** Exports `transcript` (with a small registry) and returns the XML, its DOM and the warnings. */
export function exportText(transcript: string, registry = REGISTRY): { xml: string; dom: Document; warnings: ExportWarning[] } {
  const index = indexOf({ 'registry.hmd': registry, 'doc.hmd': transcript });
  const entry = index.document('file:///ws/doc.hmd')!;
  const { xml, warnings } = teiDocument(index, { entry, path: 'doc.hmd' });
  return { xml, dom: parseXml(xml), warnings };
}

export function parseXml(xml: string): Document {
  const errors: string[] = [];
  const dom = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
  if (errors.length > 0) throw new Error(`not well-formed: ${errors.join('; ')}`);
  return dom;
}

export function elements(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(TEI_NS, name));
}

export function first(root: Document | Element, name: string): Element {
  const found = elements(root, name)[0];
  if (!found) throw new Error(`no <${name}>`);
  return found;
}

/** The element's children as `name` or `#text`, for shape assertions. */
export function childNames(element: Element): string[] {
  return Array.from(element.childNodes as unknown as Node[]).map((n) => (n.nodeType === 1 ? (n as Element).localName! : n.nodeType === 3 ? '#text' : '#comment'));
}

export function attributes(element: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(element.attributes as unknown as { name: string; value: string }[])) out[a.name] = a.value;
  return out;
}

/** Text of the subtree, leaving out the elements named in `skip` (notes, corrections). */
export function textOf(node: Node, skip: ReadonlySet<string> = new Set()): string {
  if (node.nodeType === 3 || node.nodeType === 4) return (node as unknown as { data: string }).data;
  if (node.nodeType !== 1 && node.nodeType !== 9) return '';
  if (node.nodeType === 1 && skip.has((node as Element).localName!)) return '';
  return Array.from(node.childNodes as unknown as Node[]).map((c) => textOf(c, skip)).join('');
}

export function body(dom: Document): Element {
  return first(dom, 'body');
}
