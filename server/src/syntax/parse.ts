// Text → SyntaxTree (SPEC.md sections 1–9), in two linear passes: lines are
// grouped into blocks, then the inline scanner reads each block's text.
// Comments are blanked out first (SPEC 1: removed before anything else).

import { BlockReader } from './blockReader';
import { FRONT_MATTER_KEY, isDefinitionStart, mentionsOfField, parseKeyValue } from './fields';
import { InlineScanner } from './inline';
import { BLOCK_QUOTE, contentOffset, FOOTNOTE_DEFINITION, HEADING, type Line, maskComments, splitLines, startsBlock, unmasked } from './lines';
import type { Block, BlockKind, FrontMatter, SyntaxTree } from './types';

export function parse(text: string): SyntaxTree {
  const tree: SyntaxTree = {
    text,
    blocks: [],
    headings: [],
    definitions: [],
    footnoteDefinitions: [],
    footnoteReferences: [],
    mentions: [],
    quotations: [],
    turns: [],
    apparatus: [],
    comments: [],
    escapes: [],
    problems: [],
    plainText: [],
    isRegistry: true,
  };
  const masked = maskComments(text, tree);
  const lines = splitLines(masked, text);
  const scanner = new InlineScanner(masked, tree);
  const pending: { block: Block; first: number; last: number }[] = [];

  const push = (kind: BlockKind, first: number, last: number) => {
    pending.push({ block: { kind, start: lines[first].start, end: lines[last].next }, first, last });
  };

  let i = 0;
  if (lines[0].text.trimEnd() === '---' && lines[0].indent === 0) {
    const close = lines.findIndex((l, k) => k > 0 && l.text.trimEnd() === '---' && l.indent === 0);
    tree.frontMatter = parseFrontMatter(masked, text, lines, close);
    if (close !== -1) {
      push('frontMatter', 0, close);
      for (const entry of tree.frontMatter.entries) tree.mentions.push(...mentionsOfField(entry, 'frontMatter'));
      i = close + 1;
    } else {
      tree.problems.push({ ...tree.frontMatter.open, message: 'The front matter opened here is never closed: add a line `---` after its last key.' });
      tree.frontMatter = undefined;
    }
  }

  while (i < lines.length) {
    const line = lines[i];
    if (line.state !== 'content') {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1].state !== 'content') j++;
      push('blank', i, j);
      i = j + 1;
      continue;
    }
    if (HEADING.test(line.text)) {
      push('heading', i, i);
      i++;
      continue;
    }
    const indented = isDefinitionStart(line.text) || FOOTNOTE_DEFINITION.test(line.text);
    const quote = BLOCK_QUOTE.test(line.text);
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (l.state === 'comment') continue;
      if (indented) {
        if (l.state === 'blank') continue;
        if (l.indent < 2) break;
      } else if (l.state === 'blank' || (quote ? !BLOCK_QUOTE.test(l.text) : startsBlock(l))) {
        break;
      }
      last = j;
    }
    const kind: BlockKind = quote ? 'blockQuote' : isDefinitionStart(line.text) ? 'definition' : indented ? 'footnoteDefinition' : 'paragraph';
    push(kind, i, last);
    i = last + 1;
  }

  // Transparent comment lines and trailing blanks left between blocks are blank blocks.
  // The one line of an empty text is no block: blocks tile the text, so there are none.
  let cursor = 0;
  for (const { block } of pending) {
    if (block.start > cursor) tree.blocks.push({ kind: 'blank', start: cursor, end: block.start });
    if (block.end > block.start) tree.blocks.push(block);
    cursor = block.end;
  }
  if (cursor < text.length) tree.blocks.push({ kind: 'blank', start: cursor, end: text.length });

  const reader = new BlockReader(masked, lines, tree, scanner);
  const content = pending.filter((p) => p.block.kind !== 'blank' && p.block.kind !== 'frontMatter');
  content.forEach((item, k) => reader.read(item.block, item.first, item.last, content[k + 1]));
  reader.endTurn();
  scanner.finish();
  // An unclosed comment is found before the blocks are read.
  tree.problems.sort((a, b) => a.start - b.start);
  tree.isRegistry = !tree.blocks.some((b) => b.kind === 'paragraph' || b.kind === 'blockQuote');
  return tree;
}

function parseFrontMatter(masked: string, source: string, lines: Line[], close: number): FrontMatter {
  const last = close === -1 ? 0 : close;
  const frontMatter: FrontMatter = {
    start: lines[0].start,
    end: lines[last].end,
    open: { start: contentOffset(masked, lines[0]), end: lines[0].end },
    closed: close !== -1,
    entries: [],
    malformed: [],
  };
  for (let k = 1; k < last; k++) {
    const line = lines[k];
    if (line.state !== 'content') continue;
    const at = contentOffset(masked, line);
    const entry = parseKeyValue(unmasked(masked, source, at, line.end), at, FRONT_MATTER_KEY);
    if (entry) frontMatter.entries.push(entry);
    else frontMatter.malformed.push({ start: at, end: line.end });
  }
  return frontMatter;
}

