// HM009: invalid dates, and ends before starts (SPEC 9).

import { dateCorrection } from '../../model/dates';
import { boundsOf, endsBeforeStart, type HistDate, readDate } from '../../syntax/dates';
import type { Span } from '../../syntax/types';
import type { Finding } from './types';

/**
 * What a value may be: any date (front matter `date`, the `date` field of an
 * event or work), or one day, month, year or season, exactly or within a
 * window (`born`, `died`, `founded`, `dissolved`: a life does not start over a span).
 */
export type DateUse = 'any' | 'moment';

const POINT_FORMS = 'YYYY, YYYY-MM or YYYY-MM-DD (optionally with `c.` before, or `~`, `?` or `%` after), a season YYYY-21…YYYY-24';
const FORMS: Record<DateUse, string> = {
  any: `${POINT_FORMS}, a span \`a..b\`, a window \`[a..b]\` or \`n.d.\``,
  moment: `${POINT_FORMS} or a window \`[a..b]\``,
};

/** Checks one date value at `span`; returns the date when it is valid for `use`. */
export function checkDate(value: string, span: Span, what: string, use: DateUse, findings: Finding[]): HistDate | undefined {
  const { date, problems } = readDate(value);
  const at = (p: Span) => ({ start: span.start + p.start, end: span.start + p.end });
  for (const p of problems) {
    const part = value.slice(p.start, p.end);
    if (p.problem === 'endBeforeStart') {
      findings.push({ ...at(p), code: 'HM009', message: `The range ends (${part}) before it starts (${p.startText}).` });
    } else {
      const whole = value.trim() === part;
      const subject = whole ? `${what} “${part}”` : `“${part}” in ${what.toLowerCase()} “${value.trim()}”`;
      // A value that is wholly wrong is shown on `span`: for an empty value, the key.
      const finding: Finding = { ...(whole ? span : at(p)), code: 'HM009', message: `${subject} is not a valid date: use ${FORMS[use]}.` };
      const correction = dateCorrection(part);
      // The quick fix offers a correction only where it is valid in this place (no `n.d.` for `born`, a point as the end of a span).
      const corrected = correction === undefined ? undefined : readDate(correction).date;
      if (correction && corrected && fits(corrected.kind, whole ? use : 'point')) finding.data = { correction };
      findings.push(finding);
    }
  }
  if (date && !fits(date.kind, use)) {
    const wrong = date.kind === 'span' ? 'a span `a..b`' : '`n.d.`';
    findings.push({ ...span, code: 'HM009', message: `${what} takes one date, not ${wrong}: use ${FORMS.moment}.` });
    return undefined;
  }
  return date;
}

/** Whether a date of `kind` may stand where `use` asks for one (`point`: an end of a span or window). */
function fits(kind: HistDate['kind'], use: DateUse | 'point'): boolean {
  return use === 'any' || kind === 'point' || (use === 'moment' && kind === 'window');
}

/** HM009 on `endSpan` when the end date certainly lies before the start date (both as bounds). */
export function checkOrder(start: HistDate | undefined, end: HistDate | undefined, endSpan: Span | undefined, message: string, findings: Finding[]): void {
  const from = start && boundsOf(start);
  const to = end && boundsOf(end);
  if (from && to && endSpan && endsBeforeStart(from, to)) findings.push({ ...endSpan, code: 'HM009', message });
}
