// `histmark lint --shard i/n`: the i-th of n slices of a workspace, so that
// a CI matrix splits an archive over machines. A document's slice follows
// from a hash of its workspace-relative path alone, so that it never moves
// when other files come and go (and each machine's cache stays warm).
// Every slice still reads every document that defines entities; each
// document, registry or transcript, is reported by its own slice only, and
// `histmark.json` by slice 1.

import { createHash } from 'node:crypto';
import { relativePath } from './relativePath';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `i/n` with 1 ≤ i ≤ n; undefined when `value` is not one. */
export function parseShard(value: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m) return undefined;
  const [index, count] = [Number(m[1]), Number(m[2])];
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** Whether the document `file` of the workspace at `root` is in `shard`. */
export function inShard(shard: Shard, root: string, file: string): boolean {
  const hash = createHash('sha256').update(relativePath(root, file)).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}

/** The SARIF `automationDetails.id` of a shard's run: code scanning keeps one upload per category (the id up to its last `/`). */
export function shardAutomationId(shard: Shard): string {
  return `histmark/shard-${shard.index}-of-${shard.count}/`;
}
