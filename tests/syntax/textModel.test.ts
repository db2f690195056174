// The text model the parser and LineIndex share with LSP clients: CR, LF
// and CRLF each end a line (issue 8 item 20), positions past a line's end
// clamp to it (item 12), and stray comments or NULs inside a definition
// header are read, never thrown on (item 3).

import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/syntax/positions';
import { parseDoc } from './helpers';
import { checkInvariants } from './invariants';

describe('LineIndex', () => {
  it('clamps a character past the end of a line to that line', () => {
    const text = 'Hello\n[Tito]{@tito} spoke.\n';
    const index = new LineIndex(text);
    expect(index.offsetAt({ line: 0, character: 40 })).toBe(5);
    expect(index.offsetAt({ line: 1, character: 400 })).toBe(text.indexOf('.') + 1);
  });

  it('ends lines at CR, LF and CRLF alike', () => {
    const text = 'a\rbb\r\nccc\nd';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((line) => index.lineStart(line))).toEqual([0, 2, 6, 10]);
    expect(index.positionAt(text.indexOf('bb'))).toEqual({ line: 1, character: 0 });
    expect(index.offsetAt({ line: 0, character: 9 })).toBe(1);
    expect(index.offsetAt({ line: 1, character: 9 })).toBe(4);
  });
});

describe('line breaks in the parser', () => {
  it('reads a lone CR as a line break: blank lines end paragraphs, headings start lines', () => {
    const doc = parseDoc('First paragraph\r\rSecond\r# Heading\r');
    expect(doc.blocks()).toEqual(['paragraph:First paragraph\r', 'blank:\r', 'paragraph:Second\r', 'heading:# Heading\r']);
    checkInvariants(doc.text, doc.tree);
  });

  it('closes front matter and continues definitions across lone CRs', () => {
    const doc = parseDoc('---\rtitle: T\r---\r@person tito: Tito\r  aka: Broz\r');
    expect(doc.tree.frontMatter?.entries.map((e) => e.key)).toEqual(['title']);
    expect(doc.tree.definitions[0].fields.map((f) => f.value)).toEqual(['Broz']);
  });

  it('keeps LF and CRLF texts exactly (the blocks rebuild them)', () => {
    for (const text of ['a\nb\n\nc\n', 'a\r\nb\r\n\r\nc\r\n', 'mixed\r\nends\nhere\r']) {
      const doc = parseDoc(text);
      expect(doc.tree.blocks.map((b) => doc.slice(b)).join('')).toBe(text);
    }
  });
});

describe('definition headers with comments or NULs in them', () => {
  it('reads `@per<!-- -->son a: X` as the definition the comment-free text says', () => {
    const doc = parseDoc('@per<!-- -->son a: X\n');
    expect(doc.tree.definitions).toHaveLength(1);
    const [definition] = doc.tree.definitions;
    expect(definition.id).toBe('a');
    expect(doc.slice(definition.idSpan)).toBe('a');
    expect(doc.slice(definition.kindSpan)).toBe('@per<!-- -->son');
    expect(definition.name).toBe('X');
    expect(doc.slice(definition.nameSpan!)).toBe('X');
  });

  it('maps a comment inside the id and the name to source spans', () => {
    const doc = parseDoc('@person ti<!-- x -->to: Josip <!-- y -->Broz\n');
    const [definition] = doc.tree.definitions;
    expect(definition.id).toBe('tito');
    expect(doc.slice(definition.idSpan)).toBe('ti<!-- x -->to');
    expect(definition.name).toBe('Josip Broz');
  });

  it('does not take a NUL of the source for a comment', () => {
    for (const text of ['@pers\0on a: X\n', '@person a\0: X\n', '@person\0 a: X\n', '\0\n\n@person a: X\n  aka: \0\n']) {
      const doc = parseDoc(text);
      checkInvariants(text, doc.tree);
    }
    expect(parseDoc('@pers\0on a: X\n').tree.definitions).toHaveLength(0);
    const problem = parseDoc('@person a\0: X\n').tree.problems[0];
    expect(problem.message).toContain('a definition takes `: preferred name`');
  });

  it('reads comments inside heading and footnote markers', () => {
    const doc = parseDoc('#<!-- c --> Title\n\n[^<!-- c -->n1]: Note text\n\nRef[^n1].\n');
    expect(doc.slice(doc.tree.headings[0].text)).toBe('Title');
    const [note] = doc.tree.footnoteDefinitions;
    expect(note.label).toBe('n1');
    expect(doc.slice(note.labelSpan)).toBe('n1');
    expect(doc.slice(note.content)).toBe('Note text');
  });
});
