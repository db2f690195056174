// What changed between two renderings of a document, block by block, so
// that the webview replaces only those: the common prefix and suffix are
// kept; a kept block after the change only moves (its lines and offsets
// shift by the same amount, since the edit is before it).

import type { PreviewBlock } from './messages';

/** The HTML of a block with its positions (`data-line`, `data-at`, `id`) taken out of the tags. */
function shape(html: string): string {
  // Content is escaped (no `<` or `>` in text or attribute values), so every `<…>` is a tag the renderer wrote.
  return html.replace(/<[^>]*>/g, (tag) => tag.replace(/ (?:data-line|data-at|id)="[^"]*"/g, ''));
}

export interface BlockChange {
  start: number;
  deleteCount: number;
  blocks: PreviewBlock[];
  lineDelta: number;
  atDelta: number;
}

export function diffBlocks(before: readonly PreviewBlock[], after: readonly PreviewBlock[]): BlockChange | undefined {
  const same = (a: PreviewBlock, b: PreviewBlock) => a.html === b.html || shape(a.html) === shape(b.html);
  let start = 0;
  while (start < before.length && start < after.length && before[start].html === after[start].html) start++;
  let suffix = 0;
  const max = Math.min(before.length, after.length) - start;
  while (suffix < max && same(before[before.length - 1 - suffix], after[after.length - 1 - suffix])) suffix++;
  // The kept tail must have moved uniformly; otherwise it is re-rendered.
  const tail = (list: readonly PreviewBlock[]) => list.slice(list.length - suffix);
  const [oldTail, newTail] = [tail(before), tail(after)];
  const lineDelta = suffix > 0 ? newTail[0].line - oldTail[0].line : 0;
  const atDelta = suffix > 0 ? newTail[0].at - oldTail[0].at : 0;
  if (oldTail.some((b, k) => newTail[k].line - b.line !== lineDelta || newTail[k].at - b.at !== atDelta)) suffix = 0;
  const deleteCount = before.length - start - suffix;
  const blocks = after.slice(start, after.length - suffix);
  if (deleteCount === 0 && blocks.length === 0 && lineDelta === 0 && atDelta === 0) return undefined;
  return { start, deleteCount, blocks, lineDelta: suffix > 0 ? lineDelta : 0, atDelta: suffix > 0 ? atDelta : 0 };
}
