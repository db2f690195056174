// SPEC section 9: dates.

import { describe, expect, it } from 'vitest';
import { endsBeforeStart, parseDate } from '../../server/src/syntax/dates';

describe('dates', () => {
  it.each([
    ['1961', 19610101, 19611231],
    ['1961-03', 19610301, 19610331],
    ['1961-03-28', 19610328, 19610328],
    ['1960-02', 19600201, 19600229],
    ['1900-02', 19000201, 19000228],
    ['2000-02-29', 20000229, 20000229],
  ])('%s is the span of days it can mean', (text, earliest, latest) => {
    expect(parseDate(text)).toMatchObject({ text, circa: false, uncertain: false, earliest, latest });
  });

  it('reads the `c.` prefix and the `?` suffix', () => {
    expect(parseDate('c. 1894')).toMatchObject({ circa: true, uncertain: false, earliest: 18940101 });
    expect(parseDate('c.1894')).toMatchObject({ circa: true });
    expect(parseDate('1894-04?')).toMatchObject({ circa: false, uncertain: true, latest: 18940430 });
    expect(parseDate('c. 1894?')).toMatchObject({ circa: true, uncertain: true });
  });

  it('trims surrounding space', () => {
    expect(parseDate('  1961-03-28 ')?.text).toBe('1961-03-28');
  });

  it.each(['61', '1961-3', '1961-13', '1961-00', '1961-02-30', '1961-04-31', '1900-02-29', '28.03.1961', 'March 1961', '1961-03-28T10:00', 'ca. 1961', '?1961', '', '1961..1962'])(
    'rejects %s',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );

  it('says when an end certainly precedes a start', () => {
    const d = (t: string) => parseDate(t)!;
    expect(endsBeforeStart(d('1894-04-15'), d('1871-09-11'))).toBe(true);
    expect(endsBeforeStart(d('1894-04-15'), d('1971-09-11'))).toBe(false);
    // Overlapping spans are not a contradiction.
    expect(endsBeforeStart(d('1960-05'), d('1960'))).toBe(false);
    expect(endsBeforeStart(d('1960-05-20'), d('1960-05'))).toBe(false);
    expect(endsBeforeStart(d('1960-06'), d('1960-05'))).toBe(true);
  });
});
