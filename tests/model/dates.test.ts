// Dates in words (SPEC 9), as hover cards and completion details say them.

import { describe, expect, it } from 'vitest';
import { dateCorrection, dateInWords, dateValueInWords } from '../../server/src/model/dates';
import { parseDate } from '../../server/src/syntax/dates';

const words = (text: string) => dateInWords(parseDate(text)!);

describe('dateInWords', () => {
  it.each([
    ['1957-04-15', '15 April 1957'],
    ['1957-04', 'April 1957'],
    ['1957', '1957'],
    ['c. 1904', 'c. 1904'],
    ['c.1904', 'c. 1904'],
    ['1904~', 'c. 1904'],
    ['1960?', '1960 (uncertain)'],
    ['1960-04-15?', '15 April 1960 (uncertain)'],
    ['1960%', 'c. 1960 (uncertain)'],
    ['c. 1960?', 'c. 1960 (uncertain)'],
    ['1960-21', 'spring 1960'],
    ['1960-22', 'summer 1960'],
    ['1960-23', 'autumn 1960'],
    ['1960-24', 'winter 1960'],
    ['n.d.', 'undated'],
  ])('%s is “%s”', (text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it.each([
    ['[1960-04-23..1960-04-28]', 'between 23 and 28 April 1960'],
    ['[1960-04-23..1960-05-02]', 'between 23 April and 2 May 1960'],
    ['[1960-04..1960-05]', 'between April and May 1960'],
    ['[1960-04-23..1961-01-02]', 'between 23 April 1960 and 2 January 1961'],
    ['[1960..1961]', 'between 1960 and 1961'],
    ['[c. 1904..1906]', 'between c. 1904 and 1906'],
    ['1960-06-20..1960-06-25', 'from 20 to 25 June 1960'],
    ['1960-11-10..1960-12-01', 'from 10 November to 1 December 1960'],
    ['1960-11..1961', 'from November 1960 to 1961'],
    ['1960-21..1960-22', 'from spring 1960 to summer 1960'],
  ])('%s is “%s”', (text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it('a value that is no valid date is shown as written', () => {
    expect(dateValueInWords('1961-13')).toBe('1961-13');
    expect(dateValueInWords('1961-03-28')).toBe('28 March 1961');
  });
});

describe('dateCorrection: near misses whose intended form is unambiguous', () => {
  it.each([
    ['c 1960', 'c. 1960'],
    ['C. 1960', 'c. 1960'],
    ['1960 c.', 'c. 1960'],
    ['1960c', 'c. 1960'],
    ['circa 1960', 'c. 1960'],
    ['Circa 1960-04', 'c. 1960-04'],
    ['ca. 1960', 'c. 1960'],
    ['ca 1960-04-15', 'c. 1960-04-15'],
    ['1960 ?', '1960?'],
    ['? 1960', '1960?'],
    ['?1960', '1960?'],
    ['n.d', 'n.d.'],
    ['N.D.', 'n.d.'],
    ['n. d.', 'n.d.'],
    ['nd', 'n.d.'],
    ['s.d.', 'n.d.'],
    ['undated', 'n.d.'],
    ['1960/1961', '1960..1961'],
    ['1960-06-20/1960-06-25', '1960-06-20..1960-06-25'],
    ['1960–1961', '1960..1961'],
    ['1960 - 1961', '1960..1961'],
  ])('%j is %j', (text, expected) => {
    expect(dateCorrection(text)).toBe(expected);
    expect(parseDate(expected)).toBeDefined();
  });

  it.each(['1960-1961', 'c 1961-13', 'circa 1961-02-30', 'March 1961', '28.03.1961', 'about 1960', '1962/1961', '1960', ''])('offers nothing for %j', (text) => {
    expect(dateCorrection(text)).toBeUndefined();
  });
});
