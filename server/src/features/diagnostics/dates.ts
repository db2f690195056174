// HM009: invalid dates, and ends before starts (SPEC 9).

import { endsBeforeStart, type HistDate, parseDate } from '../../syntax/dates';
import type { Span } from '../../syntax/types';
import type { Finding } from './types';

const FORMAT = 'use YYYY, YYYY-MM or YYYY-MM-DD, optionally with `c.` before or `?` after';

/** Checks one date; returns the date when valid. */
export function checkDate(value: string, span: Span, what: string, findings: Finding[]): HistDate | undefined {
  const date = parseDate(value);
  if (!date) findings.push({ ...span, code: 'HM009', message: `${what} “${value}” is not a valid date: ${FORMAT}.` });
  return date;
}

/** Checks a date or a range `date..date`. */
export function checkDateOrRange(value: string, span: Span, what: string, findings: Finding[]): void {
  const dots = value.indexOf('..');
  if (dots === -1) {
    checkDate(value, span, what, findings);
    return;
  }
  const startText = value.slice(0, dots);
  const endText = value.slice(dots + 2);
  const endLead = endText.length - endText.trimStart().length;
  const startSpan = { start: span.start, end: span.start + startText.trimEnd().length };
  const endSpan = { start: span.start + dots + 2 + endLead, end: span.end };
  const start = checkDate(startText, startSpan, `The start of ${what.toLowerCase()}`, findings);
  const end = checkDate(endText, endSpan, `The end of ${what.toLowerCase()}`, findings);
  if (start && end && endsBeforeStart(start, end)) {
    findings.push({ ...endSpan, code: 'HM009', message: `The range ends (${end.text}) before it starts (${start.text}).` });
  }
}

export function checkOrder(start: HistDate | undefined, end: HistDate | undefined, endSpan: Span | undefined, message: string, findings: Finding[]): void {
  if (start && end && endSpan && endsBeforeStart(start, end)) findings.push({ ...endSpan, code: 'HM009', message });
}
