// Every example of SPEC.md's (1.1) passages in sections 1, 5, 6 and 8, as
// the parser reads it (and, for HM005, as the diagnostics report it).

import { describe, expect, it } from 'vitest';
import { isLanguageTag } from '../../server/src/syntax/braces';
import { diagnose } from '../model/helpers';
import { onlyQuote, parseDoc } from './helpers';

const words = (text: string) => onlyQuote(parseDoc(text)).words;

const REGISTRY = [
  '@person khrushchev: Nikita Khrushchev',
  '  aka: Khrushchev',
  '@person hoxha: Enver Hoxha',
  '  aka: Hoxha',
  '@place moscow: Moscow',
  '@place tirana: Tirana',
  '',
].join('\n');

/** The HM005 findings of `text` against the registry above, as the text they cover. */
async function unlinked(text: string): Promise<string[]> {
  const found = await diagnose({ 'r.hmd': REGISTRY, 't.hmd': `${text}\n` }, 't.hmd');
  return found
    .filter((d) => d.endsWith('HM005'))
    .map((d) => {
      const [, from, to] = /^0:(\d+)-0:(\d+)/.exec(d)!;
      return text.slice(Number(from), Number(to));
    });
}

describe('SPEC 1: word rules (1.1)', () => {
  it('counts `don’t`, `Albania’s`, `Marxist-Leninist` as one word each', () => {
    expect(words('"don\'t"')).toBe(1);
    expect(words('"don’t"')).toBe(1);
    expect(words('"Albania’s"')).toBe(1);
    expect(words('"Marxist-Leninist"')).toBe(1);
  });

  it('finds "Khrushchev" in `Khrushchev\'s speech` and `the Hoxha-Khrushchev talks`, not in `Khrushchevite`', async () => {
    expect(await unlinked("Khrushchev's speech")).toEqual(['Khrushchev']);
    expect(await unlinked('the Hoxha-Khrushchev talks')).toEqual(['Hoxha', 'Khrushchev']);
    expect(await unlinked('a Khrushchevite line')).toEqual([]);
  });

  it('reads `Ho{pb 7}xha` as the word Hoxha, for word counts and for HM005, the range covering the break', async () => {
    expect(words('"Ho{pb 7}xha"')).toBe(1);
    expect(await unlinked('said Ho{pb 7}xha then')).toEqual(['Ho{pb 7}xha']);
  });

  it('reads `Enver {pb}Hoxha` as the name Enver Hoxha', async () => {
    expect(await unlinked('Enver {pb}Hoxha spoke')).toEqual(['Enver {pb}Hoxha']);
    // A gap and a comment take no room either.
    expect(await unlinked('Enver {gap}Hoxha and Enver <!-- x -->Hoxha')).toEqual(['Enver {gap}Hoxha', 'Enver <!-- x -->Hoxha']);
  });
});

describe('SPEC 5: mentions (1.1)', () => {
  it('carries a mention and one apparatus form in one brace group', () => {
    const doc = parseDoc('[Ramis Alija]{@alia sic: Ramiz Alia} and [Boris]{@ponomarev +}');
    expect(doc.tree.mentions.map((m) => [m.ids[0].id, m.apparatus?.kind, m.apparatus?.value])).toEqual([
      ['alia', 'sic', 'Ramiz Alia'],
      ['ponomarev', 'supplied', undefined],
    ]);
  });

  it('marks a name used as something else `[text]{-}`: no mention, no HM010, never HM005', async () => {
    const doc = parseDoc('published in [Moscow]{-}, the [Tirana]{-} Observatory');
    expect(doc.tree.apparatus.map((a) => [a.kind, doc.slice(a), doc.slice(a.text!)])).toEqual([
      ['notMention', '[Moscow]{-}', 'Moscow'],
      ['notMention', '[Tirana]{-}', 'Tirana'],
    ]);
    expect(doc.tree.mentions).toEqual([]);
    expect(doc.tree.problems).toEqual([]);
    expect(doc.plain()).toEqual(['published in ', ', the ', ' Observatory']);
    expect(await unlinked('published in [Moscow]{-}, the [Tirana]{-} Observatory; Moscow')).toEqual(['Moscow']);
  });
});

