// SPEC sections 6.1 and 6.2: inline quotations and their attribution.

import { describe, expect, it } from 'vitest';
import { lines, onlyQuote, parseDoc } from './helpers';

describe('the spec example', () => {
  it('reads an attributed quotation with exact spans', () => {
    const doc = parseDoc('King Paul said in jest to Tito: "We can come to an agreement on the division of Albania."{@king-paul}');
    const q = onlyQuote(doc);
    expect(doc.slice(q)).toBe('"We can come to an agreement on the division of Albania."');
    expect(doc.slice(q.opener)).toBe('"');
    expect(doc.slice(q.closer!)).toBe('"');
    expect(doc.slice(q.content)).toBe('We can come to an agreement on the division of Albania.');
    expect(q).toMatchObject({ unclosed: false, block: false, single: false, words: 11 });
    expect(q.parent).toBeUndefined();
    expect(q.attribution?.kind).toBe('entities');
    expect(doc.slice(q.attribution!)).toBe('{@king-paul}');
    expect(q.attribution!.ids.map((r) => doc.slice(r.span))).toEqual(['king-paul']);
    // The attribution is also a mention of the speaker, and is no plain text.
    expect(doc.tree.mentions.map((m) => [m.form, doc.slice(m)])).toEqual([['attribution', '{@king-paul}']]);
    expect(doc.plain()).toEqual(['King Paul said in jest to Tito: "We can come to an agreement on the division of Albania."']);
  });
});

describe('where a straight " opens and closes', () => {
  it.each([
    ['after `: `', 'telling us: "I did not stop him" then', '"I did not stop him"'],
    ['after `(`', 'the hall ("Shame!") went', '("Shame!")'.slice(1, -1)],
    ['after `[`', 'a [“x”] and ["word"]', '“x”'],
    ['after an em dash, followed by a letter', 'he said—"Never!"—and left', '"Never!"'],
    ['after an en dash', 'answer –"no" here', '"no"'],
    ['after a hyphen', 'so-called "meddling" and well-"known"', '"meddling"'],
    ['after a slash', 'and/"or" this', '"or"'],
    ['at line start', '"Yes" he said', '"Yes"'],
    ['after a tab', 'x\t"tab" y', '"tab"'],
  ])('opens %s', (_, text, first) => {
    expect(parseDoc(text).quotes()[0]).toBe(first);
  });

  it('closes before `.`, `,`, `)`, `;`, `?` and after any non-space', () => {
    const doc = parseDoc('They said "yes". Then "no", and ("maybe") or "why"; "who"? "x…"');
    expect(doc.quotes()).toEqual(['"yes"', '"no"', '"maybe"', '"why"', '"who"', '"x…"']);
  });

  it('closes after a dash followed by a space', () => {
    const doc = parseDoc('"We shall fight —" he said.');
    expect(doc.quotes()).toEqual(['"We shall fight —"']);
  });

  it('is plain text when it closes with nothing open', () => {
    const doc = parseDoc('a 12" record and x"y');
    expect(doc.tree.quotations).toEqual([]);
    expect(doc.plain()).toEqual(['a 12" record and x"y']);
  });

  it('after a closing brace (a mention) closes', () => {
    const doc = parseDoc('"I met [Tito]{@tito}" today');
    expect(doc.quotes()).toEqual(['"I met [Tito]{@tito}"']);
  });
});

describe('opener and closer pairs (6.1)', () => {
  it.each([
    ['"…"', 'x "a b" y', '"a b"'],
    ['“…”', 'x “a b” y', '“a b”'],
    ['„…“', 'x „a b“ y', '„a b“'],
    ['„…”', 'x „a b” y', '„a b”'],
    ['«…»', 'x «a b» y', '«a b»'],
    ['“…" (straight closes curly)', 'x “a b" y', '“a b"'],
    ['„…" (straight closes low)', 'x „a b" y', '„a b"'],
  ])('%s', (_, text, quote) => {
    const doc = parseDoc(text);
    expect(doc.quotes()).toEqual([quote]);
    expect(onlyQuote(doc).unclosed).toBe(false);
  });

  it('reads a closer with nothing open as plain text', () => {
    for (const text of ['a” b', 'a» b', 'a’ b', "a' b"]) expect(parseDoc(text).tree.quotations).toEqual([]);
  });

  it('does not let `»` close `“` or `”` close `«`', () => {
    const doc = parseDoc('x “a» b” y «c” d»');
    expect(doc.quotes()).toEqual(['“a» b”', '«c” d»']);
  });
});

