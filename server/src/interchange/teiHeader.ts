// teiHeader → Histmark front matter (SPEC.md 2): the inverse of
// render/tei/header.ts, and the usual places other TEI keeps the same facts.

import type { Element } from '@xmldom/xmldom';
import { histmarkId } from '../render/tei/ids';
import { attr, child, children, descendants, nodes, pointerIds, textContent } from './dom';

function names(parent: Element | undefined): string[] {
  if (!parent) return [];
  const out: string[] = [];
  for (const e of children(parent)) {
    if (e.localName === 'resp' || e.localName === 'date') continue;
    const ids = [...pointerIds(attr(e, 'ref')).map(histmarkId), ...(attr(e, 'key') ?? '').split(/\s+/).filter((k) => k !== '')];
    if (ids.length > 0) out.push(...ids.map((id) => `@${id}`));
    else if (attr(e, 'type') === 'unlinked' || e.localName === 'name') out.push(oneLine(textContent(e)));
    else {
      const nested = names(e);
      out.push(...(nested.length > 0 ? nested : [oneLine(textContent(e))].filter((t) => t !== '')));
    }
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Front-matter lines (`key: value`) from a teiHeader, or none. */
export function frontMatterOf(header: Element | undefined): { lines: string[]; path?: string } {
  if (!header) return { lines: [] };
  const lines: string[] = [];
  const add = (key: string, value: string | undefined) => {
    // An empty value is kept as the source had it (`recipient:`), for the diagnostics it gets.
    if (value !== undefined) lines.push(`${key}:${value.trim() === '' ? '' : ' ' + value.replace(/\r?\n/g, ' ')}`);
  };
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  for (const t of children(titleStmt ?? header, 'title')) if (attr(t, 'type') !== 'file') add('title', textContent(t));
  for (const a of titleStmt ? children(titleStmt, 'author') : []) add('author', names(a).join(' ') || oneLine(textContent(a)));
  const profile = child(header, 'profileDesc');
  const actions = profile ? descendants(profile, 'correspAction') : [];
  const received = actions.filter((a) => attr(a, 'type') === 'received');
  for (const r of received) add('recipient', names(r).join(' '));
  for (const resp of titleStmt ? children(titleStmt, 'respStmt') : []) {
    const role = oneLine(textContent(child(resp, 'resp') ?? resp)).toLowerCase();
    const key = role.startsWith('transl') ? 'translator' : role.startsWith('record') ? 'recorder' : undefined;
    if (key) add(key, names(resp).join(' '));
  }
  const sent = actions.find((a) => attr(a, 'type') === 'sent');
  const dates = [...(sent ? children(sent, 'date') : []), ...(child(profile, 'creation') ? children(child(profile, 'creation')!, 'date') : [])];
  for (const d of dates) add('date', textContent(d).trim() || attr(d, 'when'));
  const sourceDesc = child(fileDesc, 'sourceDesc');
  for (const ms of sourceDesc ? children(sourceDesc, 'msDesc') : []) {
    const idno = child(child(ms, 'msIdentifier'), 'idno');
    add('archive', idno ? textContent(idno) : oneLine(textContent(ms)));
  }
  const bibl = child(sourceDesc, 'bibl');
  if (bibl) {
    const source = nodes(bibl).filter((n) => n.nodeType === 3).map((n) => textContent(n)).join('');
    add('source', source);
    for (const ptr of children(bibl, 'ptr')) add('url', attr(ptr, 'target'));
    for (const note of children(bibl, 'note')) if (attr(note, 'type') === 'url') add('url', textContent(note));
  }
  for (const language of profile ? descendants(profile, 'language') : []) {
    const text = textContent(language);
    const [role, value] = text.includes(': ') ? [text.slice(0, text.indexOf(': ')), text.slice(text.indexOf(': ') + 2)] : ['transcript', attr(language, 'ident')];
    add(role === 'original' ? 'original-language' : 'language', value);
  }
  for (const note of child(fileDesc, 'notesStmt') ? children(child(fileDesc, 'notesStmt')!, 'note') : []) {
    const key = attr(note, 'n');
    if (key && /^[a-z][a-z0-9-]*$/.test(key)) add(key, textContent(note));
  }
  const exported = /^Exported by Histmark from (.+\.hmd)$/.exec(oneLine(textContent(child(fileDesc, 'publicationStmt') ?? header)));
  return { lines, path: exported?.[1] };
}
