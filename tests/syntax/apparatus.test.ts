// SPEC section 8: editorial apparatus, footnote references, malformed brace groups.

import { describe, expect, it } from 'vitest';
import { lines, parseDoc } from './helpers';

describe('page breaks and gaps', () => {
  it.each([
    ['{pb 12}', '12'],
    ['{pb 3r}', '3r'],
    ['{pb xiv}', 'xiv'],
    ['{pb}', undefined],
  ])('%s is a page break', (mark, value) => {
    const doc = parseDoc(`end of page ${mark} next page`);
    expect(doc.tree.apparatus.map((a) => [a.kind, doc.slice(a), a.value, a.text])).toEqual([['pb', mark, value, undefined]]);
    // A page break takes no room (SPEC 1): HM005 reads across it.
    expect(doc.plain()).toEqual(['end of page  next page']);
  });

  it('is inline even inside a word, and ends no paragraph, quotation or turn', () => {
    const doc = parseDoc(lines('[Comrade Khrushchev]{@khrushchev}: "It is obvi{pb 81}ous', '{pb 82}', 'to us all"{@khrushchev}.'));
    expect(doc.apparatus()).toEqual(['{pb 81}', '{pb 82}']);
    expect(doc.tree.blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(doc.quotes()).toEqual(['"It is obvi{pb 81}ous\n{pb 82}\nto us all"']);
    expect(doc.tree.quotations[0].words).toBe(6);
    expect(doc.tree.turns[0].speech).toHaveLength(1);
    expect(doc.plain()).toEqual([': "It is obvious\n\nto us all"', '.']);
  });

  it.each([
    ['{gap}', undefined],
    ['{gap: illegible}', 'illegible'],
    ['{gap:two lines torn}', 'two lines torn'],
  ])('%s is a gap', (mark, value) => {
    const doc = parseDoc(`before ${mark} after [...]`);
    expect(doc.tree.apparatus.map((a) => [a.kind, doc.slice(a), a.value])).toEqual([['gap', mark, value]]);
    // Omission marks printed in the source are text.
    expect(doc.plain()).toEqual(['before  after [...]']);
  });
});

describe('marks on a bracketed text', () => {
  it.each([
    ['[Ramis Alija]{sic}', 'sic', undefined],
    ['[Ramis Alija]{sic: Ramiz Alia}', 'sic', 'Ramiz Alia'],
    ['[Kapo]{?}', 'unclear', undefined],
    ['[(Stormy, prolonged applause)]{stage}', 'stage', undefined],
    ['[the Party]{+}', 'supplied', undefined],
  ])('%s', (mark, kind, value) => {
    const doc = parseDoc(`x ${mark} y`);
    const [a] = doc.tree.apparatus;
    expect([a.kind, doc.slice(a), a.value]).toEqual([kind, mark, value]);
    expect(doc.slice(a.text!)).toBe(mark.slice(1, mark.indexOf(']')));
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.tree.problems).toEqual([]);
    // The bracketed text is the source's text; the brace group is not.
    expect(doc.plain()).toEqual(['x ', mark.slice(1, mark.indexOf(']')), ' y']);
  });

  it('lets a stage direction hold mentions, explicit ones included, and quotations', () => {
    const text = '[Khrushchev]{@khrushchev}: Comrades! [(Shouts: "Shame!"{@?: the hall} [Comrade Hoxha]{@hoxha} and @shehu leave)]{stage} Go on.';
    const doc = parseDoc(text);
    expect(doc.apparatus()).toEqual(['[(Shouts: "Shame!"{@?: the hall} [Comrade Hoxha]{@hoxha} and @shehu leave)]{stage}']);
    expect(doc.slice(doc.tree.apparatus[0].text!)).toBe('(Shouts: "Shame!"{@?: the hall} [Comrade Hoxha]{@hoxha} and @shehu leave)');
    expect(doc.mentions()).toEqual(['[Khrushchev]{@khrushchev}', '[Comrade Hoxha]{@hoxha}', '@shehu']);
    expect(doc.quotes()).toEqual(['"Shame!"']);
    expect(doc.tree.problems).toEqual([]);
    expect(doc.plain()).toEqual([': Comrades! ', '(Shouts: "Shame!"', ' ', ' and ', ' leave)', ' Go on.']);
  });

  it('lets any bracketed mark hold nested groups and plain brackets', () => {
    const doc = parseDoc('[the [Soviet]{@ussr} [sic] side]{+} and [[Ramis Alija]{@alia}]{sic: Ramiz Alia}');
    expect(doc.apparatus()).toEqual(['[the [Soviet]{@ussr} [sic] side]{+}', '[[Ramis Alija]{@alia}]{sic: Ramiz Alia}']);
    expect(doc.mentions()).toEqual(['[Soviet]{@ussr}', '[Ramis Alija]{@alia}']);
  });

  it('is text when the brackets inside are unbalanced', () => {
    const doc = parseDoc('[a [b]{+} c');
    expect(doc.apparatus()).toEqual(['[b]{+}']);
  });

  it('combines with a mention in one brace group', () => {
    const doc = parseDoc('[Ramis Alija]{@alia sic: Ramiz Alia}, [Boris]{@ponomarev +}, [stage]{@x stage}');
    expect(doc.tree.apparatus.map((a) => [a.kind, a.value, doc.slice(a.text!)])).toEqual([
      ['sic', 'Ramiz Alia', 'Ramis Alija'],
      ['supplied', undefined, 'Boris'],
      ['stage', undefined, 'stage'],
    ]);
    expect(doc.tree.mentions.map((m) => m.apparatus)).toEqual(doc.tree.apparatus);
  });
});