describe('apostrophes and single marks', () => {
  it('never reads an apostrophe between two letters as a mark', () => {
    const doc = parseDoc('"Albania\'s party and don\'t and the Party’s line and don’t"{@hoxha}');
    expect(doc.quotes()).toEqual(['"Albania\'s party and don\'t and the Party’s line and don’t"']);
    expect(onlyQuote(doc).attribution?.kind).toBe('entities');
  });

  it('reads a trailing apostrophe (`Albanians\'`) as plain text inside a double quotation', () => {
    const doc = parseDoc('“the Albanians\' interests and the Yugoslavs’ aims”{~}');
    expect(doc.quotes()).toEqual(['“the Albanians\' interests and the Yugoslavs’ aims”']);
  });

  it('reads single marks outside a double quotation as plain text without a suffix', () => {
    const doc = parseDoc("the 'so-called' line, ‘struggle’ and 'Tis the Albanians' view");
    expect(doc.tree.quotations).toEqual([]);
    expect(doc.tree.problems).toEqual([]);
  });

  it('reads single marks outside a double quotation as a quotation with a suffix', () => {
    const doc = parseDoc("the ‘struggle’{~} and 'peaceful coexistence'{@khrushchev}");
    expect(doc.quotes()).toEqual(['‘struggle’', "'peaceful coexistence'"]);
    expect(doc.tree.quotations.map((q) => [q.single, q.attribution?.kind])).toEqual([
      [true, 'notSpeech'],
      [true, 'entities'],
    ]);
  });

  it('reads single marks nested in a double quotation as a quotation', () => {
    const doc = parseDoc('He wrote: “they call it ‘peaceful coexistence’ and \'détente\' now”{@hoxha}');
    expect(doc.quotes()).toEqual(['“they call it ‘peaceful coexistence’ and \'détente\' now”', '‘peaceful coexistence’', "'détente'"]);
    expect(doc.tree.quotations.map((q) => [q.single, q.parent, q.words])).toEqual([
      [false, undefined, 8],
      [true, 0, 2],
      [true, 0, 1],
    ]);
  });

  it('leaves an unpartnered single mark inside a double quotation as plain text, with no problem', () => {
    const doc = parseDoc('“the ‘struggle of it”{~}');
    expect(doc.quotes()).toEqual(['“the ‘struggle of it”']);
    expect(doc.tree.problems).toEqual([]);
  });

  it('opens and closes a straight single mark by the rule for "', () => {
    const doc = parseDoc('"He said—\'no\' and (\'never\'), then \'maybe —\' so"{@x}');
    expect(doc.quotes()).toEqual(['"He said—\'no\' and (\'never\'), then \'maybe —\' so"', "'no'", "'never'", "'maybe —'"]);
  });

  it('gives a double quotation inside a dropped single mark the enclosing parent', () => {
    const doc = parseDoc(lines('> the ‘new “line” as', '> they call it'));
    expect(doc.quotes()).toEqual(['> the ‘new “line” as\n> they call it', '“line”']);
    expect(doc.tree.quotations[1].parent).toBe(0);
  });
});

describe('nesting', () => {
  it('nests a straight double in a straight double', () => {
    const doc = parseDoc('"He said "no" to us"{@hoxha}');
    expect(doc.quotes()).toEqual(['"He said "no" to us"', '"no"']);
    expect(doc.tree.quotations[1].parent).toBe(0);
    expect(doc.tree.quotations[1].attribution).toBeUndefined();
  });

  it('nests curly doubles and judges each quotation on its own', () => {
    const doc = parseDoc('“Tito told us “we will crush them”{@tito} yesterday”{@hoxha}');
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.parent, doc.slice(q.attribution!)])).toEqual([
      ['“Tito told us “we will crush them”{@tito} yesterday”', undefined, '{@hoxha}'],
      ['“we will crush them”', 0, '{@tito}'],
    ]);
    expect(doc.tree.quotations[0].words).toBe(8);
  });

  it('ends an inner quotation left open where its outer one closes', () => {
    const doc = parseDoc('“a «b c” d');
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.unclosed])).toEqual([
      ['“a «b c”', false],
      ['«b c', true],
    ]);
  });
});

