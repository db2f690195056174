// SPEC section 6.3 (block quotations) and section 7 (speaker turns).

import { describe, expect, it } from 'vitest';
import { lines, parseDoc } from './helpers';

describe('block quotations', () => {
  it('are one quotation from the first `>` to the end of the last line', () => {
    const doc = parseDoc(lines('The letter reads:', '', '> We consider it necessary', '> to state our opinion.', '', 'After.'));
    const q = doc.tree.quotations[0];
    expect(doc.slice(q)).toBe('> We consider it necessary\n> to state our opinion.');
    expect(doc.slice(q.opener)).toBe('>');
    expect(doc.slice(q.content)).toBe('We consider it necessary\n> to state our opinion.');
    expect(q).toMatchObject({ block: true, single: false, unclosed: false, words: 8 });
    expect(q.closer).toBeUndefined();
    expect(q.attribution).toBeUndefined();
    // The `>` markers are not plain text.
    expect(doc.plain()).toEqual(['The letter reads:', 'We consider it necessary', 'to state our opinion.', 'After.']);
  });

  it.each([
    ['> — @hoxha', '— @hoxha', 'entities', ['hoxha'], ['@hoxha']],
    ['> – @hoxha', '– @hoxha', 'entities', ['hoxha'], ['@hoxha']],
    ['> -- @hoxha', '-- @hoxha', 'entities', ['hoxha'], ['@hoxha']],
    ['> —@hoxha', '—@hoxha', 'entities', ['hoxha'], ['@hoxha']],
    ['> — @suslov @mikoyan', '— @suslov @mikoyan', 'entities', ['suslov', 'mikoyan'], ['@suslov', '@mikoyan']],
    ['> — [Enver Hoxha]{@hoxha}', '— [Enver Hoxha]{@hoxha}', 'entities', ['hoxha'], ['[Enver Hoxha]{@hoxha}']],
    ['> — {@hoxha}', '— {@hoxha}', 'entities', ['hoxha'], ['{@hoxha}']],
    ['> — {@?}', '— {@?}', 'unknown', [], []],
    ['> -- {@?: the Polish minister}', '-- {@?: the Polish minister}', 'described', [], []],
    ['> {~}', '{~}', 'notSpeech', [], []],
  ])('are attributed by a last line `%s`', (last, attribution, kind, ids, mentions) => {
    const doc = parseDoc(lines('> Long live the friendship', '> of our peoples!', last, '', 'After.'));
    const q = doc.tree.quotations[0];
    expect(doc.slice(q.attribution!)).toBe(attribution);
    expect(q.attribution!.kind).toBe(kind);
    expect(q.attribution!.ids.map((r) => doc.slice(r.span))).toEqual(ids);
    expect(doc.mentions()).toEqual(mentions);
    // The attribution line is not quoted text.
    expect(doc.slice(q.content)).toBe('Long live the friendship\n> of our peoples!');
    expect(q.words).toBe(7);
    expect(doc.slice(q)).toBe(lines('> Long live the friendship', '> of our peoples!', last));
    expect(doc.tree.problems).toEqual([]);
  });

  it.each(['> — Enver Hoxha', '> — @hoxha said', '> {@hoxha}', '> — [Hoxha]{stage}'])('are unattributed when the last line `%s` is not an attribution', (last) => {
    const doc = parseDoc(lines('> Long live the friendship', last));
    const q = doc.tree.quotations[0];
    expect(q.attribution).toBeUndefined();
    expect(doc.slice(q.content)).toBe(lines('Long live the friendship', last));
  });

  it('read the attribution line only as the last line', () => {
    const doc = parseDoc(lines('> — @hoxha', '> more words here'));
    expect(doc.tree.quotations[0].attribution).toBeUndefined();
    expect(doc.mentions()).toEqual(['@hoxha']);
  });

  it('hold inline quotations that follow 6.1–6.2, nested in the block quote', () => {
    const doc = parseDoc(lines('> He said: "we shall not', '> yield"{@hoxha} and ‘no’{~}.', '> — @shehu'));
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.parent, q.attribution?.kind])).toEqual([
      ['> He said: "we shall not\n> yield"{@hoxha} and ‘no’{~}.\n> — @shehu', undefined, 'entities'],
      ['"we shall not\n> yield"', 0, 'entities'],
      ['‘no’', 0, 'notSpeech'],
    ]);
    expect(doc.mentions()).toEqual(['{@hoxha}', '@shehu']);
  });

  it('open a straight quotation at the start of each quoted line', () => {
    const doc = parseDoc(lines('> text', '>"quoted words" here'));
    expect(doc.quotes()).toEqual(['> text\n>"quoted words" here', '"quoted words"']);
  });

  it('may consist of the attribution line alone', () => {
    const doc = parseDoc('> — @hoxha');
    const q = doc.tree.quotations[0];
    expect(q.words).toBe(0);
    expect(q.attribution?.kind).toBe('entities');
  });
});

