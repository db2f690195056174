// Next/Previous Mention: from the reference (or definition) under the
// cursor to the next or previous reference of the same entity, across
// documents in document order (by path, then position), wrapping around at
// the ends so that stepping never stops.

import type { Position } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { Span } from '../syntax/types';
import type { MentionStep, MentionStepParams } from '../lsp/protocol';
import { locate, targetIds } from './locate';

interface Stop {
  uri: string;
  mention: Span;
}

/** Every reference to `id`, once per mention, by path then position. */
function stopsOf(index: WorkspaceIndex, id: string): Stop[] {
  const stops: Stop[] = [];
  for (const uri of index.referencingDocuments(id).sort()) {
    let last: Span | undefined;
    for (const { mention } of index.document(uri)?.sites.of(id) ?? []) {
      // `{@a @a}` names the id twice in one mention: one stop.
      if (mention.start !== last?.start) stops.push({ uri, mention });
      last = mention;
    }
  }
  return stops;
}

/** Where the cursor is in document order: before (negative) or after (positive) a stop. */
function compare(stop: Stop, uri: string, offset: number): number {
  if (stop.uri !== uri) return stop.uri < uri ? -1 : 1;
  return stop.mention.start < offset ? -1 : stop.mention.start > offset ? 1 : 0;
}

export function mentionStep(index: WorkspaceIndex, params: MentionStepParams): MentionStep | null {
  const { uri } = params.textDocument;
  const found = locate(index, uri, params.position as Position);
  if (!found) return null;
  const id = targetIds(found.target)[0];
  if (id === undefined) return null;
  const stops = stopsOf(index, id);
  const name = index.entity(id)?.displayName ?? `@${id}`;
  if (stops.length === 0) return { id, name, total: 0, wrapped: false };

  const forward = params.direction === 'next';
  const { target: at, entry } = found;
  const current = at.kind === 'reference' ? stops.findIndex((s) => s.uri === uri && s.mention.start === at.mention.start) : -1;
  const offset = entry.lines.offsetAt(params.position as Position);
  let target: number;
  if (current >= 0) target = current + (forward ? 1 : -1);
  else if (forward) target = stops.findIndex((s) => compare(s, uri, offset) > 0);
  else target = stops.map((s) => compare(s, uri, offset) < 0).lastIndexOf(true);
  // Past either end (or nothing beyond the cursor): wrap around.
  const wrapped = target < 0 || target >= stops.length;
  if (wrapped) target = forward ? 0 : stops.length - 1;
  const stop = stops[target];
  const lines = index.document(stop.uri)!.lines;
  return {
    id,
    name,
    location: { uri: stop.uri, range: lines.range(stop.mention.start, stop.mention.end) },
    ordinal: target + 1,
    total: stops.length,
    wrapped,
  };
}
