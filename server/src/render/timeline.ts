// The workspace on a time line (issue 11, *Histmark: Show Timeline*): the
// transcripts by their `date`, events by theirs, people's lives from `born`
// to `died`. Every Histmark date form is read by syntax/dates.ts and said in
// words by model/dates.ts; undated (`n.d.`) and invalid dates are left out.

import type { Timeline, TimelineItem } from '../lsp/protocol';
import { dateInWords } from '../model/dates';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { boundsOf, type DatePoint, type HistDate, parseDate } from '../syntax/dates';

function isApproximate(date: HistDate): boolean {
  const points: DatePoint[] = date.kind === 'point' ? [date.point] : date.kind === 'undated' ? [] : [date.start, date.end];
  return date.kind === 'window' || points.some((p) => p.approximate || p.uncertain || p.season !== undefined);
}

/** An item for `value` when it is a dated Histmark date. */
function dated(value: string | undefined): { date: HistDate; earliest: number; latest: number } | undefined {
  const date = value === undefined ? undefined : parseDate(value);
  const bounds = date && boundsOf(date);
  return date && bounds ? { date, ...bounds } : undefined;
}

export function timeline(index: WorkspaceIndex): Timeline {
  const items: TimelineItem[] = [];
  for (const entry of index.documents()) {
    if (entry.isRegistry) continue;
    const entries = entry.tree.frontMatter?.entries ?? [];
    const d = dated(entries.find((e) => e.key === 'date')?.value);
    if (!d) continue;
    const title = entries.find((e) => e.key === 'title')?.value.trim();
    const label = title || decodeURIComponent(entry.uri.slice(entry.uri.lastIndexOf('/') + 1));
    const start = { line: 0, character: 0 };
    items.push({ lane: 'document', label, when: dateInWords(d.date), earliest: d.earliest, latest: d.latest, span: d.date.kind === 'span', approximate: isApproximate(d.date), location: { uri: entry.uri, range: { start, end: start } } });
  }
  for (const entity of index.entities()) {
    const lines = index.document(entity.uri)?.lines;
    if (!lines) continue;
    const at = lines.positionAt(entity.definition.start);
    const location = { uri: entity.uri, range: { start: at, end: at } };
    if (entity.kind === 'event') {
      const d = dated(entity.dates.date);
      if (d) items.push({ lane: 'event', label: entity.displayName, when: dateInWords(d.date), earliest: d.earliest, latest: d.latest, span: d.date.kind === 'span', approximate: isApproximate(d.date), location });
    } else if (entity.kind === 'person') {
      const born = dated(entity.dates.born);
      const died = dated(entity.dates.died);
      if (!born && !died) continue;
      // A life with one end known is drawn as that one date.
      const when = born && died ? `${dateInWords(born.date)} – ${dateInWords(died.date)}` : born ? `born ${dateInWords(born.date)}` : `died ${dateInWords(died!.date)}`;
      const approximate = [born, died].some((d) => d !== undefined && isApproximate(d.date));
      items.push({ lane: 'life', label: entity.displayName, when, earliest: (born ?? died)!.earliest, latest: (died ?? born)!.latest, span: born !== undefined && died !== undefined, approximate, location });
    }
  }
  const order = (a: TimelineItem, b: TimelineItem) => a.earliest - b.earliest || a.latest - b.latest || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  return { items: items.sort(order) };
}
