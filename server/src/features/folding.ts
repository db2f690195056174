// Folding ranges: front matter, entity definitions, heading sections, block
// quotes, comments, footnote definitions and speaker turns of several
// paragraphs. A range of one line folds nothing and is left out.

import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { BlockKind, Span } from '../syntax/types';
import { headingSections } from './documentSymbols';

// Blocks rather than definitions, so that a definition with a broken header folds too.
const FOLDED_BLOCKS = new Set<BlockKind>(['frontMatter', 'definition', 'footnoteDefinition', 'blockQuote']);

export function foldingRanges(index: WorkspaceIndex, uri: string): FoldingRange[] {
  const entry = index.document(uri);
  if (!entry) return [];
  const { tree, lines } = entry;
  const ranges: FoldingRange[] = [];
  const fold = (span: Span, kind?: FoldingRangeKind) => {
    const startLine = lines.positionAt(span.start).line;
    // A span that ends with its line break ends on that line, not the next.
    const endLine = lines.positionAt(Math.max(span.start, span.end - 1)).line;
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  for (const block of tree.blocks) if (FOLDED_BLOCKS.has(block.kind)) fold(block);
  for (const { heading, end } of headingSections(entry)) fold({ start: heading.start, end });
  for (const turn of tree.turns) if (turn.speech.length > 1) fold(turn);
  for (const comment of tree.comments) fold(comment, FoldingRangeKind.Comment);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
