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
  '<!-- An editor’s note\n  on two lines -->\n\n',
  '[M. SUSLOV]{@suslov}: Joint "words are here, plenty of them"{@suslov} ‘term’{~}.\n\n',
  'And more words from him.\n\n<!-- between two of his paragraphs --> <!-- and another -->\n\nHe goes on "about it"{~}.\n',
].join('');

const FRAGMENTS = [
  'a', ' ', 'word ', '"', '“', '”', '«', '»', "'", '’', '[', ']', '{', '}', '{@hoxha}', '{~}', '[X]{@x}', '{pb 4}', '{pb}', '{gap}', '@tito', '\\', '\n', '\n\n',
  '<!--', '-->', '# ', '> ', '  ', '---\n', '@person ', '[^1]', ':', '\r\n', '\r', '[Moscow]{-}', '[da]{lang: ru}', '𐌰', '\u2028', '\uFEFF',
];

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
    // Deep comparisons of whole sample trees: slow on a busy machine, and no timing is asserted.
  }, 120_000);

  it('equals a full parse when `{pb}` is typed or deleted just before a quotation mark (issue 9)', () => {
    const text = ['He said:', '', 'Then "we will never yield"{@hoxha} and „more words here“.', '', '{pb 12}"We will never give in," he said.', ''].join('\n');
    const marks = [...text.matchAll(/["„“]/g)].map((m) => m.index);
    for (const at of marks) {
      for (const insert of ['{pb}', '{pb 13}', '{gap}', '<!-- x -->']) {
        let current = text;
        let tree = parse(current);
        current = current.slice(0, at) + insert + current.slice(at);
        tree = reparse(tree, current);
        expect(tree).toEqual(parse(current));
        // And deleted again.
        current = text;
        tree = reparse(tree, current);
        expect(tree).toEqual(parse(current));
      }
    }
    // Deleting the page break that makes the mark open at line start.
    const pb = text.indexOf('{pb 12}');
    const edited = text.slice(0, pb) + text.slice(pb + 7);
    expect(reparse(parse(text), edited)).toEqual(parse(edited));
  });

  it.each([
    ['front matter closed by a `---` typed after a blank line', '---\ntitle: T\n\ndate: 1960\nBody text here.\n', (t: string) => t.replace('Body', '---\nBody')],
    ['the `<!--` of one of two unclosed comments deleted', 'Intro.\n\nOne <!-- open\n\nTwo <!-- also open\n', (t: string) => t.replace('<!--', '')],
    ['a U+2028 typed in a definition’s indented line', '@person a: A\n\n  x para\n\nText.\n', (t: string) => t.replace('  x para', '\u2028 x para')],
    ['a U+2028 typed at the start of the paragraph after a definition', '@person a: A\n\nx para\n', (t: string) => t.replace('x para', '\u2028 x para')],
    ['a U+FEFF typed mid-document', 'First paragraph.\n\nSecond paragraph.\n', (t: string) => t.replace('Second', '\uFEFFSecond')],
  ])('equals a full parse after %s (issue 8 item 9)', (_, text, edit) => {
    const edited = edit(text);
    expect(edited).not.toBe(text);
    expect(reparse(parse(text), edited)).toEqual(parse(edited));
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

  it('moves each node after the edited paragraph once, the ones two lists share included', () => {
    // Shared: a mention's apparatus and its display span, the IdRefs of attributions and fields, a turn's speaker.
    const after = [
      '[Comrade Hoxha]{@hoxha}: Then [Alia]{@alia sic: Ramiz Alia} said "many words in here"{@hoxha @tito} and {pb 4}.[^1]',
      '> Quoted words of the speaker\n> — @hoxha @tito',
      '> More quoted words here\n> — [Tito]{@tito}',
      '@person tito: Josip Broz Tito\n  aka: Tito\n  related: @hoxha @alia\n\n  A description.',
      '---',
      '[^1]: A note on [Tito]{@tito} and [(Applause)]{stage}.',
      '# A heading with [Tito]{@tito}',
    ].join('\n\n');
    const text = `# Minutes\n\nIntro paragraph with words.\n\n${after}\n`;
    const at = text.indexOf('words');
    for (const edited of [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + text.slice(at + 1)]) {
      const before = parse(text);
      const lastMention = before.mentions[before.mentions.length - 1];
      const reparsed = reparse(before, edited);
      expect(reparsed).toEqual(parse(edited));
      expect(reparsed.mentions[reparsed.mentions.length - 1]).toBe(lastMention);
    }
  });

  it('moves what follows, and parses nothing, when an editor’s comment among blank lines is typed in', () => {
    const text = `[M. SUSLOV]{@suslov}: Words.\n\nMore of his words.\n\n<!-- Running head omitted. --> <!-- x -->\n\nHe said "we go on"{~} with [Tito]{@tito}.\n`;
    const at = text.indexOf('head') + 2;
    for (const edited of [
      text.slice(0, at) + 'x' + text.slice(at),
      text.slice(0, at) + text.slice(at + 1),
      text.slice(0, at) + '\n\n' + text.slice(at),
      text.slice(0, at) + '<!--' + text.slice(at),
    ]) {
      const before = parse(text);
      const lastMention = before.mentions[before.mentions.length - 1];
      const reparsed = reparse(before, edited);
      expect(reparsed).toEqual(parse(edited));
      expect(reparsed.mentions[reparsed.mentions.length - 1]).toBe(lastMention);
    }
    // A `-->` typed into it ends the comment there: parsed from scratch.
    const closed = text.slice(0, at) + '-->' + text.slice(at);
    const before = parse(text);
    const lastMention = before.mentions[before.mentions.length - 1];
    const reparsed = reparse(before, closed);
    expect(reparsed).toEqual(parse(closed));
    expect(reparsed.mentions[reparsed.mentions.length - 1]).not.toBe(lastMention);
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
