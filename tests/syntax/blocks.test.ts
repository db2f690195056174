// SPEC section 3: blocks (headings, paragraphs, block quotes, footnote
// definitions) and section 4: entity definitions.

import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../server/src/syntax/types';
import { lines, parseDoc } from './helpers';

describe('headings', () => {
  it('are 1–6 `#` and a space at line start, with level and text span', () => {
    const doc = parseDoc(lines('# One', '###### Six', '####### seven', '#NoSpace', ' # indented', '## [Tito]{@tito} at "Bled"'));
    expect(doc.tree.headings.map((h) => [h.level, doc.slice(h.text)])).toEqual([
      [1, 'One'],
      [6, 'Six'],
      [2, '[Tito]{@tito} at "Bled"'],
    ]);
    expect(doc.slice(doc.tree.headings[0])).toBe('# One');
    // Markup in a heading is read.
    expect(doc.mentions()).toEqual(['[Tito]{@tito}']);
    expect(doc.quotes()).toEqual(['"Bled"']);
  });

  it('end the paragraph they interrupt', () => {
    const doc = parseDoc(lines('Para one', '# Head', 'Para two'));
    expect(doc.blocks()).toEqual(['paragraph:Para one\n', 'heading:# Head\n', 'paragraph:Para two']);
  });

  it('end a quotation left open', () => {
    const doc = parseDoc(lines('He said "never', '# Next'));
    expect(doc.quotes()).toEqual(['"never']);
    expect(doc.tree.quotations[0].unclosed).toBe(true);
  });
});

describe('paragraphs', () => {
  it('are runs of non-blank lines separated by blank lines (whitespace-only lines are blank)', () => {
    const doc = parseDoc(lines('one', 'two', '  ', 'three', '\t', '', 'four'));
    expect(doc.blocks()).toEqual(['paragraph:one\ntwo\n', 'blank:  \n', 'paragraph:three\n', 'blank:\t\n\n', 'paragraph:four']);
  });

  it('take indented lines as continuation', () => {
    const doc = parseDoc(lines('one', '    indented', '\tmore'));
    expect(doc.blocks()).toEqual(['paragraph:one\n    indented\n\tmore']);
  });
});

describe('block quotes', () => {
  it('are runs of lines starting with `>`, ended by any other line', () => {
    const doc = parseDoc(lines('Intro:', '> one', '>two', '> three', 'after'));
    expect(doc.blocks()).toEqual(['paragraph:Intro:\n', 'blockQuote:> one\n>two\n> three\n', 'paragraph:after']);
    expect(doc.slice(doc.tree.quotations[0].content)).toBe('one\n>two\n> three');
  });

  it('are separated by a blank line', () => {
    const doc = parseDoc(lines('> one', '', '> two'));
    expect(doc.quotes()).toEqual(['> one', '> two']);
  });
});

describe('footnote definitions', () => {
  it('are `[^label]: text` at column 0, continued by lines indented 2+ spaces', () => {
    const doc = parseDoc(lines('Text.[^1]', '', '[^1]: The Party of Labour', '  of Albania, "PPSh".', '\tA tab continues too.', 'Not part of it.'));
    expect(doc.tree.footnoteDefinitions).toHaveLength(1);
    const note = doc.tree.footnoteDefinitions[0];
    expect(note.label).toBe('1');
    expect(doc.slice(note.labelSpan)).toBe('1');
    expect(doc.slice(note)).toBe('[^1]: The Party of Labour\n  of Albania, "PPSh".\n\tA tab continues too.');
    expect(doc.slice(note.content)).toBe('The Party of Labour\n  of Albania, "PPSh".\n\tA tab continues too.');
    // Markup in a footnote is read.
    expect(doc.quotes()).toEqual(['"PPSh"']);
    expect(doc.blocks().map((b) => b.split(':')[0])).toEqual(['paragraph', 'blank', 'footnoteDefinition', 'paragraph']);
  });

  it('take an indented line after a blank line as continuation (like entity definitions)', () => {
    // SPEC 3 says only that indented lines continue a footnote; blank lines between
    // them are read as in an entity definition block (SPEC 4), so a note may have paragraphs.
    const doc = parseDoc(lines('[^a]: First paragraph.', '', '  Second paragraph.', '', 'Body.'));
    expect(doc.slice(doc.tree.footnoteDefinitions[0].content)).toBe('First paragraph.\n\n  Second paragraph.');
    expect(doc.blocks()).toEqual(['footnoteDefinition:[^a]: First paragraph.\n\n  Second paragraph.\n', 'blank:\n', 'paragraph:Body.']);
  });

  it('interrupt a paragraph and need column 0', () => {
    const doc = parseDoc(lines('Text', '[^x-1]: note', ' [^y]: not a definition'));
    expect(doc.tree.footnoteDefinitions.map((f) => f.label)).toEqual(['x-1']);
    expect(doc.tree.footnoteReferences.map(doc.slice)).toEqual(['[^y]']);
  });

  it('have exact label and content spans after a BOM', () => {
    const doc = parseDoc('\uFEFF[^n1]: note');
    const note = doc.tree.footnoteDefinitions[0];
    expect(doc.slice(note.labelSpan)).toBe('n1');
    expect(doc.slice(note.content)).toBe('note');
  });
});

