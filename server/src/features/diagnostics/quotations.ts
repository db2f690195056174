// HM001 (unattributed quotation) and HM004 (unclosed quotation), SPEC 6.

import type { DocumentEntry } from '../../model/workspaceIndex';
import type { Quotation } from '../../syntax/types';
import type { Finding } from './types';

/** The first words of a quotation, for messages: `“We can come to…”`. */
export function quotationExcerpt(text: string, q: Quotation, maxLength = 40): string {
  const opener = text[q.opener.start];
  const raw = text
    .slice(q.content.start, q.content.end)
    // A paragraph that continues the quotation repeats its opener (SPEC 6.1): not part of the words.
    .split(/\n[ \t]*\r?\n\s*/)
    .map((paragraph, i) => (i > 0 && !q.block && paragraph.startsWith(opener) ? paragraph.slice(1) : paragraph))
    .join('\n')
    .replace(/^\s*>\s?/gm, '')
    .replace(/<!--[^]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return raw.length > maxLength ? `${raw.slice(0, maxLength).trimEnd()}…` : raw;
}

export function isUnattributed(q: Quotation, minWords: number): boolean {
  return !q.unclosed && !q.attribution && q.words >= minWords;
}

export function quotationFindings(entry: DocumentEntry, minWords: number): Finding[] {
  const findings: Finding[] = [];
  for (const q of entry.tree.quotations) {
    if (q.unclosed) {
      findings.push({
        ...q.opener,
        code: 'HM004',
        message: `Quotation “${quotationExcerpt(entry.text, q)}” is never closed: add its closing mark before the paragraph ends, or escape this mark (\\${entry.text[q.opener.start]}) if it opens nothing.`,
      });
    } else if (isUnattributed(q, minWords)) {
      const fix = q.block ? 'end the block quote with a line `> — @id`, `> — {@?}` or `> {~}`' : 'add {@id}, {@?} or {~} directly after the closing mark';
      findings.push({
        start: q.start,
        end: q.end,
        code: 'HM001',
        message: `Quotation “${quotationExcerpt(entry.text, q)}” has no attribution: ${fix}.`,
      });
    }
  }
  return findings;
}
