// Re-parsing after an edit must give exactly what a full parse gives, and
// typing inside a paragraph must take the fast path (reuse the tree).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../server/src/syntax/parse';
import { reparse } from '../../server/src/syntax/reparse';

const transcripts = join(__dirname, '../../samples/transcripts');
const samples = readdirSync(transcripts).map((f) => readFileSync(join(transcripts, f), 'utf8'));

const SYNTHETIC = [
  '---\ntitle: T\n---\n',
  '[Comrade Hoxha]{@hoxha}: We said "we will not yield to anyone"{@hoxha} and {pb 3} more.\n\n',
  'He wrote “a long quotation\n\n“that goes on” here{@?} and @tito.[^1]\n\n',
  '> A block quote of some words\n> — @hoxha\n\n',
  '@person hoxha: Enver Hoxha\n  aka: Enver\n\n  Leader.\n\n',
  '[^1]: A note with [Tito]{@tito}.\n\n',
  '[(Applause from [Hoxha]{@hoxha})]{stage} and \\"escaped\\" text <!-- a comment --> end.\n\n',
  '[M. SUSLOV]{@suslov}: Joint "words are here, plenty of them"{@suslov} ‘term’{~}.\n',
].join('');

const FRAGMENTS = ['a', ' ', 'word ', '"', '“', '”', '«', '»', "'", '’', '[', ']', '{', '}', '{@hoxha}', '{~}', '[X]{@x}', '{pb 4}', '@tito', '\\', '\n', '\n\n', '<!--', '-->', '# ', '> ', '  ', '---\n', '@person ', '[^1]', ':', '\r\n'];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function apply(text: string, edit: Edit): string {
  const at = Math.min(edit.at, text.length);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

const editArbitrary = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat(8)),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...FRAGMENTS), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }).map((a) => a.join(''))),
});

describe('reparse', () => {
  it('equals a full parse after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(SYNTHETIC, ...samples), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        let tree = parse(text);
        for (const edit of edits) {
          const at = edit.at % (text.length + 1);
          text = apply(text, { ...edit, at });
          tree = reparse(tree, text);
          expect(tree).toEqual(parse(text));
        }
      }),
      { numRuns: 600 },
    );
  });

  it('re-parses only the paragraph when a letter is typed in it, reusing the rest of the tree', () => {
    const text = samples.find((s) => s.includes('Comrade Khrushchev]{@khrushchev} gave the floor'))!;
    const at = text.indexOf(' gave the floor');
    const before = parse(text);
    const lastBlock = before.blocks[before.blocks.length - 1];
    const lastMention = before.mentions[before.mentions.length - 1];
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const after = reparse(before, edited);
    expect(after).toEqual(parse(edited));
    // The same objects, moved one character on.
    expect(after.blocks[after.blocks.length - 1]).toBe(lastBlock);
    expect(after.mentions[after.mentions.length - 1]).toBe(lastMention);
  });

  it.each([
    ['a block quote', '> Quoted words of the speaker\n> — @hoxha\n', 'speaker'],
    ['a footnote', '[^1]: A note on [Tito]{@tito}\n  continued here.\n', 'continued'],
    ['a heading', '# Minutes of the meeting\n', 'meeting'],
  ])('re-parses only %s when a letter is typed in it', (_, block, word) => {
    const text = `Intro [Hoxha]{@hoxha} said "many words in here"{@hoxha}.[^1]\n\n${block}\nAfter "quoted again here"{~} @tito.\n`;
    const at = text.indexOf(word);
    const before = parse(text);
    const lastMention = before.mentions[before.mentions.length - 1];
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const after = reparse(before, edited);
    expect(after).toEqual(parse(edited));
    expect(after.mentions[after.mentions.length - 1]).toBe(lastMention);
  });

  it('falls back to a full parse when an edit opens a quotation or splits a paragraph', () => {
    for (const insert of ['"', '\n\n']) {
      const text = 'One "quoted words here"{@?} paragraph.\n\nTwo "more of them"{~} here.\n';
      const at = text.indexOf('paragraph');
      const before = parse(text);
      const lastBlock = before.blocks[before.blocks.length - 1];
      const edited = text.slice(0, at) + insert + text.slice(at);
      const after = reparse(before, edited);
      expect(after).toEqual(parse(edited));
      expect(after.blocks[after.blocks.length - 1]).not.toBe(lastBlock);
    }
  });

  it('falls back to a full parse when an edit ends a block with a line break, leaving a blank line after it', () => {
    const text = 'Text.[^1][^2]\n\n[^1]: The first note.\n[^2]: The second note.\n';
    const at = text.indexOf('note.') + 5;
    const edited = `${text.slice(0, at)}---\n${text.slice(at)}`;
    expect(reparse(parse(text), edited)).toEqual(parse(edited));
  });
});