describe('footnote references', () => {
  it('are `[^label]` with labels of [A-Za-z0-9_-]+, shown as written', () => {
    const doc = parseDoc('Text.[^1] More[^note-2] and[^A_b]. Not [^] or [^a b] or [^ä].');
    expect(doc.tree.footnoteReferences.map((f) => [doc.slice(f), f.label, doc.slice(f.labelSpan)])).toEqual([
      ['[^1]', '1', '1'],
      ['[^note-2]', 'note-2', 'note-2'],
      ['[^A_b]', 'A_b', 'A_b'],
    ]);
    expect(doc.plain()).toEqual(['Text.', ' More', ' and', '. Not [^] or [^a b] or [^ä].']);
  });

  it('are not footnote definitions in running text', () => {
    const doc = parseDoc('See [^1]: the note.');
    expect(doc.tree.footnoteDefinitions).toEqual([]);
    expect(doc.tree.footnoteReferences.map((f) => f.label)).toEqual(['1']);
  });

  it('are read inside quotations, mentions and footnote definitions', () => {
    const doc = parseDoc(lines('"word[^1] here"{~} [Tito]{@tito}[^2] [Enver[^3]]{+}', '', '[^1]: See[^2].'));
    expect(doc.tree.footnoteReferences.map((f) => f.label)).toEqual(['1', '2', '3', '2']);
    expect(doc.apparatus()).toEqual(['[Enver[^3]]{+}']);
  });

  it('keep a mention display free of footnote references (SPEC 5: no unescaped bracket)', () => {
    const doc = parseDoc('[Tito[^2]]{@tito}');
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.tree.footnoteReferences.map((f) => f.label)).toEqual(['2']);
    expect(doc.problems()).toEqual(['{@tito}']);
  });
});

describe('malformed brace groups', () => {
  it.each([
    ['{}', 'empty'],
    ['{ }', 'blank'],
    ['{foo}', 'unknown word'],
    ['{pb 1 2}', 'page break with two tokens'],
    ['{gap:}', 'gap with empty reason'],
    ['{sic}', 'sic without text'],
    ['{?}', 'unclear without text'],
    ['{+}', 'supplied without text'],
    ['{stage}', 'stage without text'],
    ['{@hoxha}', 'mention without text'],
    ['{~}', 'not-speech suffix without a quotation'],
    ['{@?}', 'unknown-speaker suffix without a quotation'],
    ['{@?: the hall}', 'described-speaker suffix without a quotation'],
  ])('%s (%s) is a problem covering the group', (group) => {
    const doc = parseDoc(`text ${group} text`);
    expect(doc.problems()).toEqual([group]);
    expect(doc.tree.problems[0].message.length).toBeGreaterThan(0);
    expect(doc.tree.apparatus).toEqual([]);
    expect(doc.tree.mentions).toEqual([]);
  });

  it.each([
    ['[x]{foo}', '{foo}'],
    ['[x]{pb 3}', '{pb 3}'],
    ['[x]{gap}', '{gap}'],
    ['[x]{sic:}', '{sic:}'],
    ['[x]{@a ?: b}', '{@a ?: b}'],
    ['[x]{@a sic stage}', '{@a sic stage}'],
    ['[x]{@a @}', '{@a @}'],
  ])('%s is a problem on its brace group', (text, problem) => {
    expect(parseDoc(text).problems()).toEqual([problem]);
  });

  it('reports an unclosed `{` at the brace only', () => {
    const doc = parseDoc('a {pb 3 and [x]{@tito and more');
    expect(doc.problems()).toEqual(['{', '{']);
    // After the unclosed `{` the text is read on: `@tito` follows a non-id character.
    expect(doc.mentions()).toEqual(['@tito']);
  });

  it('reports a `{` inside a brace group as an unclosed group', () => {
    const doc = parseDoc('a {pb {x}} b');
    expect(doc.problems()).toEqual(['{', '{x}']);
  });

  it('does not let a brace group run into the next paragraph', () => {
    const doc = parseDoc(lines('a {pb', '', '3} b'));
    expect(doc.problems()).toEqual(['{']);
  });

  it('reads a stray `}` as text', () => {
    const doc = parseDoc('a } b');
    expect(doc.tree.problems).toEqual([]);
    expect(doc.plain()).toEqual(['a } b']);
  });
});