describe('quotations across lines and paragraphs', () => {
  it('span lines within one paragraph', () => {
    const doc = parseDoc(lines('He said: "We have done our', 'very best to follow', 'the advice"{@hoxha} and left.'));
    expect(doc.quotes()).toEqual(['"We have done our\nvery best to follow\nthe advice"']);
    expect(onlyQuote(doc).words).toBe(10);
  });

  it('continue into the next paragraph that starts with the same opener (multi-paragraph convention)', () => {
    const text = lines('He wrote: “First paragraph of the letter.', '', '“Second paragraph.', '', '“Third and last.”{@hoxha}', '', 'After.');
    const doc = parseDoc(text);
    const q = onlyQuote(doc);
    expect(doc.slice(q)).toBe('“First paragraph of the letter.\n\n“Second paragraph.\n\n“Third and last.”');
    expect(q.unclosed).toBe(false);
    expect(q.words).toBe(10);
    expect(q.attribution?.kind).toBe('entities');
    // The continuing openers start nothing and are not plain text.
    expect(doc.plain()).toEqual(['He wrote: “First paragraph of the letter.', 'Second paragraph.', 'Third and last.”', 'After.']);
  });

  it('continue with straight marks too', () => {
    const doc = parseDoc(lines('"One', '', '"two"{@x}'));
    expect(doc.quotes()).toEqual(['"One\n\n"two"']);
  });

  it('are unclosed when the next paragraph does not start with the same opener: reported once, ending at the paragraph end', () => {
    const doc = parseDoc(lines('the “New Hostile Acts of N. Khrushchev’s Group,[^1]', '', '"Next" paragraph.', '', '“More'));
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.unclosed])).toEqual([
      ['“New Hostile Acts of N. Khrushchev’s Group,[^1]', true],
      ['"Next"', false],
      ['“More', true],
    ]);
    const q = doc.tree.quotations[0];
    expect(q.closer).toBeUndefined();
    expect(doc.slice(q.opener)).toBe('“');
    expect(doc.slice(q.content)).toBe('New Hostile Acts of N. Khrushchev’s Group,[^1]');
    // `Khrushchev’s` is one word (SPEC 1, 1.1); the footnote label is no word.
    expect(q.words).toBe(7);
    expect(doc.tree.problems).toEqual([]);
  });

  it('do not continue into a heading, block quote or definition', () => {
    for (const next of ['# “Heading', '> “quoted', '@person x: “Name']) {
      const doc = parseDoc(lines('He said “open', '', next));
      expect(doc.tree.quotations[0].unclosed).toBe(true);
      expect(doc.slice(doc.tree.quotations[0])).toBe('“open');
    }
  });

  it('unclosed inside a block quote end at the block quote end', () => {
    const doc = parseDoc(lines('> He said “open', '> still', '', 'after'));
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.unclosed])).toEqual([
      ['> He said “open\n> still', false],
      ['“open\n> still', true],
    ]);
  });
});

describe('attribution suffixes (6.2)', () => {
  it.each([
    ['{@hoxha}', 'entities', ['hoxha'], undefined],
    ['{@suslov @mikoyan}', 'entities', ['suslov', 'mikoyan'], undefined],
    ['{@?}', 'unknown', [], undefined],
    ['{@?: the hall}', 'described', [], 'the hall'],
    ['{@?: the Polish minister}', 'described', [], 'the Polish minister'],
    ['{~}', 'notSpeech', [], undefined],
    ['{ @hoxha }', 'entities', ['hoxha'], undefined],
  ])('reads %s', (suffix, kind, ids, description) => {
    const doc = parseDoc(`told him: "What you are saying is very despicable!"${suffix} We`);
    const q = onlyQuote(doc);
    expect(doc.slice(q.attribution!)).toBe(suffix);
    expect(q.attribution!.kind).toBe(kind);
    expect(q.attribution!.description).toBe(description);
    expect(q.attribution!.ids.map((r) => r.id)).toEqual(ids);
    expect(q.attribution!.ids.map((r) => doc.slice(r.span))).toEqual(ids);
    expect(doc.tree.problems).toEqual([]);
    // The suffix is neither plain text nor part of the quotation.
    expect(doc.plain()).toEqual(['told him: "What you are saying is very despicable!"', ' We']);
  });

  it('marks an uncertain attribution', () => {
    const doc = parseDoc('"Let a hundred flowers bloom"{@deng?}');
    expect(onlyQuote(doc).attribution!.ids).toMatchObject([{ id: 'deng', uncertain: true }]);
  });

  it('works after every kind of closer', () => {
    const doc = parseDoc('“a”{~} „b“{~} „c”{~} «d»{~} "e"{~} ‘f’{~} \'g\'{~}');
    expect(doc.tree.quotations.map((q) => q.attribution?.kind)).toEqual(Array(7).fill('notSpeech'));
  });

  it('is no suffix after a space: the brace group is a problem, the quotation unattributed', () => {
    const doc = parseDoc('"We can come to an agreement" {@king-paul}');
    expect(onlyQuote(doc).attribution).toBeUndefined();
    expect(doc.problems()).toEqual(['{@king-paul}']);
    expect(doc.tree.mentions).toEqual([]);
  });

  it.each(['{@}', '{@?:}', '{@hoxha sic}', '{x}', '{}', '{@a,@b}'])('reports a malformed suffix %s and marks it invalid', (suffix) => {
    const doc = parseDoc(`"three words here"${suffix}`);
    expect(onlyQuote(doc).attribution?.kind).toBe('invalid');
    expect(doc.problems()).toEqual([suffix]);
  });

  it('is no attribution when the brace group is a page break or gap', () => {
    const doc = parseDoc('"three words here"{pb 12} and "more words here"{gap}');
    expect(doc.tree.quotations.map((q) => q.attribution)).toEqual([undefined, undefined]);
    expect(doc.apparatus()).toEqual(['{pb 12}', '{gap}']);
  });

  it('reports a suffix that is never closed', () => {
    const doc = parseDoc('"three words here"{@hoxha and more');
    expect(onlyQuote(doc).attribution).toBeUndefined();
    expect(doc.problems()).toEqual(['{']);
  });
});

