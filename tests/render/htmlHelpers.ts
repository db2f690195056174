// Transcripts rendered to HTML with a small registry, for exact comparisons.

import { documentHtmlBlocks } from '../../server/src/render/html/document';
import type { HtmlMode } from '../../server/src/render/html/inline';
import { indexOf } from './helpers';

export const HTML_REGISTRY = `@person khrushchev: Nikita Khrushchev
  born: 1894-04-15
  died: 1971-09-11

@person hoxha: Enver Hoxha

@org cpsu: Communist Party of the Soviet Union
  founded: 1912

@place moscow: Moscow

@event congress: 22nd Congress
  date: 1961-10
`;

/** The body HTML of `transcript`, blocks joined by line breaks; entity links as `e/<id>.html`. */
export function html(transcript: string, mode: HtmlMode = 'reading', registry = HTML_REGISTRY): string {
  const index = indexOf({ 'registry.hmd': registry, 'doc.hmd': transcript });
  const entry = index.document('file:///ws/doc.hmd')!;
  return documentHtmlBlocks(index, entry, mode, (id) => `e/${id}.html`)
    .map((b) => b.html)
    .join('\n');
}
