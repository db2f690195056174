// SPEC section 5: mentions, explicit and bare.

import { describe, expect, it } from 'vitest';
import { lines, parseDoc } from './helpers';

describe('explicit mentions', () => {
  it('link the display text to an entity, with exact spans', () => {
    const doc = parseDoc('Comrade [Enver Hoxha]{@hoxha} spoke.');
    const [m] = doc.tree.mentions;
    expect(m.form).toBe('explicit');
    expect(doc.slice(m)).toBe('[Enver Hoxha]{@hoxha}');
    expect(doc.slice(m.display!)).toBe('Enver Hoxha');
    expect(m.ids.map((r) => [r.id, doc.slice(r.span), r.uncertain])).toEqual([['hoxha', 'hoxha', false]]);
    expect(m.apparatus).toBeUndefined();
    // The display text is the source's text but not plain text for HM005.
    expect(doc.plain()).toEqual(['Comrade ', ' spoke.']);
  });

  it('let several entities share one display text', () => {
    const doc = parseDoc('[M. SUSLOV, A. MIKOYAN]{@suslov @mikoyan} agreed.');
    expect(doc.tree.mentions[0].ids.map((r) => r.id)).toEqual(['suslov', 'mikoyan']);
    expect(doc.tree.mentions[0].ids.map((r) => doc.slice(r.span))).toEqual(['suslov', 'mikoyan']);
  });

  it('mark an id followed by `?` as uncertain; the id span excludes the `?`', () => {
    const doc = parseDoc('[Deng]{@deng?} and [X]{@a @b?}');
    const refs = doc.tree.mentions.flatMap((m) => m.ids.map((r) => [r.id, doc.slice(r.span), r.uncertain]));
    expect(refs).toEqual([
      ['deng', 'deng', true],
      ['a', 'a', false],
      ['b', 'b', true],
    ]);
  });

  it('carry one apparatus form in the same brace group', () => {
    const doc = parseDoc('[Ramis Alija]{@alia sic: Ramiz Alia} and [Boris]{@ponomarev +} and [Shehu]{@shehu ?}');
    expect(doc.tree.mentions.map((m) => [m.ids[0].id, m.apparatus?.kind, m.apparatus?.value])).toEqual([
      ['alia', 'sic', 'Ramiz Alia'],
      ['ponomarev', 'supplied', undefined],
      ['shehu', 'unclear', undefined],
    ]);
    expect(doc.apparatus()).toEqual(['[Ramis Alija]{@alia sic: Ramiz Alia}', '[Boris]{@ponomarev +}', '[Shehu]{@shehu ?}']);
    expect(doc.slice(doc.tree.apparatus[0].text!)).toBe('Ramis Alija');
  });

  it('keep escaped brackets inside the display text', () => {
    const doc = parseDoc('[\\[Nikita\\] Khrushchev]{@khrushchev} said');
    expect(doc.mentions()).toEqual(['[\\[Nikita\\] Khrushchev]{@khrushchev}']);
    expect(doc.slice(doc.tree.mentions[0].display!)).toBe('\\[Nikita\\] Khrushchev');
    expect(doc.tree.escapes.map(doc.slice)).toEqual(['\\[', '\\]']);
  });

  it('are not made by an unescaped bracket inside the display', () => {
    const doc = parseDoc('[[Nikita] Khrushchev]{@khrushchev}');
    // The outer `[` finds another `[` first and is text; `[Nikita]` is not followed by `{`.
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.problems()).toEqual(['{@khrushchev}']);
  });

  it('may contain quotation marks in the display text', () => {
    const doc = parseDoc('the newspaper [“Zëri i Popullit”]{@zeri} wrote');
    expect(doc.mentions()).toEqual(['[“Zëri i Popullit”]{@zeri}']);
    expect(doc.quotes()).toEqual(['“Zëri i Popullit”']);
  });

  it('read no bare mention inside the display text', () => {
    const doc = parseDoc('[write to @hoxha]{@letter}');
    expect(doc.mentions()).toEqual(['[write to @hoxha]{@letter}']);
  });

  it('are plain text when `]` is not directly followed by `{`', () => {
    const doc = parseDoc('[Nikita] Khrushchev, [Mikhail] Suslov [sic] and [...] {pb 3}');
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.apparatus()).toEqual(['{pb 3}']);
    expect(doc.plain()).toEqual(['[Nikita] Khrushchev, [Mikhail] Suslov [sic] and [...] ']);
    expect(doc.tree.problems).toEqual([]);
  });

  it('report a malformed brace group after `]` and keep the display as plain text', () => {
    const doc = parseDoc('[Tito]{@} [Tito]{@tito, @x} [Tito]{tito} [Tito]{@tito!} [Tito]{@?} [Tito]{~} [Tito]{pb 3}');
    expect(doc.problems()).toEqual(['{@}', '{@tito, @x}', '{tito}', '{@tito!}', '{@?}', '{~}', '{pb 3}']);
    expect(doc.tree.mentions).toEqual([]);
  });
});

describe('bare mentions', () => {
  it('are `@id` at line start or after a non-id character', () => {
    const doc = parseDoc(lines('@hoxha wrote to (@khrushchev), "@tito" and @mao.', 'x @zhou-enlai; [@deng]'));
    expect(doc.mentions()).toEqual(['@hoxha', '@khrushchev', '@tito', '@mao', '@zhou-enlai', '@deng']);
    expect(doc.tree.mentions.every((m) => m.form === 'bare')).toBe(true);
    expect(doc.tree.mentions.map((m) => doc.slice(m.ids[0].span))).toEqual(['hoxha', 'khrushchev', 'tito', 'mao', 'zhou-enlai', 'deng']);
  });

  it('are not an e-mail address or anything after a letter, digit, `_`, `-`, `.` or `@`', () => {
    const doc = parseDoc('name@host.org a_@b a-@c a.@d @@e 1@f é@g');
    expect(doc.tree.mentions).toEqual([]);
  });

  it('end before the first non-id character, without a trailing `-` or `_`', () => {
    const doc = parseDoc("@hoxha's @shehu- @kapo_ @enver-hoxha, @ramiz_alia. @tito—");
    expect(doc.tree.mentions.map((m) => m.ids[0].id)).toEqual(['hoxha', 'shehu', 'kapo', 'enver-hoxha', 'ramiz_alia', 'tito']);
    expect(doc.plain().join('|')).toBe("'s |- |_ |, |. |—");
  });

  it('accept Unicode ids', () => {
    const doc = parseDoc('@gomułka and @koço-tashko');
    expect(doc.tree.mentions.map((m) => m.ids[0].id)).toEqual(['gomułka', 'koço-tashko']);
  });

  it('need an id after `@`', () => {
    const doc = parseDoc('at @ noon, @-x, @?');
    expect(doc.tree.mentions).toEqual([]);
  });

  it('are never uncertain: a `?` after a bare id is text', () => {
    const doc = parseDoc('@deng? or not');
    expect(doc.tree.mentions[0].ids[0]).toMatchObject({ id: 'deng', uncertain: false });
  });

  it('can follow a comment', () => {
    const doc = parseDoc('x<!-- c -->@tito');
    expect(doc.mentions()).toEqual(['@tito']);
  });

  it('are not read when escaped', () => {
    expect(parseDoc('\\@tito').tree.mentions).toEqual([]);
  });
});