describe('word counts (markup removed)', () => {
  const words = (text: string) => onlyQuote(parseDoc(text)).words;

  it('counts runs of letters or digits', () => {
    expect(words('"We can come"')).toBe(3);
    expect(words('"1960 — the year, of 81 parties"')).toBe(6);
    expect(words('"Zëri i Popullit"')).toBe(3);
    expect(words('"!!! ... —"')).toBe(0);
  });

  it('joins at an apostrophe or hyphen between two word characters (1.1)', () => {
    // SPEC 1: `don't`, `Albania’s`, `Marxist-Leninist` count as one word each.
    expect(words('"don\'t"')).toBe(1);
    expect(words('"don\'t go"')).toBe(2);
    expect(words('"Albania’s Soviet-Albanian"')).toBe(2);
    expect(words('"Marxist-Leninist"')).toBe(1);
    expect(words('"the 1960\'s line"')).toBe(3);
    // Not between two word characters: the words stay apart.
    expect(words('"well - no - yes"')).toBe(3);
    expect(words('"pre- and post-war"')).toBe(3);
    // What takes no room is read through: `Marxist-{pb 4}Leninist` is one word.
    expect(words('"Marxist-{pb 4}Leninist ideas"')).toBe(2);
  });

  it('keeps a word cut by a page break whole', () => {
    expect(words('"It is obvi{pb 81}ous to us"')).toBe(5);
    expect(words('"It is obvi{pb}ous"')).toBe(3);
  });

  it('counts the display text of mentions and apparatus, not brace groups, suffixes or footnote references', () => {
    expect(words('"[Comrade Khrushchev]{@khrushchev} said[^1] it"{@x}')).toBe(4);
    expect(words('"[Ramis Alija]{@alia sic: Ramiz Alia Tirana} came {gap: illegible two words} back"')).toBe(4);
    expect(words('"the [Party]{+} line"')).toBe(3);
  });

  it('counts a bare mention as one word', () => {
    // SPEC 6.2 counts words "with markup removed"; a bare `@id` stands for a
    // name in the text, so it is read as one word (not as no text at all).
    expect(words('"Long live @hoxha!"')).toBe(3);
    expect(words('"@suslov and @mikoyan"')).toBe(3);
  });

  it('ignores comments and escapes', () => {
    expect(words('"one <!-- two three --> four \\"five\\""')).toBe(3);
  });

  it('counts words of nested quotations in the outer one too', () => {
    const doc = parseDoc('"He said \'no way\' today"');
    expect(doc.tree.quotations.map((q) => q.words)).toEqual([5, 2]);
  });
});

describe('hard cases from the corpus', () => {
  it('a quotation split by its attribution', () => {
    const doc = parseDoc('"We have done our best,"{@hoxha} Comrade Hoxha said, "to follow the advice."{@hoxha}');
    expect(doc.quotes()).toEqual(['"We have done our best,"', '"to follow the advice."']);
  });

  it('a collective speaker and words quoted as words', () => {
    const doc = parseDoc('Shouts: "Shame!"{@?: the hall} The word "revisionist"{~} and the term "sectarianism".');
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.attribution?.kind, q.words])).toEqual([
      ['"Shame!"', 'described', 1],
      ['"revisionist"', 'notSpeech', 1],
      ['"sectarianism"', undefined, 1],
    ]);
  });

  it('a quotation ending in an ellipsis inside a stage direction', () => {
    const doc = parseDoc('[Comrade Enver Hoxha]{@hoxha}: [(he broached the subject of "our relations with the Yugoslavs.")]{stage} We have done');
    expect(doc.quotes()).toEqual(['"our relations with the Yugoslavs."']);
    expect(doc.apparatus()).toEqual(['[(he broached the subject of "our relations with the Yugoslavs.")]{stage}']);
  });
});
