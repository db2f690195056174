// Astral-plane letters — Gothic 𐌰, CJK Extension B 𠀀, mathematical 𝐀 —
// are word characters like any other letter (issue 8 item 21): they count
// as words, make ids, and no range ever falls between the two UTF-16 units
// of one of them.

import { describe, expect, it } from 'vitest';
import { codePointOf, isValidId, isWordCharAt, scanId } from '../../server/src/syntax/chars';
import { diagnose } from '../model/helpers';
import { onlyQuote, parseDoc } from './helpers';

const GOTHIC = '𐌰𐌱𐌲';

describe('astral letters', () => {
  it('are word characters, both halves of the pair alike', () => {
    for (const letter of ['𐌰', '𠀀', '𝐀']) {
      expect(isWordCharAt(letter, 0)).toBe(true);
      expect(isWordCharAt(letter, 1)).toBe(true);
      expect(codePointOf(letter, 1)).toBe(letter.codePointAt(0));
    }
    // An emoji is astral too, but no letter.
    expect(isWordCharAt('😀', 0)).toBe(false);
  });

  it('count as words of a quotation: a three-word Gothic quotation has three words', () => {
    const doc = parseDoc(`He wrote "${GOTHIC} 𐌴𐌵 𐌸𐌹" here.`);
    expect(onlyQuote(doc).words).toBe(3);
  });

  it('make ids, in brace groups, bare mentions and definitions', () => {
    expect(isValidId('𐌰𐌱')).toBe(true);
    expect(isValidId('𝐀-1')).toBe(true);
    expect(scanId('@𠀀x.', 1, 5)).toBe(4);
    const doc = parseDoc('@person 𐌰𐌱: Gothic\n\nSee [him]{@𐌰𐌱} and @𐌰𐌱.\n');
    expect(doc.tree.definitions[0].id).toBe('𐌰𐌱');
    expect(doc.tree.mentions.map((m) => m.ids[0].id)).toEqual(['𐌰𐌱', '𐌰𐌱']);
    expect(doc.mentions()).toEqual(['[him]{@𐌰𐌱}', '@𐌰𐌱']);
  });

  it('are never split: an id stops before a pair that is no letter, an escape takes the whole pair', () => {
    const doc = parseDoc('Ask @tito😀 and \\𐌰 there.');
    expect(doc.mentions()).toEqual(['@tito']);
    expect(doc.tree.escapes.map(doc.slice)).toEqual(['\\𐌰']);
  });

  it('join an apostrophe between letters: not a quotation mark', () => {
    const doc = parseDoc(`"${GOTHIC}'𐌰 words"{~}`);
    expect(onlyQuote(doc).words).toBe(2);
    expect(doc.quotes()).toEqual([`"${GOTHIC}'𐌰 words"`]);
  });
});

describe('astral letters in diagnostics', () => {
  it('HM001 for a three-word Gothic quotation', async () => {
    expect(await diagnose({ 't.hmd': `He wrote "${GOTHIC} 𐌴𐌵 𐌸𐌹" here.\n` }, 't.hmd')).toEqual(['0:9-0:27 warning HM001']);
  });

  it('HM005 finds an astral name at whole-word boundaries, its range whole pairs', async () => {
    const registry = '@person ulfilas: 𐌰𐌱𐌲\n@person math: 𝐀𝐁\n';
    const text = `A ${GOTHIC} b, not x${GOTHIC} nor ${GOTHIC}𐌴; 𝐀𝐁.\n`;
    // Gothic letters are two units each: "𐌰𐌱𐌲" is 0:2-0:8; "𝐀𝐁" is 4 units.
    expect(await diagnose({ 'r.hmd': registry, 't.hmd': text }, 't.hmd')).toEqual(['0:2-0:8 information HM005', '0:38-0:42 information HM005']);
  });
});
