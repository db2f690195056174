// SPEC section 2: front matter, and the registry / transcript classification.

import { describe, expect, it } from 'vitest';
import { lines, parseDoc } from './helpers';

describe('front matter', () => {
  const text = lines(
    '---',
    'title: Letter of the CC of the CPSU to "Gomułka" [draft] {x}',
    'date: 1961-03-28',
    'author: @cpsu-cc',
    'recipient: @gomulka @pzpr; @polish-cc',
    'translator: [@a, @b]',
    'archive: AQSH, F. 14/AP, V. 1957, Dos. 2',
    'url: https://digitalarchive.wilsoncenter.org/document/119257',
    'Custom-Key: kept',
    'not a key value line',
    '',
    '---',
    'Body.',
  );
  const doc = parseDoc(text);
  const frontMatter = doc.tree.frontMatter!;

  it('is a block from the opening to the closing `---` line', () => {
    expect(frontMatter.closed).toBe(true);
    expect(doc.slice(frontMatter.open)).toBe('---');
    expect(doc.slice(frontMatter)).toBe(text.slice(0, text.lastIndexOf('---') + 3));
    expect(doc.tree.blocks[0].kind).toBe('frontMatter');
    expect(doc.tree.blocks[0].end).toBe(text.indexOf('Body.'));
  });

  it('reads each line as key: value with exact spans; values are raw text', () => {
    expect(frontMatter.entries.map((e) => [doc.slice(e.keySpan), doc.slice(e.valueSpan)])).toEqual([
      ['title', 'Letter of the CC of the CPSU to "Gomułka" [draft] {x}'],
      ['date', '1961-03-28'],
      ['author', '@cpsu-cc'],
      ['recipient', '@gomulka @pzpr; @polish-cc'],
      ['translator', '[@a, @b]'],
      ['archive', 'AQSH, F. 14/AP, V. 1957, Dos. 2'],
      ['url', 'https://digitalarchive.wilsoncenter.org/document/119257'],
      ['Custom-Key', 'kept'],
    ]);
    expect(frontMatter.entries.map((e) => e.value)).toEqual(frontMatter.entries.map((e) => doc.slice(e.valueSpan)));
    // No quotation, apparatus or brace-group markup is read in front matter.
    expect(doc.tree.quotations).toEqual([]);
    expect(doc.tree.problems).toEqual([]);
    expect(doc.tree.apparatus).toEqual([]);
  });

  it('reads mentions in the keys that take them: spaces, `;` and `[a, b]` lists', () => {
    const ids = (key: string) => frontMatter.entries.find((e) => e.key === key)!.refs.map((r) => doc.slice(r.span));
    expect(ids('author')).toEqual(['cpsu-cc']);
    expect(ids('recipient')).toEqual(['gomulka', 'pzpr', 'polish-cc']);
    expect(ids('translator')).toEqual(['a', 'b']);
    expect(ids('title')).toEqual([]);
    expect(doc.tree.mentions.map((m) => [m.form, doc.slice(m)])).toEqual([
      ['frontMatter', '@cpsu-cc'],
      ['frontMatter', '@gomulka'],
      ['frontMatter', '@pzpr'],
      ['frontMatter', '@polish-cc'],
      ['frontMatter', '@a'],
      ['frontMatter', '@b'],
    ]);
  });

  it('keeps unknown keys and lists lines that are not key: value', () => {
    expect(frontMatter.entries.some((e) => e.key === 'Custom-Key')).toBe(true);
    expect(frontMatter.malformed.map(doc.slice)).toEqual(['not a key value line']);
  });

  it('is not plain text', () => {
    expect(doc.plain()).toEqual(['Body.']);
  });

  it('marks tokens of a mention key that are not @id', () => {
    const bad = parseDoc(lines('---', 'author: @hoxha Enver; @', '---'));
    const entry = bad.tree.frontMatter!.entries[0];
    expect(entry.refs.map((r) => r.id)).toEqual(['hoxha']);
    expect(entry.badRefs.map(bad.slice)).toEqual(['Enver', '@']);
  });

  it('blanks a comment in a value without moving offsets', () => {
    const commented = parseDoc(lines('---', 'title: Letter <!-- draft --> to Gomułka', 'voice: @cpsu <!-- check -->', '---'));
    const [title, voice] = commented.tree.frontMatter!.entries;
    // Comment characters read as spaces, so `value` maps onto `valueSpan` character by character.
    expect(title.value.replace(/\s+/g, ' ')).toBe('Letter to Gomułka');
    expect(title.value.length).toBe(title.valueSpan.end - title.valueSpan.start);
    expect(voice.value).toBe('@cpsu');
    expect(voice.refs.map((r) => r.id)).toEqual(['cpsu']);
  });

  it('must begin on the first line', () => {
    const late = parseDoc(lines('', '---', 'title: x', '---'));
    expect(late.tree.frontMatter).toBeUndefined();
  });

  it('reports a front matter that is never closed and reads the lines as text', () => {
    const open = parseDoc(lines('---', 'title: x', '', 'Body "text"'));
    expect(open.tree.frontMatter).toBeUndefined();
    expect(open.problems()).toEqual(['---']);
    expect(open.quotes()).toEqual(['"text"']);
    expect(open.tree.isRegistry).toBe(false);
  });

  it('is an empty front matter when the two `---` lines are adjacent', () => {
    const empty = parseDoc(lines('---', '---', '# Registry'));
    expect(empty.tree.frontMatter?.entries).toEqual([]);
    expect(empty.tree.isRegistry).toBe(true);
  });
});

describe('registry or transcript', () => {
  it.each([
    ['definitions, headings, comments and footnotes', lines('---', 'title: People', '---', '# People', '<!-- c -->', '@person tito: Josip Broz Tito', '  aka: Tito', '', '  Yugoslav leader "Marshal".[^1]', '', '[^1]: A note.')],
    ['only front matter', lines('---', 'title: Empty', '---')],
    ['only blank lines', '\n\n  \n'],
  ])('is a registry with %s', (_, text) => {
    expect(parseDoc(text).tree.isRegistry).toBe(true);
  });

  it.each([
    ['a paragraph', lines('@person tito: Tito', '', 'Tito spoke.')],
    ['a block quote', lines('# Quote', '> words')],
    ['a speaker turn', '[Tito]{@tito}: yes'],
    ['an unindented line right after a definition', lines('@person tito: Tito', 'Tito spoke.')],
  ])('is a transcript with %s', (_, text) => {
    expect(parseDoc(text).tree.isRegistry).toBe(false);
  });
});
