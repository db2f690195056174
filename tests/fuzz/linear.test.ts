// Parsing does work linear in the size of the text, whatever the text
// (issue 8 item 4): for each input that was once quadratic, the text made 8
// times larger must cost at most 12 times the work (doubling at most ~2.3×;
// quadratic would be 64 times). Work is counted (./work.ts), not timed, so
// that neither a busy machine nor the garbage collector decides.

import { describe, expect, it } from 'vitest';
import { quotationFindings } from '../../server/src/features/diagnostics/quotations';
import type { DocumentEntry } from '../../server/src/model/workspaceIndex';
import { parse } from '../../server/src/syntax/parse';
import { LineIndex } from '../../server/src/syntax/positions';
import { reparse } from '../../server/src/syntax/reparse';
import { Random, randomDocument } from './generate';
import { countWork } from './work';

const SMALL = 2 * 1024;
const GROWTH = 8;
const MAX_RATIO = 12;

/** How much more work `work` does on the text made `GROWTH` times larger. */
function growth(make: (size: number) => string, work: (text: string) => void): number {
  const small = make(SMALL);
  const large = make(SMALL * GROWTH);
  return countWork(() => work(large)) / countWork(() => work(small));
}

/** Generated documents of every construct, repeated to the size wanted: the same mix at every size. */
const GENERATED = (() => {
  const random = new Random(7);
  let text = '';
  while (text.length < 2048) text += randomDocument(random, 80) + '\n\n';
  return text;
})();

const repeat = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));

const HOSTILE: [string, (size: number) => string][] = [
  ['a run of [', repeat('[')],
  ['nested brackets', (size) => '['.repeat(size / 2) + ']'.repeat(size / 2)],
  ['nested bracket groups', (size) => '[a'.repeat(size / 8) + ']{x}'.repeat(size / 8)],
  ['a run of ` "a`', repeat(' "a')],
  ['a run of `«…”`', repeat('«…”')],
  ['a run of `[^a`', repeat('[^a')],
  ['a run of „', repeat('„')],
  ['one unclosed quotation per line', repeat('"unclosed quotation here\n')],
  ['a run of `{@`', repeat('{@')],
  ["a run of `'a `", repeat("'a ")],
  ['a run of “', repeat('“')],
  ['unclosed comments', repeat('<!-- a\n\n')],
  ['lone CRs', repeat('a\r')],
  ['page breaks before quotes', repeat('{pb}"a ')],
  ['generated documents', (size) => repeat(GENERATED)(size)],
];

describe('linear time', () => {
  it.each(HOSTILE)('parses %s in linear time', (_, make) => {
    expect(growth(make, (text) => parse(text))).toBeLessThan(MAX_RATIO);
  });

  it.each(HOSTILE)('reports the quotations of %s in linear time', (_, make) => {
    const findings = (text: string) => quotationFindings({ text, tree: parse(text) } as DocumentEntry, 3);
    expect(growth(make, findings)).toBeLessThan(MAX_RATIO);
  });

  it('re-parses an edit of a large document in time linear in its size', () => {
    const make = HOSTILE[HOSTILE.length - 1][1];
    const edit = (text: string) => {
      const tree = parse(text);
      const at = text.length >> 1;
      reparse(tree, text.slice(0, at) + 'x"' + text.slice(at));
    };
    expect(growth(make, edit)).toBeLessThan(MAX_RATIO);
  });

  it('indexes lines in linear time, with and without CRs', () => {
    for (const make of [repeat('line\n'), repeat('line\r'), repeat('a')]) expect(growth(make, (text) => new LineIndex(text))).toBeLessThan(MAX_RATIO);
  });
});
