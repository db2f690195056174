// The preview's blocks of a document, re-rendered only where the source
// changed. Per document and mode, the last rendering of each independent
// run of blocks (previewSegments.ts) is kept by its source text, with the
// entities it looked up: a run whose text is unchanged and whose entities
// are the index's current ones (an edited definition is a new entity) is
// reused, its offsets and lines moved to where it now stands. Shared runs
// (footnotes) are walked afresh each time.

import type { Entity } from '../../model/entity';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import type { EntityLookup } from '../inlineWalk';
import { walkBlockRanges } from '../walk';
import { type HtmlBlock, renderHtmlBlocks } from './blocks';
import { documentHtmlOptions } from './document';
import type { SafeHtml } from './htmlWriter';
import type { HtmlMode } from './inline';
import { type BlockRun, blockRuns } from './previewSegments';

/** A run's blocks as HTML split around its positions, kept relative to the run's start offset and line. */
interface RenderedRun {
  blocks: { at: number; line: number; parts: string[]; positions: { value: number; isLine: boolean }[] }[];
  /** Every id the run looked up, with the entity it found. */
  entities: Map<string, Entity | undefined>;
  /** The blocks as last placed, kept while the run stays where it was (the runs before an edit). */
  placed?: { start: number; line: number; blocks: HtmlBlock[] };
}

interface DocumentCache {
  minWords: number | undefined;
  runs: Map<string, RenderedRun>;
}

/** The attributes that hold a source offset or line; only inside tags (text and attribute values escape `<`, `>` and `"`). */
const TAG = /<[^>]*>/g;
const POSITION = / (id="b|data-at="|data-line=")(\d+)"/g;

export class PreviewCache {
  private readonly documents = new Map<string, DocumentCache>();

  constructor(private readonly index: WorkspaceIndex) {}

  blocks(entry: DocumentEntry, mode: HtmlMode): HtmlBlock[] {
    const key = `${mode} ${entry.uri}`;
    const previous = this.documents.get(key);
    const minWords = this.index.config.minWords;
    const reusable = previous && previous.minWords === minWords ? previous.runs : new Map<string, RenderedRun>();
    const next: DocumentCache = { minWords, runs: new Map() };
    const runs = blockRuns(entry.tree);
    const shared = this.sharedBlocks(entry, mode, runs.filter((r) => r.shared));
    const out: HtmlBlock[] = [];
    let s = 0;
    for (const run of runs) {
      if (run.shared) {
        while (s < shared.length && shared[s].at < run.end) out.push(shared[s++]);
        continue;
      }
      const source = entry.text.slice(run.start, run.end);
      let rendered = reusable.get(source);
      if (!rendered || !this.current(rendered)) rendered = this.render(entry, mode, run);
      next.runs.set(source, rendered);
      for (const block of placed(rendered, run.start, entry.lines.positionAt(run.start).line)) out.push(block);
    }
    this.documents.set(key, next);
    return out;
  }

  /** Whether every entity the run looked up is still the index's. */
  private current(run: RenderedRun): boolean {
    for (const [id, entity] of run.entities) if (this.index.entity(id) !== entity) return false;
    return true;
  }

  /** Forgets the documents the index no longer holds. */
  prune(): void {
    for (const key of this.documents.keys()) if (!this.index.document(key.slice(key.indexOf(' ') + 1))) this.documents.delete(key);
  }

  private sharedBlocks(entry: DocumentEntry, mode: HtmlMode, runs: BlockRun[]): HtmlBlock[] {
    if (runs.length === 0) return [];
    const lookup: EntityLookup = (id) => this.index.entity(id);
    const doc = walkBlockRanges(entry.tree, lookup, runs.map((r) => [r.from, r.to] as const));
    return renderHtmlBlocks(doc, documentHtmlOptions(this.index, entry, mode, () => undefined, lookup));
  }

  private render(entry: DocumentEntry, mode: HtmlMode, run: BlockRun): RenderedRun {
    const entities = new Map<string, Entity | undefined>();
    const lookup: EntityLookup = (id) => {
      const entity = this.index.entity(id);
      entities.set(id, entity);
      return entity;
    };
    const doc = walkBlockRanges(entry.tree, lookup, [[run.from, run.to]]);
    const line = entry.lines.positionAt(run.start).line;
    const blocks = renderHtmlBlocks(doc, documentHtmlOptions(this.index, entry, mode, () => undefined, lookup)).map((block) => relative(block, run.start, line));
    return { blocks, entities };
  }
}

function relative(block: HtmlBlock, start: number, line: number): RenderedRun['blocks'][number] {
  const parts: string[] = [];
  const positions: { value: number; isLine: boolean }[] = [];
  let last = 0;
  for (const tag of block.html.matchAll(TAG)) {
    for (const m of tag[0].matchAll(POSITION)) {
      const at = tag.index + m.index + 2 + m[1].length - 1;
      parts.push(block.html.slice(last, at));
      const isLine = m[1] === 'data-line="';
      positions.push({ value: Number(m[2]) - (isLine ? line : start), isLine });
      last = at + m[2].length;
    }
  }
  parts.push(block.html.slice(last));
  return { at: block.at - start, line: block.line - line, parts, positions };
}

function placed(run: RenderedRun, start: number, line: number): HtmlBlock[] {
  if (run.placed?.start === start && run.placed.line === line) return run.placed.blocks;
  const blocks = run.blocks.map((b) => {
    let html = b.parts[0];
    b.positions.forEach((p, k) => (html += String(p.value + (p.isLine ? line : start)) + b.parts[k + 1]));
    return { at: b.at + start, line: b.line + line, html: html as SafeHtml };
  });
  run.placed = { start, line, blocks };
  return blocks;
}
