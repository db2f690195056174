// SPEC section 1: documents — BOM, line ends, escapes, comments, word characters.

import { describe, expect, it } from 'vitest';
import { isIdChar, isValidId, isWordChar, scanId } from '../../server/src/syntax/chars';
import { LineIndex } from '../../server/src/syntax/positions';
import { lines, onlyQuote, parseDoc } from './helpers';

function rebuilt(doc: ReturnType<typeof parseDoc>): string {
  return doc.tree.blocks.map((b) => doc.slice(b)).join('');
}

describe('BOM and line ends', () => {
  it('ignores a BOM: a heading, mention and quotation after it are read, with exact offsets', () => {
    const doc = parseDoc('\uFEFF# Letter\n\n@hoxha said "we will never" bow.');
    expect(doc.tree.headings).toHaveLength(1);
    expect(doc.slice(doc.tree.headings[0].text)).toBe('Letter');
    expect(doc.mentions()).toEqual(['@hoxha']);
    expect(doc.tree.mentions[0].start).toBe(doc.text.indexOf('@'));
    expect(doc.quotes()).toEqual(['"we will never"']);
    expect(rebuilt(doc)).toBe(doc.text);
    expect(doc.tree.blocks[0].start).toBe(0);
  });

  it('keeps the BOM out of plain text and reads a bare mention right after it', () => {
    const doc = parseDoc('\uFEFF@tito met Stalin.');
    expect(doc.mentions()).toEqual(['@tito']);
    expect(doc.plain()).toEqual([' met Stalin.']);
  });

  it('reads a quotation at the very start after a BOM as opening', () => {
    const doc = parseDoc('\uFEFF"Down with revisionism"{~}');
    expect(doc.quotes()).toEqual(['"Down with revisionism"']);
    expect(onlyQuote(doc).attribution?.kind).toBe('notSpeech');
  });

  it('accepts CRLF: blocks tile the text, ranges exclude the line end', () => {
    const text = '# Minutes\r\n\r\n[Comrade Khrushchev]{@khrushchev}: I wanted "to say\r\nthis" today.\r\n\r\n> — @hoxha\r\n';
    const doc = parseDoc(text);
    expect(rebuilt(doc)).toBe(text);
    expect(doc.blocks()).toEqual([
      'heading:# Minutes\r\n',
      'blank:\r\n',
      'paragraph:[Comrade Khrushchev]{@khrushchev}: I wanted "to say\r\nthis" today.\r\n',
      'blank:\r\n',
      'blockQuote:> — @hoxha\r\n',
    ]);
    expect(doc.slice(doc.tree.headings[0])).toBe('# Minutes');
    expect(doc.quotes()).toEqual(['"to say\r\nthis"', '> — @hoxha']);
    expect(doc.tree.quotations[0].words).toBe(3);
    expect(doc.slice(doc.tree.turns[0])).toBe('[Comrade Khrushchev]{@khrushchev}: I wanted "to say\r\nthis" today.\r\n\r\n> — @hoxha');
    expect(doc.plain()).toEqual(['Minutes', ': I wanted "to say\r\nthis" today.']);
  });

  it('keeps a CRLF paragraph quotation and its multi-paragraph continuation exact', () => {
    const doc = parseDoc('He wrote: "First part\r\n\r\n"second part" end.\r\n');
    expect(doc.quotes()).toEqual(['"First part\r\n\r\n"second part"']);
    expect(onlyQuote(doc).unclosed).toBe(false);
  });

  it('reads a BOM and CRLF together', () => {
    const text = '\uFEFF---\r\ntitle: Letter\r\n---\r\n\r\n@person tito: Josip Broz Tito\r\n  aka: Tito\r\n';
    const doc = parseDoc(text);
    expect(rebuilt(doc)).toBe(text);
    expect(doc.slice(doc.tree.frontMatter!.open)).toBe('---');
    expect(doc.tree.frontMatter!.entries.map((e) => [e.key, e.value])).toEqual([['title', 'Letter']]);
    expect(doc.slice(doc.tree.definitions[0].idSpan)).toBe('tito');
    expect(doc.slice(doc.tree.definitions[0].nameSpan!)).toBe('Josip Broz Tito');
    expect(doc.slice(doc.tree.definitions[0].fields[0].valueSpan)).toBe('Tito');
    expect(doc.tree.isRegistry).toBe(true);
  });

  it('gives an empty text no blocks and no nodes', () => {
    const doc = parseDoc('');
    expect(doc.tree.blocks).toEqual([]);
    expect(doc.tree.isRegistry).toBe(true);
  });

  it('keeps a final line without line end, and a final line end, in the last block', () => {
    expect(parseDoc('one\n\ntwo').blocks()).toEqual(['paragraph:one\n', 'blank:\n', 'paragraph:two']);
    expect(parseDoc('one\n\ntwo\n').blocks()).toEqual(['paragraph:one\n', 'blank:\n', 'paragraph:two\n']);
    expect(parseDoc('one\n\n\n').blocks()).toEqual(['paragraph:one\n', 'blank:\n\n']);
  });
});

