// Dates in words, as hovers and completion details say them (SPEC 9):
// "15 April 1957", "c. 1904", "summer 1960", "1960 (uncertain)",
// "between 23 and 28 April 1960", "from 20 to 25 June 1960", "undated".

import { type DatePoint, type HistDate, parseDate } from '../syntax/dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar part of a point: "15 April 1957", "April 1957", "1957", "summer 1960". */
function calendarWords(point: DatePoint): string {
  if (point.season) return `${point.season} ${point.year}`;
  if (point.month === undefined) return String(point.year);
  const month = `${MONTHS[point.month - 1]} ${point.year}`;
  return point.day === undefined ? month : `${point.day} ${month}`;
}

function qualified(point: DatePoint, words: string): string {
  return `${point.approximate ? 'c. ' : ''}${words}${point.uncertain ? ' (uncertain)' : ''}`;
}

function pointWords(point: DatePoint): string {
  return qualified(point, calendarWords(point));
}

/**
 * Both ends of a span or window; an unqualified start shares its month and
 * year with the end where they agree: "23 and 28 April 1960", "April and May 1960".
 */
function endsInWords(start: DatePoint, end: DatePoint, joiner: string): string {
  const plain = !start.approximate && !start.uncertain && !start.season && !end.season;
  const sameYear = plain && start.year === end.year && (start.month === undefined) === (end.month === undefined) && (start.day === undefined) === (end.day === undefined);
  if (sameYear && start.month !== undefined) {
    if (start.day !== undefined && start.month === end.month) return `${start.day} ${joiner} ${pointWords(end)}`;
    const startWords = start.day === undefined ? MONTHS[start.month - 1] : `${start.day} ${MONTHS[start.month - 1]}`;
    return `${startWords} ${joiner} ${pointWords(end)}`;
  }
  return `${pointWords(start)} ${joiner} ${pointWords(end)}`;
}

export function dateInWords(date: HistDate): string {
  switch (date.kind) {
    case 'point':
      return pointWords(date.point);
    case 'span':
      return `from ${endsInWords(date.start, date.end, 'to')}`;
    case 'window':
      return `between ${endsInWords(date.start, date.end, 'and')}`;
    case 'undated':
      return 'undated';
  }
}

/** A field or front-matter value in words; a value that is no valid date is shown as written. */
export function dateValueInWords(value: string): string {
  const date = parseDate(value);
  return date ? dateInWords(date) : value;
}

const POINT_TEXT = String.raw`(\d{4}(?:-\d{2}){0,2})`;
/** Near misses whose intended form is unambiguous, and how to write them (SPEC 9). */
const NEAR_MISSES: [RegExp, string][] = [
  [new RegExp(String.raw`^(?:c|ca|circa)\.?\s*${POINT_TEXT}$`, 'i'), 'c. $1'],
  [new RegExp(String.raw`^${POINT_TEXT}\s*(?:c|ca|circa)\.?$`, 'i'), 'c. $1'],
  [new RegExp(String.raw`^${POINT_TEXT}\s+([?~%])$`), '$1$2'],
  [new RegExp(String.raw`^\?\s*${POINT_TEXT}$`), '$1?'],
  [/^(?:n\.?\s*d\.?|s\.\s*d\.|undated)$/i, 'n.d.'],
  [new RegExp(String.raw`^${POINT_TEXT}\s*(?:/|–|\s-\s)\s*${POINT_TEXT}$`), '$1..$2'],
];

/**
 * The valid date a near miss (`c 1960`, `1960 c.`, `circa 1960`, `ca. 1960`,
 * `? 1960`, `n.d`, `1960/1961`, `1960 – 1961`) stands for; undefined when
 * there is none or it is not clear which.
 */
export function dateCorrection(text: string): string | undefined {
  const value = text.trim();
  for (const [pattern, replacement] of NEAR_MISSES) {
    if (!pattern.test(value)) continue;
    const corrected = value.replace(pattern, replacement);
    return parseDate(corrected) ? corrected : undefined;
  }
  return undefined;
}
