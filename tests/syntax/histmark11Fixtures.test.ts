// The Histmark 1.1 diagnostic cases on their fixture folders under
// tests/fixtures/diagnostics/*-1.1/ (the pattern of
// tests/model/diagnostics.test.ts): where each fires, with its exact range
// (0-based, UTF-16), and near-miss.hmd files that must stay silent.

import { describe, expect, it } from 'vitest';
import { diagnosticsByFile, loadFixture } from '../model/helpers';

async function fixture(name: string) {
  return diagnosticsByFile(await loadFixture(`diagnostics/${name}`));
}

describe('Histmark 1.1 diagnostics on the fixtures', () => {
  it('HM001: a quotation opened after a page break at line start, one closed by ”, three Gothic words; joined words count once', async () => {
    expect(await fixture('HM001-1.1')).toEqual({
      'fires.hmd': [
        '1:7-1:39 warning HM001', // {pb 12}"We will never give in to them."
        '3:9-3:40 warning HM001', // "we will never yield to anyone”
        '5:17-5:35 warning HM001', // "𐌰𐌱𐌲 𐌴𐌵 𐌸𐌹": two UTF-16 units a letter
      ],
    });
  });

  it('HM004: marks mixed both ways close; a page break takes no room, so a mark after "said {pb 12}" opens; a gap is omitted text, so "will {gap}\"" closes', async () => {
    expect(await fixture('HM004-1.1')).toEqual({
      'fires.hmd': ['1:15-1:16 error HM004'],
    });
  });

  it('HM005: names read through page breaks, gaps and comments, the range covering the break; never inside [text]{-}', async () => {
    expect(await fixture('HM005-1.1')).toEqual({
      'fires.hmd': [
        '1:0-1:12 information HM005', // Ho{pb 13}xha
        '1:23-1:38 information HM005', // Enver {pb}Hoxha
        '1:43-1:67 information HM005', // Enver <!-- p. 4 -->Hoxha
        '2:0-2:10 information HM005', // Khrushchev's
        '2:27-2:32 information HM005', // Hoxha-
        '2:33-2:43 information HM005', // -Khrushchev
        '2:53-2:59 information HM005', // Moscow
      ],
    });
  });

  it('HM010: a malformed language tag, lang without a colon, an id with `-`, `{-}` with no text', async () => {
    expect(await fixture('HM010-1.1')).toEqual({
      'fires.hmd': [
        '1:7-1:20 error HM010', // {lang: ru_RU}
        '1:28-1:37 error HM010', // {lang ru}
        '1:45-1:54 error HM010', // {lang: r}
        '1:62-1:73 error HM010', // {lang: 123}
        '1:81-1:95 error HM010', // {@ponomarev -}
        '1:96-1:99 error HM010', // {-}
      ],
    });
  });
});
