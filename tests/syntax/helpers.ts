// Helpers that turn spans back into source text, so tests read as the
// document does: `expect(doc.quotes()).toEqual(['"We can…"'])`.

import { parse } from '../../server/src/syntax/parse';
import { plainTexts } from '../../server/src/syntax/plain';
import type { Span, SyntaxTree } from '../../server/src/syntax/types';

export interface Parsed {
  text: string;
  tree: SyntaxTree;
  /** The source text of a span. */
  slice(span: Span): string;
  /** Every quotation, as written. */
  quotes(): string[];
  /** Every mention, as written. */
  mentions(): string[];
  /** Every apparatus mark, as written. */
  apparatus(): string[];
  /** Every syntax problem, as written. */
  problems(): string[];
  /** The plainText ranges as HM005 reads them: comments, page breaks and gaps removed. */
  plain(): string[];
  /** Every block as `kind:text`. */
  blocks(): string[];
}

export function parseDoc(text: string): Parsed {
  const tree = parse(text);
  const slice = (span: Span) => text.slice(span.start, span.end);
  return {
    text,
    tree,
    slice,
    quotes: () => tree.quotations.map(slice),
    mentions: () => tree.mentions.map(slice),
    apparatus: () => tree.apparatus.map(slice),
    problems: () => tree.problems.map(slice),
    plain: () => plainTexts(tree),
    blocks: () => tree.blocks.map((b) => `${b.kind}:${slice(b)}`),
  };
}

/** Joins lines with `\n` (the tests' way of writing a document). */
export function lines(...rows: string[]): string {
  return rows.join('\n');
}

/** The only quotation of a document (fails the test when there are more). */
export function onlyQuote(doc: Parsed) {
  if (doc.tree.quotations.length !== 1) throw new Error(`expected one quotation, found ${JSON.stringify(doc.quotes())}`);
  return doc.tree.quotations[0];
}
