// Histmark dates (SPEC.md section 9): YYYY, YYYY-MM or YYYY-MM-DD, with an
// optional `c.` prefix and `?` suffix; ranges `date..date`.

export interface HistDate {
  text: string;
  circa: boolean;
  uncertain: boolean;
  /** Earliest and latest day the date can mean, as YYYYMMDD numbers. */
  earliest: number;
  latest: number;
}

const DATE = /^(c\.\s?)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(\?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseDate(text: string): HistDate | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[2]);
  const month = m[3] === undefined ? undefined : Number(m[3]);
  const day = m[4] === undefined ? undefined : Number(m[4]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) return undefined;
  const base = year * 10000;
  const earliest = base + (month ?? 1) * 100 + (day ?? 1);
  const latest = base + (month ?? 12) * 100 + (day ?? daysInMonth(year, month ?? 12));
  return { text: text.trim(), circa: m[1] !== undefined, uncertain: m[5] !== undefined, earliest, latest };
}

/** True when `end` certainly lies before `start`. */
export function endsBeforeStart(start: HistDate, end: HistDate): boolean {
  return end.latest < start.earliest;
}
