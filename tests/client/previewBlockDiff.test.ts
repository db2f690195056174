// The preview sends the webview only the blocks that changed: an edit in one
// block of a long document replaces that block, and the blocks after it only
// move (their lines and offsets shift).

import { describe, expect, it } from 'vitest';
import { diffBlocks } from '../../client/src/preview/blockDiff';
import { html } from '../render/htmlHelpers';
import { documentHtmlBlocks } from '../../server/src/render/html/document';
import { indexOf } from '../render/helpers';

function blocks(text: string) {
  const index = indexOf({ 'doc.hmd': text });
  return documentHtmlBlocks(index, index.document('file:///ws/doc.hmd')!, 'reading', () => undefined);
}

const paragraphs = (n: number) => Array.from({ length: n }, (_, k) => `Paragraph ${k} of the "minutes"{~}.`).join('\n\n') + '\n';

describe('diffBlocks', () => {
  it('an edit inside one paragraph replaces that block only; the later ones move by the edit', () => {
    const before = paragraphs(500);
    const after = before.replace('Paragraph 200 of', 'Paragraph 200, long and edited, of');
    const change = diffBlocks(blocks(before), blocks(after))!;
    expect(change).toMatchObject({ start: 200, deleteCount: 1, lineDelta: 0, atDelta: ', long and edited,'.length });
    expect(change.blocks.map((b) => b.html)).toEqual([blocks(after)[200].html]);
  });

  it('a new paragraph is one inserted block; the later ones move down by its lines', () => {
    const before = paragraphs(50);
    const after = before.replace('Paragraph 10 of', 'New words.\n\nParagraph 10 of');
    const change = diffBlocks(blocks(before), blocks(after))!;
    expect(change).toMatchObject({ start: 10, deleteCount: 0, lineDelta: 2, atDelta: 'New words.\n\n'.length });
    expect(change.blocks).toHaveLength(1);
  });

  it('no change, no update; text that looks like a position attribute is compared as text', () => {
    expect(diffBlocks(blocks(paragraphs(3)), blocks(paragraphs(3)))).toBeUndefined();
    const change = diffBlocks(blocks('A data-at="1" b.\n'), blocks('A data-at="2" b.\n'))!;
    expect(change.blocks.map((b) => b.html)).toEqual([html('A data-at="2" b.\n').replace(/ href="[^"]*"/g, '')]);
  });
});
