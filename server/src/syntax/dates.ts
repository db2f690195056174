// Histmark dates (SPEC.md section 9). A point is YYYY, YYYY-MM, YYYY-MM-DD
// or a season YYYY-21…YYYY-24, optionally prefixed by `c.` and suffixed by
// `~` (approximate), `?` (uncertain) or `%` (both); a span is `a..b`, a
// window `[a..b]`, and `n.d.` says the source is undated. Written by hand:
// EDTF libraries differ from Histmark in the details that matter here
// (`c.`, `..` spans, `n.d.`; edtf.js 4.11 also accepts 1961-02-29 and reads
// season 21 as January–March).

import type { Span } from './types';

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** One point, with its offsets in the text given to the parser. */
export interface DatePoint extends Span {
  text: string;
  year: number;
  month?: number;
  day?: number;
  season?: Season;
  /** `c.`, `~` or `%`. */
  approximate: boolean;
  /** `?` or `%`. */
  uncertain: boolean;
  /** Earliest and latest day the point can mean, as YYYYMMDD numbers. */
  earliest: number;
  latest: number;
}

export type HistDate =
  | { kind: 'point'; text: string; point: DatePoint }
  /** A span runs from `start` to `end`; a window is one unknown day between them. */
  | { kind: 'span' | 'window'; text: string; start: DatePoint; end: DatePoint }
  | { kind: 'undated'; text: string };

/** What is wrong, and where (offsets in the text given to the parser). */
export interface DateProblem extends Span {
  problem: 'invalid' | 'endBeforeStart';
  /** For 'endBeforeStart': the start as written. */
  startText?: string;
}

export const UNDATED = 'n.d.';

const POINT = /^(c\.\s?)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;
const SEASONS: Record<number, Season> = { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' };
/** First and last month of each season (northern hemisphere, meteorological). */
const SEASON_MONTHS: Record<Season, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], winter: [12, 2] };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function day(year: number, month: number, d: number): number {
  return year * 10000 + month * 100 + d;
}

/** The point written as `text` at `offset` (already trimmed), or undefined. */
function parsePoint(text: string, offset: number): DatePoint | undefined {
  const m = POINT.exec(text);
  if (!m) return undefined;
  const year = Number(m[2]);
  const month = m[3] === undefined ? undefined : Number(m[3]);
  const dayOfMonth = m[4] === undefined ? undefined : Number(m[4]);
  const qualifier = m[5];
  const point = { start: offset, end: offset + text.length, text, year, approximate: m[1] !== undefined || qualifier === '~' || qualifier === '%', uncertain: qualifier === '?' || qualifier === '%' };
  const season = month === undefined ? undefined : SEASONS[month];
  if (season) {
    if (dayOfMonth !== undefined) return undefined;
    const [first, last] = SEASON_MONTHS[season];
    // Winter straddles the new year and sources use both readings (January–February
    // of the year, December to February of the next): its bounds take in both.
    const earliest = season === 'winter' ? day(year, 1, 1) : day(year, first, 1);
    const latest = season === 'winter' ? day(year + 1, last, daysInMonth(year + 1, last)) : day(year, last, daysInMonth(year, last));
    return { ...point, season, earliest, latest };
  }
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && dayOfMonth !== undefined && (dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month))) return undefined;
  const earliest = day(year, month ?? 1, dayOfMonth ?? 1);
  const latest = day(year, month ?? 12, dayOfMonth ?? daysInMonth(year, month ?? 12));
  return { ...point, month, day: dayOfMonth, earliest, latest };
}

/** `text` at `offset`, trimmed, with its offset. */
function trimmed(text: string, offset: number): { text: string; offset: number } {
  const lead = text.length - text.trimStart().length;
  return { text: text.trim(), offset: offset + lead };
}

/**
 * Reads a date. A span or window whose start or end is malformed has a
 * problem on that part; one that ends before it starts, on the end.
 */
export function readDate(value: string): { date?: HistDate; problems: DateProblem[] } {
  const { text, offset } = trimmed(value, 0);
  const whole: DateProblem = { start: offset, end: offset + text.length, problem: 'invalid' };
  if (text === UNDATED) return { date: { kind: 'undated', text }, problems: [] };
  const window = text.startsWith('[') && text.endsWith(']');
  const inner = window ? text.slice(1, -1) : text;
  const innerOffset = offset + (window ? 1 : 0);
  const dots = inner.indexOf('..');
  if (dots === -1) {
    const point = window ? undefined : parsePoint(text, offset);
    return point ? { date: { kind: 'point', text, point }, problems: [] } : { problems: [whole] };
  }
  const startPart = trimmed(inner.slice(0, dots), innerOffset);
  const endPart = trimmed(inner.slice(dots + 2), innerOffset + dots + 2);
  if (startPart.text === '' || endPart.text === '') return { problems: [whole] };
  const start = parsePoint(startPart.text, startPart.offset);
  const end = parsePoint(endPart.text, endPart.offset);
  const problems: DateProblem[] = [];
  if (!start) problems.push({ start: startPart.offset, end: startPart.offset + startPart.text.length, problem: 'invalid' });
  if (!end) problems.push({ start: endPart.offset, end: endPart.offset + endPart.text.length, problem: 'invalid' });
  if (!start || !end) return { problems };
  if (endsBeforeStart(start, end)) return { problems: [{ start: end.start, end: end.end, problem: 'endBeforeStart', startText: start.text }] };
  return { date: { kind: window ? 'window' : 'span', text, start, end }, problems: [] };
}

/** The date, or undefined when `text` is not a valid one. */
export function parseDate(text: string): HistDate | undefined {
  return readDate(text).date;
}

/** Earliest and latest day a date can mean (YYYYMMDD); undefined for `n.d.`. */
export function boundsOf(date: HistDate): { earliest: number; latest: number } | undefined {
  switch (date.kind) {
    case 'point':
      return date.point;
    case 'span':
    case 'window':
      return { earliest: date.start.earliest, latest: date.end.latest };
    case 'undated':
      return undefined;
  }
}

/** True when `end` certainly lies before `start`: its latest day precedes the start's earliest. */
export function endsBeforeStart(start: { earliest: number }, end: { latest: number }): boolean {
  return end.latest < start.earliest;
}
