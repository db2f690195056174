// Property test: on any text mixing Histmark fragments the parser never
// throws, every span lies inside the text, blocks tile the text, and the flat
// lists are sorted. Line ends and a BOM change no structure.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../server/src/syntax/parse';
import type { Span, SyntaxTree } from '../../server/src/syntax/types';
import { checkInvariants, LISTS } from './invariants';

const FRAGMENTS = [
  // quotation marks of every kind, and apostrophes
  '"', "'", '“', '”', '„', '«', '»', '‘', '’', "'s ", 's\' ', 'don’t',
  // brackets, braces and the brace-group forms
  '[', ']', '{', '}', '[x]', '[Tito]{@tito}', '{@a}', '{@a @b}', '{@deng?}', '{~}', '{@?}', '{@?: the hall}',
  '{pb 3}', '{pb}', '{gap}', '{gap: torn}', '{sic}', '{sic: y}', '{?}', '{+}', '{stage}', '{@a sic: z}', '{}', '{x}',
  '\\[Nikita\\]', '[^1]', '[^n-2]', '[^1]: ',
  // Histmark 1.1: not a mention, foreign words (and malformed tags), transparent page breaks, mixed marks, joined words
  '[Moscow]{-}', '{-}', '[da]{lang: ru}', '[x]{lang: sr-Latn}', '{lang ru}', '[y]{lang: ru_RU}', '[Boris]{@a lang: ru}', '[Boris]{@a -}',
  'Ho{pb 13}xha', 'Enver {pb}Hoxha', '{pb 12}"', '"mixed”', 'Marxist-Leninist', "don't go",
  // mentions and definitions
  '@a', '@hoxha-', '@x_', 'name@host.org', '@', '@person ', '@org cpsu: CPSU', '@place x', '  aka: A; B', '  member-of: @cpsu', '  born: 1900',
  // comments, front matter, block quotes, headings, turns
  '<!--', '-->', '<!-- c -->', '---', '>', '> ', '> — @a', '> {~}', '> -- [A]{@a}', '#', '# ', '### ', ':', '[A]{@a}: ',
  // escapes and punctuation that decides how `"` is read
  '\\', '\\"', '\\\\', '—', '–', '-', '/', '(', ')', '.', ',', '…',
  // line ends and spaces
  '\n', '\n', '\r\n', '\r\n', '\n\n', '\r\n\r\n', ' ', ' ', '  ', '\t', '\r', '\u00a0',
  // words and Unicode
  'word', 'We can come', 'Albania', 'ë', 'Łódź', '中文', 'e\u0301', '𝔸', '٣', '\uFEFF', '\u0000',
  // astral letters (Gothic, CJK Extension B, mathematical) and other line breaks
  '𐌰𐌱 𐌲', '𠀀', '𝐀', '@𐌰𐌱', '\u2028', '\r\r',
];

const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

const document = fc
  .tuple(fc.constantFrom('', '', '---\n', '---\r\ntitle: x\r\n---\r\n', '\uFEFF', '\uFEFF---\nauthor: [@a, @b]\n---\n'), fc.array(fragment, { maxLength: 60 }))
  .map(([start, parts]) => start + parts.join(''));

/** The tree as the text of each node, with `\r` and the BOM dropped, for comparing structures. */
function signature(tree: SyntaxTree): Record<string, string[]> {
  const text = (span: Span) => tree.text.slice(span.start, span.end).replace(/[\r\uFEFF]/g, '');
  const result: Record<string, string[]> = {};
  for (const list of LISTS) result[list] = tree[list].map((node) => `${'kind' in node ? node.kind : ''}:${text(node)}`);
  // A text that is only a BOM is one blank block.
  result.blocks = result.blocks.filter((block) => block !== 'blank:');
  result.words = tree.quotations.map((q) => String(q.words));
  result.attributions = tree.quotations.map((q) => q.attribution?.kind ?? '-');
  result.plainText = [];
  for (let i = 0; i < tree.plainText.length; i += 2) result.plainText.push(text({ start: tree.plainText[i], end: tree.plainText[i + 1] }));
  result.registry = [String(tree.isRegistry)];
  return result;
}

describe('parser properties', () => {
  it('never throws; spans inside the text; blocks tile it; lists sorted', () => {
    fc.assert(
      fc.property(document, (text) => {
        checkInvariants(text, parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads CRLF line ends like LF line ends', () => {
    const lfDocument = document.map((text) => text.replace(/\r/g, ''));
    fc.assert(
      fc.property(lfDocument, (text) => {
        const crlf = text.replace(/\n/g, '\r\n');
        const tree = parse(crlf);
        checkInvariants(crlf, tree);
        expect(signature(tree)).toEqual(signature(parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores a BOM', () => {
    const plainDocument = document.map((text) => text.replace(/\uFEFF/g, ''));
    fc.assert(
      fc.property(plainDocument, (text) => {
        const withBom = '\uFEFF' + text;
        const tree = parse(withBom);
        checkInvariants(withBom, tree);
        expect(signature(tree)).toEqual(signature(parse(text)));
      }),
      { numRuns: 1000 },
    );
  });
});
