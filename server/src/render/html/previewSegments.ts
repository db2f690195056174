// The runs of a tree's blocks that the preview renders on their own: each
// starts where no speaker turn is open and no inline item (a quotation
// crossing paragraphs, a mention) reaches across it, so walking it alone
// gives exactly its part of a whole-document walk. A run with a footnote
// reference or a note shown where it stands is "shared": note placement
// carries over from the runs before it, so the shared runs are walked
// together, in order.

import type { Span, SyntaxTree } from '../../syntax/types';
import { blockTables } from '../walk';
import { startingIn } from '../spans';

export interface BlockRun {
  /** Indexes into `tree.blocks`: [from, to). */
  from: number;
  to: number;
  /** Source range. */
  start: number;
  end: number;
  shared: boolean;
}

/** The greatest end of the items of sorted lists that start before a moving offset. */
class Reach {
  private readonly next: number[];
  max = -1;
  constructor(private readonly lists: readonly (readonly (Span & { attribution?: Span })[])[]) {
    this.next = lists.map(() => 0);
  }
  advanceTo(offset: number): number {
    this.lists.forEach((list, k) => {
      for (; this.next[k] < list.length && list[this.next[k]].start < offset; this.next[k]++) {
        const item = list[this.next[k]];
        this.max = Math.max(this.max, item.end, item.attribution?.end ?? -1);
      }
    });
    return this.max;
  }
}

export function blockRuns(tree: SyntaxTree): BlockRun[] {
  const { turnsByStart, referenced, firstDefinition, footnoteByStart } = blockTables(tree);
  const reach = new Reach([tree.quotations, tree.mentions, tree.apparatus, tree.footnoteReferences, tree.comments, tree.escapes, tree.problems]);
  const runs: BlockRun[] = [];
  let turnEnd: number | undefined;
  tree.blocks.forEach((block, b) => {
    // The walk's rule: a turn lasts until its end, a heading or the next turn.
    const opensTurn = block.kind === 'paragraph' && turnsByStart.has(block.start);
    if (turnEnd !== undefined && (block.start >= turnEnd || block.kind === 'heading' || opensTurn)) turnEnd = undefined;
    const canStart = turnEnd === undefined && reach.advanceTo(block.start) <= block.start;
    if (opensTurn) turnEnd = turnsByStart.get(block.start)!.end;
    const last = runs[runs.length - 1];
    if (!last || canStart) runs.push({ from: b, to: b + 1, start: block.start, end: block.end, shared: false });
    else {
      last.to = b + 1;
      last.end = block.end;
    }
    const definition = block.kind === 'footnoteDefinition' ? footnoteByStart.get(block.start) : undefined;
    if (definition && (!referenced.has(definition.label) || firstDefinition.get(definition.label) !== definition)) runs[runs.length - 1].shared = true;
  });
  for (const run of runs) if (startingIn(tree.footnoteReferences, run.start, run.end).length > 0) run.shared = true;
  return runs;
}