describe('entity definitions', () => {
  const text = lines(
    '@person khrushchev: Nikita Sergeyevich Khrushchev',
    '  aka: Khrushchev; N. S. Khrushchev; Nikita Sergeyevich',
    '  born: 1894-04-15',
    '  died: 1971-09-11',
    '  role: First Secretary of the Central Committee of the CPSU, 1953–1964',
    '  role: Chairman of the Council of Ministers',
    '  member-of: @cpsu',
    '',
    '  Soviet leader during the break with [Albania]{@albania} (1960–1961), who called',
    '  it "a bad business"{~}.[^1]',
    '',
    '@org cpsu: Communist Party of the Soviet Union',
    '  aka: CPSU; the Soviet party',
    '',
    '@place albania',
  );
  const doc = parseDoc(text);
  const [khrushchev, cpsu, albania] = doc.tree.definitions;

  it('read the header: kind, id and preferred name with exact spans', () => {
    expect(doc.tree.definitions.map((d) => [d.kind, d.id, d.name])).toEqual([
      ['person', 'khrushchev', 'Nikita Sergeyevich Khrushchev'],
      ['org', 'cpsu', 'Communist Party of the Soviet Union'],
      ['place', 'albania', undefined],
    ]);
    expect(doc.slice(khrushchev.kindSpan)).toBe('@person');
    expect(doc.slice(khrushchev.idSpan)).toBe('khrushchev');
    expect(doc.slice(khrushchev.nameSpan!)).toBe('Nikita Sergeyevich Khrushchev');
    expect(doc.slice(khrushchev.header)).toBe('@person khrushchev: Nikita Sergeyevich Khrushchev');
    expect(albania.nameSpan).toBeUndefined();
  });

  it('are blocks of the header and every following indented line, blank lines between', () => {
    expect(doc.slice(khrushchev)).toBe(text.slice(0, text.indexOf('[^1]') + 4));
    expect(doc.blocks().map((b) => b.split(':')[0])).toEqual(['definition', 'blank', 'definition', 'blank', 'definition']);
    expect(doc.tree.isRegistry).toBe(true);
  });

  it('read the leading field lines, repeated fields included, in order', () => {
    expect(khrushchev.fields.map((f) => [f.key, f.value])).toEqual([
      ['aka', 'Khrushchev; N. S. Khrushchev; Nikita Sergeyevich'],
      ['born', '1894-04-15'],
      ['died', '1971-09-11'],
      ['role', 'First Secretary of the Central Committee of the CPSU, 1953–1964'],
      ['role', 'Chairman of the Council of Ministers'],
      ['member-of', '@cpsu'],
    ]);
    for (const f of khrushchev.fields) {
      expect(doc.slice(f.keySpan)).toBe(f.key);
      expect(doc.slice(f.valueSpan)).toBe(f.value);
    }
    expect(cpsu.fields.map((f) => f.key)).toEqual(['aka']);
  });

  it('read mention fields as field mentions', () => {
    const memberOf = khrushchev.fields[5];
    expect(memberOf.refs.map((r) => [r.id, doc.slice(r.span)])).toEqual([['cpsu', 'cpsu']]);
    expect(doc.tree.mentions.map((m) => [m.form, doc.slice(m)])).toEqual([
      ['field', '@cpsu'],
      ['explicit', '[Albania]{@albania}'],
    ]);
  });

  it('take the description after a blank line, with mentions, quotations and footnote references', () => {
    expect(doc.slice(khrushchev.description!)).toBe(
      'Soviet leader during the break with [Albania]{@albania} (1960–1961), who called\n  it "a bad business"{~}.[^1]',
    );
    expect(cpsu.description).toBeUndefined();
    expect(doc.quotes()).toEqual(['"a bad business"']);
    expect(doc.tree.footnoteReferences.map((f) => f.label)).toEqual(['1']);
    // Definitions are never plain text (HM005 does not look there).
    expect(doc.plain()).toEqual([]);
  });

  it('start the description at the first line that is not a field line, even with no blank line', () => {
    const d = parseDoc(lines('@person tito: Josip Broz Tito', '  born: 1892-05-07', '  Leader of Yugoslavia.', '  role: read as description')).tree.definitions[0];
    expect(d.fields.map((f) => f.key)).toEqual(['born']);
    expect(d.description).toBeDefined();
  });

  it('need a lowercase key of [a-z][a-z0-9-]* for a field line', () => {
    const d = parseDoc(lines('@person x', '  wikidata: Q1', '  Born: not a field')).tree.definitions[0];
    expect(d.fields.map((f) => f.key)).toEqual(['wikidata']);
  });

  it('keep unknown field keys', () => {
    const d = parseDoc(lines('@org pla: Party of Labour of Albania', '  nickname: PPSh', '  x-2: y')).tree.definitions[0];
    expect(d.fields.map((f) => [f.key, f.value])).toEqual([
      ['nickname', 'PPSh'],
      ['x-2', 'y'],
    ]);
  });

  it('read mentions separated by spaces or `;`, and flag other tokens', () => {
    const d = parseDoc(lines('@work letter: The Letter', '  author: @suslov @mikoyan; @cpsu', '  part-of: Moscow')).tree.definitions[0];
    expect(d.fields[0].refs.map((r) => r.id)).toEqual(['suslov', 'mikoyan', 'cpsu']);
    expect(d.fields[1].refs).toEqual([]);
    expect(d.fields[1].badRefs).toHaveLength(1);
  });

  it.each(ENTITY_KINDS)('start with `@%s ` at column 0, never a mention', (kind) => {
    const d = parseDoc(`@${kind} x-1: Name`);
    expect(d.tree.definitions.map((def) => [def.kind, def.id, def.name])).toEqual([[kind, 'x-1', 'Name']]);
    expect(d.tree.mentions).toEqual([]);
  });

  it('interrupt a paragraph at column 0, but not when indented or without the space', () => {
    const doc2 = parseDoc(lines('Text about', '@person tito: Tito', '', 'More', '  @person x', '@person'));
    expect(doc2.tree.definitions.map((d) => d.id)).toEqual(['tito']);
    expect(doc2.mentions()).toEqual(['@person', '@person']);
  });

  it('continue with tab-indented lines', () => {
    const d = parseDoc(lines('@person tito: Tito', '\taka: Josip Broz', '\trole: Marshal')).tree.definitions[0];
    expect(d.fields.map((f) => [f.key, f.value])).toEqual([
      ['aka', 'Josip Broz'],
      ['role', 'Marshal'],
    ]);
  });

  it('end at the first non-blank line with less indentation', () => {
    const doc2 = parseDoc(lines('@person tito: Tito', '  aka: Tito', '', ' one space', ''));
    expect(doc2.blocks()).toEqual(['definition:@person tito: Tito\n  aka: Tito\n', 'blank:\n', 'paragraph: one space\n']);
  });

  it('use the id as the name when there is none; Unicode ids are allowed', () => {
    const d = parseDoc('@person gomułka').tree.definitions[0];
    expect([d.id, d.name]).toEqual(['gomułka', undefined]);
  });

  it.each([
    ['@person ', 'no id'],
    ['@person -x: Name', 'id starting with -'],
    ['@person x Name', 'name without `:`'],
    ['@person x-: Name', 'id ending in -'],
  ])('report a malformed header `%s` (%s)', (header) => {
    const d = parseDoc(lines(header, '  aka: x'));
    expect(d.problems()).toEqual([header]);
    expect(d.tree.blocks[0].kind).toBe('definition');
  });

  it('skip a comment between field lines', () => {
    const d = parseDoc(lines('@person x: X', '  aka: Y', '<!-- note at column 0 -->', '  born: 1900')).tree.definitions[0];
    expect(d.fields.map((f) => f.key)).toEqual(['aka', 'born']);
  });
});