describe('speaker turns', () => {
  const text = lines(
    '# Minutes',
    '',
    '[Comrade Khrushchev]{@khrushchev}: I wanted to express our party\'s opinion.',
    '',
    'And a second paragraph, "quoting somebody"{@tito}.',
    '',
    '> a block quote inside the turn',
    '',
    '@hoxha: A bare speaker.',
    '',
    '[M. SUSLOV, A. MIKOYAN]{@suslov @mikoyan}: Jointly.',
    '',
    '# Next meeting',
    '',
    'Narration, no speaker.',
  );
  const doc = parseDoc(text);

  it('start with a paragraph that begins with a mention followed by `:`', () => {
    expect(doc.tree.turns.map((t) => doc.slice(t.speaker))).toEqual(['[Comrade Khrushchev]{@khrushchev}', '@hoxha', '[M. SUSLOV, A. MIKOYAN]{@suslov @mikoyan}']);
    expect(doc.tree.turns.map((t) => t.speaker.ids.map((r) => r.id))).toEqual([['khrushchev'], ['hoxha'], ['suslov', 'mikoyan']]);
    // The speaker is also an ordinary mention.
    expect(doc.tree.mentions).toContain(doc.tree.turns[0].speaker);
  });

  it('run through the following paragraphs and block quotes until the next turn', () => {
    const [khrushchev, hoxha] = doc.tree.turns;
    expect(doc.slice(khrushchev)).toBe(text.slice(text.indexOf('[Comrade'), text.indexOf('\n\n@hoxha')));
    expect(khrushchev.speech.map(doc.slice)).toEqual([
      "[Comrade Khrushchev]{@khrushchev}: I wanted to express our party's opinion.",
      'And a second paragraph, "quoting somebody"{@tito}.',
      '> a block quote inside the turn',
    ]);
    expect(hoxha.speech.map(doc.slice)).toEqual(['@hoxha: A bare speaker.']);
  });

  it('end at a heading', () => {
    const joint = doc.tree.turns[2];
    expect(doc.slice(joint)).toBe('[M. SUSLOV, A. MIKOYAN]{@suslov @mikoyan}: Jointly.');
    expect(doc.tree.turns.some((t) => doc.slice(t).includes('Narration'))).toBe(false);
  });

  it('keep quotations inside a turn as quotations with their own attribution', () => {
    expect(doc.tree.quotations.filter((q) => !q.block).map((q) => [doc.slice(q), q.attribution?.kind])).toEqual([['"quoting somebody"', 'entities']]);
  });

  it('need the mention at the very start and the `:` directly after it', () => {
    for (const para of ['Then [Tito]{@tito}: no', '[Tito]{@tito} : no', '"[Tito]{@tito}: no"', '[Tito]{@tito} said: no', 'Comrade Khrushchev: no']) {
      expect(parseDoc(para).tree.turns).toEqual([]);
    }
  });

  it('start after leading whitespace, a comment or a BOM', () => {
    expect(parseDoc('  [Tito]{@tito}: yes').tree.turns).toHaveLength(1);
    expect(parseDoc('<!-- p. 3 -->[Tito]{@tito}: yes').tree.turns).toHaveLength(1);
    expect(parseDoc('\uFEFF@tito: yes').tree.turns).toHaveLength(1);
  });

  it('take a speaker with apparatus or uncertain id', () => {
    const turns = parseDoc(lines('[Boris]{@ponomarev +}: one', '', '[N. S. KHRUSHCHOV]{@khrushchev sic: KHRUSHCHEV}: two', '', '[Deng]{@deng?}: three')).tree.turns;
    expect(turns.map((t) => [t.speaker.ids[0].id, t.speaker.ids[0].uncertain, t.speaker.apparatus?.kind])).toEqual([
      ['ponomarev', false, 'supplied'],
      ['khrushchev', false, 'sic'],
      ['deng', true, undefined],
    ]);
  });

  it('go on across a page break, a footnote and a definition', () => {
    const doc2 = parseDoc(lines('[A. MIKOYAN]{@mikoyan}: We think{pb 81}', '', 'that [^1]', '', '[^1]: Note.', '', 'it is so.'));
    expect(doc2.tree.turns).toHaveLength(1);
    expect(doc2.tree.turns[0].speech.map(doc2.slice)).toEqual(['[A. MIKOYAN]{@mikoyan}: We think{pb 81}', 'that [^1]', 'it is so.']);
  });
});
