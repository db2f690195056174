// How much the corpus says about an entity, from the counts the index keeps
// (a hover must not read every document): what the transcripts say —
// references, the transcripts they are in, quotations attributed, turns
// spoken — and, apart, the registry's cross-references.

import type { ReferenceCounts, WorkspaceIndex } from '../model/workspaceIndex';

export type EntityStats = ReferenceCounts;

export function entityStats(index: WorkspaceIndex, id: string): EntityStats {
  return index.referenceCounts(id);
}

/** `1 mention`, `3 quotations`. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The one line hover, code lens and Entities view show:
 * "41 mentions in 7 transcripts · 6 quotations · 33 turns (+ 12 in the registry)".
 * Quotations and turns are left out when there are none.
 */
export function statsLine(stats: EntityStats): string {
  const parts =
    stats.mentions === 0
      ? ['no mentions in transcripts']
      : [`${counted(stats.mentions, 'mention')} in ${counted(stats.transcripts, 'transcript')}`];
  if (stats.quotations > 0) parts.push(counted(stats.quotations, 'quotation'));
  if (stats.turns > 0) parts.push(counted(stats.turns, 'turn'));
  const registry = stats.registryMentions > 0 ? ` (+ ${stats.registryMentions} in the registry)` : '';
  return parts.join(' · ') + registry;
}
