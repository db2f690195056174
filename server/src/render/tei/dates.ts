// Histmark dates (SPEC.md 9) as TEI dating attributes: `when`, `from`/`to`
// for spans, `notBefore`/`notAfter` for windows and seasons, `cert` for
// uncertain (low) and approximate (medium) dates. A value that is no date
// gets no attribute: the text keeps it.

import type { Attributes } from '../xmlWriter';

const POINT = /^(c\.\s?)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

interface Point {
  value: string;
  earliest: string;
  latest: string;
  cert?: 'low' | 'medium';
}

function days(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const SEASONS: Record<number, [string, string]> = { 21: ['03-01', '05-31'], 22: ['06-01', '08-31'], 23: ['09-01', '11-30'], 24: ['12-01', '12-31'] };

function point(text: string): Point | undefined {
  const m = POINT.exec(text.trim());
  if (!m) return undefined;
  const [, circa, year, month, day, qualifier] = m;
  const cert = qualifier === '?' || qualifier === '%' ? 'low' : qualifier === '~' || circa ? 'medium' : undefined;
  const y = Number(year);
  if (month === undefined) return { value: year, earliest: `${year}-01-01`, latest: `${year}-12-31`, cert };
  const mo = Number(month);
  if (day === undefined && SEASONS[mo]) {
    const [from, to] = SEASONS[mo];
    return { value: '', earliest: `${year}-${from}`, latest: `${year}-${to}`, cert };
  }
  if (mo < 1 || mo > 12) return undefined;
  if (day === undefined) return { value: `${year}-${month}`, earliest: `${year}-${month}-01`, latest: `${year}-${month}-${days(y, mo)}`, cert };
  if (Number(day) < 1 || Number(day) > days(y, mo)) return undefined;
  const value = `${year}-${month}-${day}`;
  return { value, earliest: value, latest: value, cert };
}

function bounds(p: Point, before: string, after: string): Attributes {
  return p.value !== '' ? { [before === 'notBefore' ? 'when' : before]: p.value } : { [before]: p.earliest, [after]: p.latest };
}

/** The dating attributes of a Histmark date, or undefined when it is not one. */
export function dateAttributes(text: string): Attributes | undefined {
  const raw = text.trim();
  if (raw === 'n.d.') return {};
  const window = /^\[(.+)\.\.(.+)\]$/.exec(raw);
  if (window) {
    const a = point(window[1]);
    const b = point(window[2]);
    return a && b ? { notBefore: a.earliest, notAfter: b.latest, cert: a.cert ?? b.cert } : undefined;
  }
  const span = /^(.+)\.\.(.+)$/.exec(raw);
  if (span) {
    const a = point(span[1]);
    const b = point(span[2]);
    return a && b ? { from: a.value || a.earliest, to: b.value || b.latest, cert: a.cert ?? b.cert } : undefined;
  }
  const p = point(raw);
  if (!p) return undefined;
  return { ...bounds(p, 'notBefore', 'notAfter'), cert: p.cert };
}
