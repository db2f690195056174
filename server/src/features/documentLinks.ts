// Document links: `url` values (front matter and definition fields) and the
// authority ids `wikidata`, `viaf` and `gnd`, linked to their records. The
// link covers the value; a value that makes no valid link is left alone
// (HM007/HM013 report the malformed ones).

import type { DocumentLink } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { Field } from '../syntax/types';
import { isHttpUrl } from './diagnostics/metadata';

export const AUTHORITY_LINKS: Record<string, { pattern: RegExp; url: (id: string) => string; tooltip: string }> = {
  wikidata: { pattern: /^Q\d+$/, url: (id) => `https://www.wikidata.org/wiki/${id}`, tooltip: 'Open in Wikidata' },
  viaf: { pattern: /^\d+$/, url: (id) => `https://viaf.org/viaf/${id}`, tooltip: 'Open in VIAF' },
  // GND ids are digits with an optional check character, e.g. 118559796, 4001307-5, 11852884X.
  gnd: { pattern: /^\d+(-?[\dX])?$/, url: (id) => `https://d-nb.info/gnd/${id}`, tooltip: 'Open in the GND' },
};

function linkTarget(field: Field, inDefinition: boolean): { target: string; tooltip?: string } | undefined {
  if (field.key === 'url') return isHttpUrl(field.value) ? { target: field.value } : undefined;
  const authority = inDefinition ? AUTHORITY_LINKS[field.key] : undefined;
  if (!authority?.pattern.test(field.value)) return undefined;
  return { target: authority.url(field.value), tooltip: authority.tooltip };
}

export function documentLinks(index: WorkspaceIndex, uri: string): DocumentLink[] {
  const entry = index.document(uri);
  if (!entry) return [];
  const links: DocumentLink[] = [];
  const add = (field: Field, inDefinition: boolean) => {
    const link = linkTarget(field, inDefinition);
    if (link) links.push({ range: entry.lines.range(field.valueSpan.start, field.valueSpan.end), ...link });
  };
  for (const field of entry.tree.frontMatter?.entries ?? []) add(field, false);
  for (const definition of entry.tree.definitions) for (const field of definition.fields) add(field, true);
  return links;
}