describe('SPEC 6.1: inline quotations (1.1)', () => {
  it('opens `"` at line start after a page break: `{pb 12}"We will never…`', () => {
    const doc = parseDoc('{pb 12}"We will never give in."{@hoxha}');
    expect(doc.quotes()).toEqual(['"We will never give in."']);
    expect(onlyQuote(doc).attribution?.kind).toBe('entities');
  });

  it('opens `"` after white space read through a comment or gap, and at line start after a comment', () => {
    expect(parseDoc('He said {pb 3}"we will not yield"{@hoxha}').quotes()).toEqual(['"we will not yield"']);
    expect(parseDoc('<!-- p. 3 -->"we will not yield"{@hoxha}').quotes()).toEqual(['"we will not yield"']);
  });

  it('closes an open straight `"` with `”`, and an open `“` with `"`', () => {
    const doc = parseDoc('He said "we will never yield”{@hoxha} and “they will not" today.');
    expect(doc.quotes()).toEqual(['"we will never yield”', '“they will not"']);
    expect(doc.tree.quotations.every((q) => !q.unclosed)).toBe(true);
  });

  it('counts `"don\'t go"` as two words (no HM001 at the default minWords 3)', async () => {
    expect(words('"don\'t go"')).toBe(2);
    expect(await diagnose({ 't.hmd': 'He said "don\'t go" and "do not go"\n' }, 't.hmd')).toEqual(['0:23-0:34 warning HM001']);
  });
});

describe('SPEC 8: editorial apparatus (1.1)', () => {
  it('reads `[text]{lang: ru}` as foreign words with their BCP 47 tag', () => {
    const doc = parseDoc('the [narod]{lang: ru} and [Gastarbeiter]{lang: de-AT}');
    expect(doc.tree.apparatus.map((a) => [a.kind, a.value, doc.slice(a.text!)])).toEqual([
      ['foreign', 'ru', 'narod'],
      ['foreign', 'de-AT', 'Gastarbeiter'],
    ]);
    expect(doc.tree.problems).toEqual([]);
    // Foreign words are text: HM005 reads them.
    expect(doc.plain()).toEqual(['the ', 'narod', ' and ', 'Gastarbeiter']);
  });

  it('reads `{@id lang: ru}`: a mention in another language', () => {
    const doc = parseDoc('[Boris Nikolayevich]{@ponomarev lang: ru}');
    expect(doc.tree.mentions[0].apparatus).toMatchObject({ kind: 'foreign', value: 'ru' });
  });

  it('checks BCP 47 well-formedness', () => {
    for (const tag of ['ru', 'sq', 'de-AT', 'sr-Latn', 'zh-Hant-TW', 'en-GB-oxendict', 'es-419', 'zh-yue', 'x-private', 'i-klingon', 'de-CH-1996']) expect([tag, isLanguageTag(tag)]).toEqual([tag, true]);
    for (const tag of ['r', 'ru_RU', '123', 'ru-', '-ru', 'toolongtag', 'de-AT-', 'en--GB', 'ru RU']) expect([tag, isLanguageTag(tag)]).toEqual([tag, false]);
  });

  it('reports a malformed tag, `{lang ru}` and `{@id -}` as HM010, with a clear message', () => {
    const doc = parseDoc('[a]{lang: ru_RU} [b]{lang ru} [c]{lang:} [Boris]{@ponomarev -} {-}');
    expect(doc.problems()).toEqual(['{lang: ru_RU}', '{lang ru}', '{lang:}', '{@ponomarev -}', '{-}']);
    expect(doc.tree.problems.map((p) => p.message)).toEqual([
      '`ru_RU` is not a BCP 47 language tag: write a language code with optional script and region, separated by hyphens (`ru`, `de-AT`, `sr-Latn`, `zh-Hant-TW`).',
      'Write `{lang: ru}`: the language tag follows `lang` and a colon.',
      'Name the language after `lang:`, as a BCP 47 tag: `{lang: ru}`, `{lang: sr-Latn}`.',
      '`-` marks a name that is not a mention: it cannot follow an id. Write `[text]{-}`, or `[text]{@id}` for a mention.',
      'This editorial mark needs the text it applies to: `[text]{…}`.',
    ]);
  });
});
