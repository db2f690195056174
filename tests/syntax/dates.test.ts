// SPEC section 9: dates, the 1.0 forms and the EDTF level-1 forms of 1.1.

import { describe, expect, it } from 'vitest';
import { boundsOf, endsBeforeStart, type HistDate, parseDate, readDate } from '../../server/src/syntax/dates';

const bounds = (text: string) => boundsOf(parseDate(text)!);

describe('dates: points', () => {
  it.each([
    ['1961', 19610101, 19611231],
    ['1961-03', 19610301, 19610331],
    ['1961-03-28', 19610328, 19610328],
    ['1960-02', 19600201, 19600229],
    ['1900-02', 19000201, 19000228],
    ['2000-02-29', 20000229, 20000229],
  ])('%s is the span of days it can mean', (text, earliest, latest) => {
    expect(parseDate(text)).toMatchObject({ kind: 'point', text, point: { text, approximate: false, uncertain: false, earliest, latest } });
  });

  it('reads the 1.0 `c.` prefix and `?` suffix', () => {
    expect(parseDate('c. 1894')).toMatchObject({ point: { approximate: true, uncertain: false, earliest: 18940101 } });
    expect(parseDate('c.1894')).toMatchObject({ point: { approximate: true } });
    expect(parseDate('1894-04?')).toMatchObject({ point: { approximate: false, uncertain: true, latest: 18940430 } });
    expect(parseDate('c. 1894?')).toMatchObject({ point: { approximate: true, uncertain: true } });
  });

  it('reads the EDTF qualifiers: 1960~ approximate (as c. 1960), 1960? uncertain, 1960% both', () => {
    expect(parseDate('1960~')).toMatchObject({ point: { year: 1960, approximate: true, uncertain: false, earliest: 19600101, latest: 19601231 } });
    expect(parseDate('1960?')).toMatchObject({ point: { approximate: false, uncertain: true } });
    expect(parseDate('1960%')).toMatchObject({ point: { approximate: true, uncertain: true } });
    expect(parseDate('1960-04-23~')).toMatchObject({ point: { day: 23, approximate: true, earliest: 19600423, latest: 19600423 } });
  });

  it.each([
    ['1960-21', 'spring', 19600301, 19600531],
    ['1960-22', 'summer', 19600601, 19600831],
    ['1960-23', 'autumn', 19600901, 19601130],
    // Winter straddles the new year: its bounds take in January 1960 to February 1961.
    ['1960-24', 'winter', 19600101, 19610228],
  ])('the season %s is %s, %i to %i', (text, season, earliest, latest) => {
    expect(parseDate(text)).toMatchObject({ kind: 'point', point: { season, year: 1960, earliest, latest } });
  });

  it('trims surrounding space', () => {
    expect(parseDate('  1961-03-28 ')?.text).toBe('1961-03-28');
  });

  it.each([
    '61',
    '1961-3',
    '1961-13',
    '1961-00',
    '1961-20',
    '1961-25',
    '1961-22-01',
    '1961-02-30',
    '1961-04-31',
    '1900-02-29',
    '1961-02-29',
    '28.03.1961',
    'March 1961',
    '1961-03-28T10:00',
    'ca. 1961',
    'c 1961',
    '?1961',
    '1961??',
    '196X',
    '1961/1962',
    '',
    'n.d',
    'N.D.',
    '[1961]',
    '[1961..1962',
    '1961..',
    '..1961',
    '[1961..1962]..1963',
    '1961..1962..1963',
  ])('rejects %j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('dates: spans, windows, n.d.', () => {
  it('a..b is a span from a to b (a meeting over days), reaching from the start of a to the end of b', () => {
    const date = parseDate('1960-11-10..1960-11-25')!;
    expect(date).toMatchObject({ kind: 'span', start: { text: '1960-11-10', start: 0, end: 10 }, end: { text: '1960-11-25', start: 12, end: 22 } });
    expect(boundsOf(date)).toEqual({ earliest: 19601110, latest: 19601125 });
  });

  it('[a..b] is one unknown day in the window a–b ("between 23 and 28 April")', () => {
    const date = parseDate('[1960-04-23..1960-04-28]')!;
    expect(date).toMatchObject({ kind: 'window', start: { day: 23, start: 1, end: 11 }, end: { day: 28, start: 13, end: 23 } });
    expect(boundsOf(date)).toEqual({ earliest: 19600423, latest: 19600428 });
  });

  it('the ends of a span or window may be any point, qualified or not, with space around `..`', () => {
    expect(parseDate('c. 1904..1910?')).toMatchObject({ kind: 'span', start: { approximate: true }, end: { uncertain: true } });
    expect(parseDate('[ 1960-21 .. 1960-22 ]')).toMatchObject({ kind: 'window', start: { season: 'spring' }, end: { season: 'summer' } });
    expect(parseDate('1960..1960')).toMatchObject({ kind: 'span' });
  });

  it('n.d. is undated: a date without bounds', () => {
    const date = parseDate('n.d.')!;
    expect(date).toEqual({ kind: 'undated', text: 'n.d.' });
    expect(boundsOf(date)).toBeUndefined();
  });

  it('a window or span whose end precedes its start is a problem on the end, with its exact offsets', () => {
    expect(readDate('[1960-04-28..1960-04-23]')).toEqual({ problems: [{ start: 13, end: 23, problem: 'endBeforeStart', startText: '1960-04-28' }] });
    expect(readDate('1962..1961')).toEqual({ problems: [{ start: 6, end: 10, problem: 'endBeforeStart', startText: '1962' }] });
    // Ends that overlap their start are no contradiction.
    expect(readDate('1960-05..1960').problems).toEqual([]);
  });

  it('a malformed start or end is a problem on that part; a malformed whole, on the whole', () => {
    expect(readDate('1961-13-01..1960').problems).toEqual([{ start: 0, end: 10, problem: 'invalid' }]);
    expect(readDate('1960.. 1961-13').problems).toEqual([{ start: 7, end: 14, problem: 'invalid' }]);
    expect(readDate('[x..y]').problems).toEqual([
      { start: 1, end: 2, problem: 'invalid' },
      { start: 4, end: 5, problem: 'invalid' },
    ]);
    expect(readDate(' 1961.. ').problems).toEqual([{ start: 1, end: 7, problem: 'invalid' }]);
    expect(readDate('c 1961').problems).toEqual([{ start: 0, end: 6, problem: 'invalid' }]);
  });
});

describe('dates: order', () => {
  it('says when an end certainly precedes a start, comparing bounds', () => {
    const before = (start: string, end: string) => endsBeforeStart(bounds(start)!, bounds(end)!);
    expect(before('1894-04-15', '1871-09-11')).toBe(true);
    expect(before('1894-04-15', '1971-09-11')).toBe(false);
    // Overlapping spans are not a contradiction.
    expect(before('1960-05', '1960')).toBe(false);
    expect(before('1960-05-20', '1960-05')).toBe(false);
    expect(before('1960-06', '1960-05')).toBe(true);
    // Seasons and windows by their bounds; qualifiers do not widen them.
    expect(before('1960-22', '1960-05')).toBe(true);
    expect(before('1960-22', '1960-06')).toBe(false);
    expect(before('[1960-04-23..1960-04-28]', '1960-04-25')).toBe(false);
    expect(before('[1960-04-23..1960-04-28]', '1960-04-22')).toBe(true);
    expect(before('c. 1905', '1904')).toBe(true);
  });

  it('each form reads as its kind', () => {
    const kinds = ['1960', 'c. 1960', '1960-22', '1960..1961', '[1960..1961]', 'n.d.'].map((t) => (parseDate(t) as HistDate).kind);
    expect(kinds).toEqual(['point', 'point', 'point', 'span', 'window', 'undated']);
  });
});