describe('escapes', () => {
  it.each([
    ['\\"', '"'],
    ['\\@', '@'],
    ['\\[', '['],
    ['\\]', ']'],
    ['\\{', '{'],
    ['\\}', '}'],
    ['\\\\', '\\'],
  ])('%s stands for the literal character and starts no markup', (escape, literal) => {
    const doc = parseDoc(`He said ${escape}hoxha ${escape}word${escape} end.`);
    expect(doc.tree.escapes.map(doc.slice)).toEqual([escape, escape, escape]);
    expect(doc.tree.quotations).toEqual([]);
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.tree.apparatus).toEqual([]);
    expect(doc.tree.problems).toEqual([]);
    // The backslash is markup; the escaped character is text.
    expect(doc.plain().join('')).toBe(`He said ${literal}hoxha ${literal}word${literal} end.`);
  });

  it('keeps escaped quotation marks inside a quotation', () => {
    const doc = parseDoc('He said "the word \\"peace\\" is a lie"{@hoxha}.');
    expect(doc.quotes()).toEqual(['"the word \\"peace\\" is a lie"']);
    expect(onlyQuote(doc).words).toBe(6);
  });

  it('makes a bare mention after an escaped backslash possible', () => {
    const doc = parseDoc('a \\\\@tito b');
    expect(doc.mentions()).toEqual(['@tito']);
  });

  it('escapes a brace so that no brace group starts', () => {
    const doc = parseDoc('set \\{a, b\\} and [x]\\{\\@y\\}');
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.tree.problems).toEqual([]);
  });

  it('reads a backslash at a line end as text', () => {
    const doc = parseDoc('end\\\nnext');
    expect(doc.tree.escapes).toEqual([]);
    expect(doc.plain()).toEqual(['end\\\nnext']);
  });
});

