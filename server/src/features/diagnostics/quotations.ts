// HM001 (unattributed quotation) and HM004 (unclosed quotation), SPEC 6.

import type { DocumentEntry } from '../../model/workspaceIndex';
import type { Quotation, Span } from '../../syntax/types';
import type { Finding } from './types';

/**
 * The first words of a quotation, for messages: `“We can come to…”`, with
 * comments, block-quote markers and the opener a continuing paragraph
 * repeats (SPEC 6.1) left out and white space collapsed. It reads only as
 * far as the excerpt needs (`comments`, the tree's, say where to skip): a
 * quotation left open runs to the end of its paragraph, and every one of
 * thousands of them has a message.
 */
export function quotationExcerpt(text: string, q: Quotation, comments: readonly Span[], maxLength = 40): string {
  const end = excerptEnd(text, q, comments, maxLength);
  const opener = text[q.opener.start];
  const raw = text
    .slice(q.content.start, end)
    .replace(/<!--[^]*?-->/g, '')
    // A paragraph that continues the quotation repeats its opener (SPEC 6.1): not part of the words.
    .split(/\n[ \t]*\r?\n\s*/)
    .map((paragraph, i) => (i > 0 && !q.block && paragraph.startsWith(opener) ? paragraph.slice(1) : paragraph))
    .join('\n')
    .replace(/^\s*>\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return raw.length > maxLength ? `${raw.slice(0, maxLength).trimEnd()}…` : raw;
}

/** Where the excerpt's text ends: after `maxLength + 1` characters that are neither white space nor in a comment. */
function excerptEnd(text: string, q: Quotation, comments: readonly Span[], maxLength: number): number {
  let comment = firstCommentFrom(comments, q.content.start);
  // Markers and a repeated opener may be left out: a few characters more than the excerpt shows.
  let visible = maxLength + 8;
  let p = q.content.start;
  for (; p < q.content.end && visible > 0; p++) {
    while (comment < comments.length && comments[comment].end <= p) comment++;
    if (comment < comments.length && comments[comment].start <= p) p = comments[comment].end - 1;
    else if (text.charCodeAt(p) > 32) visible--;
  }
  return p;
}

function firstCommentFrom(comments: readonly Span[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comments[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
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
        message: `Quotation “${quotationExcerpt(entry.text, q, entry.tree.comments)}” is never closed: add its closing mark before the paragraph ends, or escape this mark (\\${entry.text[q.opener.start]}) if it opens nothing.`,
      });
    } else if (isUnattributed(q, minWords)) {
      const fix = q.block ? 'end the block quote with a line `> — @id`, `> — {@?}` or `> {~}`' : 'add {@id}, {@?} or {~} directly after the closing mark';
      findings.push({
        start: q.start,
        end: q.end,
        code: 'HM001',
        message: `Quotation “${quotationExcerpt(entry.text, q, entry.tree.comments)}” has no attribution: ${fix}.`,
      });
    }
  }
  return findings;
}