describe('comments', () => {
  it('removes a comment: no markup inside, not in plain text', () => {
    const doc = parseDoc('Before <!-- "not a quote" @nobody {bad} [x]{@y} --> after.');
    expect(doc.tree.comments.map(doc.slice)).toEqual(['<!-- "not a quote" @nobody {bad} [x]{@y} -->']);
    expect(doc.tree.quotations).toEqual([]);
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.tree.problems).toEqual([]);
    // It takes no room (SPEC 1): the plain text runs on across it, without it.
    expect(doc.plain()).toEqual(['Before  after.']);
  });

  it('lets a comment span lines, including blank lines, without ending the paragraph', () => {
    const text = lines('The Central Committee of the <!-- page furniture:', '', 'Copyright 2005 -->', 'CPSU wrote "this', '<!-- x -->', '', '<!-- y -->', 'long" letter.');
    const doc = parseDoc(text);
    expect(doc.tree.comments.map(doc.slice)).toEqual(['<!-- page furniture:\n\nCopyright 2005 -->', '<!-- x -->', '<!-- y -->']);
    // Lines holding only a comment are transparent; the truly blank line ends the paragraph.
    expect(doc.blocks()).toEqual([
      'paragraph:The Central Committee of the <!-- page furniture:\n\nCopyright 2005 -->\nCPSU wrote "this\n',
      'blank:<!-- x -->\n\n<!-- y -->\n',
      'paragraph:long" letter.',
    ]);
    expect(doc.quotes()).toEqual(['"this']);
    expect(onlyQuote(doc).unclosed).toBe(true);
  });

  it('keeps a quotation open across a comment with a blank line inside', () => {
    const doc = parseDoc(lines('He said "we shall <!-- pb', '', '-->never yield"{@hoxha}.'));
    expect(doc.quotes()).toEqual(['"we shall <!-- pb\n\n-->never yield"']);
    expect(onlyQuote(doc).words).toBe(4);
    expect(onlyQuote(doc).attribution?.kind).toBe('entities');
    expect(doc.tree.blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('joins a word cut by a comment for word counts', () => {
    const doc = parseDoc('"revi<!-- pb -->sionism is here"{~}');
    expect(onlyQuote(doc).words).toBe(3);
  });

  it('treats the text before a comment as what precedes a quotation mark', () => {
    // `word<!-- -->"` : the `"` follows a letter once the comment is removed, so it closes.
    const doc = parseDoc('"We came<!-- x -->" home');
    expect(doc.quotes()).toEqual(['"We came<!-- x -->"']);
  });

  it('makes a document of comments and blank lines a registry', () => {
    const doc = parseDoc(lines('<!-- boilerplate', 'over lines -->', '', '<!-- more -->'));
    expect(doc.tree.isRegistry).toBe(true);
    expect(doc.tree.blocks.every((b) => b.kind === 'blank')).toBe(true);
  });

  it('reports an unclosed comment once and reads the rest as text', () => {
    const doc = parseDoc('a {x} <!-- never closed');
    expect(doc.problems()).toEqual(['{x}', '<!--']);
    expect(doc.tree.comments).toEqual([]);
  });
});

describe('word characters and ids', () => {
  it('counts Unicode letters, combining marks and decimal digits as word characters', () => {
    for (const ch of ['a', 'Z', '7', 'ë', 'Ł', 'ж', '中', '\u0301', '٣']) expect(isWordChar(ch.charCodeAt(0))).toBe(true);
    for (const ch of ['-', '_', "'", '’', ' ', '.', '@', '½']) expect(isWordChar(ch.charCodeAt(0))).toBe(false);
    expect(isIdChar('-'.charCodeAt(0))).toBe(true);
    expect(isIdChar('_'.charCodeAt(0))).toBe(true);
  });

  it('scans ids without a trailing - or _', () => {
    const end = (s: string) => s.slice(0, scanId(s, 0, s.length));
    expect(end('enver-hoxha.')).toBe('enver-hoxha');
    expect(end('hoxha-')).toBe('hoxha');
    expect(end('hoxha__ x')).toBe('hoxha');
    expect(end('ramiz_alia,')).toBe('ramiz_alia');
    expect(end('-x')).toBe('');
    expect(end('Łódź-1')).toBe('Łódź-1');
    expect(isValidId('enver-hoxha')).toBe(true);
    expect(isValidId('hoxha-')).toBe(false);
    expect(isValidId('_x')).toBe(false);
    expect(isValidId('Gomułka')).toBe(true);
  });
});

describe('LineIndex', () => {
  it('converts offsets to LSP positions (0-based, UTF-16) and back', () => {
    const text = 'ab\r\n𝔸c\nd';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(3);
    expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(2)).toEqual({ line: 0, character: 2 });
    // '𝔸' is two UTF-16 code units.
    expect(index.positionAt(text.indexOf('c'))).toEqual({ line: 1, character: 2 });
    expect(index.positionAt(text.length)).toEqual({ line: 2, character: 1 });
    expect(index.positionAt(999)).toEqual({ line: 2, character: 1 });
    expect(index.offsetAt({ line: 1, character: 2 })).toBe(text.indexOf('c'));
    // Past the end of a line is its end (LSP), never the next line.
    expect(index.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(index.offsetAt({ line: 9, character: 0 })).toBe(text.length);
    expect(index.range(0, 2)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    expect(index.lineStart(1)).toBe(4);
  });
});
