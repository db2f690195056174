// The shared walk and the plain reading text (SPEC.md 1): markup removed,
// the source's characters and whitespace kept, structure properly nested.

import { describe, expect, it } from 'vitest';
import { parse } from '../../server/src/syntax/parse';
import { walkDescription, walkDocument } from '../../server/src/render/walk';
import { inlineText, plainText } from '../../server/src/render/plainText';
import type { BlockNode, InlineNode, QuotationNode } from '../../server/src/render/reading';
import { indexOf } from './helpers';

function read(text: string) {
  const index = indexOf({ 'r.hmd': '@person k: Nikita Khrushchev\n\n@org cpsu: CPSU\n', 'doc.hmd': text });
  const entry = index.document('file:///ws/doc.hmd')!;
  return walkDocument(entry.tree, (id) => index.entity(id));
}

function quotations(nodes: readonly (InlineNode | BlockNode)[]): QuotationNode[] {
  const out: QuotationNode[] = [];
  for (const n of nodes) {
    if (n.type === 'quotation') out.push(n);
    for (const key of ['children', 'blocks', 'label', 'head'] as const) {
      const child = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) out.push(...quotations(child));
    }
  }
  return out;
}

describe('plain reading text', () => {
  it('removes ids, brace groups, comments, page breaks and gaps, resolves escapes and keeps whitespace', () => {
    const doc = read('Ho{pb 7}xha met [the First Secretary]{@k} <!-- a note -->and \\@k{gap: torn}.\r\n\r\nSecond  "paragraph"{@k}.\n');
    expect(plainText(doc)).toBe('Hoxha met the First Secretary and @k.\r\n\r\nSecond  "paragraph".\n');
  });

  it('reads a bare @id as the entity’s name, and an undefined one as its id', () => {
    expect(plainText(read('Then @k spoke to @nobody.\n'))).toBe('Then Nikita Khrushchev spoke to nobody.\n');
  });

  it('keeps the display of marks and of mentions with marks, and drops the front matter, headings’ # and the > of block quotes', () => {
    const doc = read('---\ntitle: T\n---\n# Head [x]{sic: y}\n\n> Quoted [CPSU]{@cpsu +}\n> line\n> — [N. K.]{@k}\n');
    expect(plainText(doc)).toBe('Head x\n\nQuoted CPSU\nline\n— N. K.\n');
  });

  it('gives a turn its speaker label and the description of an entity its text without indentation', () => {
    expect(plainText(read('[KHRUSHCHEV]{@k}: We will.\n\nAnd more.\n'))).toBe('KHRUSHCHEV: We will.\n\nAnd more.\n');
    const tree = parse('@person k: K\n  role: x\n\n  Leader of [the CPSU]{@cpsu},\n  called "Nikita"{~}.\n');
    expect(inlineText(walkDescription(tree, tree.definitions[0], () => undefined).nodes)).toBe('Leader of the CPSU,\ncalled "Nikita".');
  });
});

describe('nesting', () => {
  it('puts paragraphs under the div of their heading, and turns around the paragraphs they span', () => {
    const doc = read('# One\n\n[K]{@k}: First.\n\nSecond.\n\n## Two\n\nThird.\n');
    const [div] = doc.blocks.filter((b) => b.type === 'div');
    expect(div.type === 'div' && div.blocks.map((b) => b.type)).toEqual(['space', 'turn', 'space', 'div']);
    const turn = div.type === 'div' ? div.blocks[1] : undefined;
    expect(turn?.type === 'turn' && turn.blocks.filter((b) => b.type !== 'space').length).toBe(2);
  });

  it('splits a quotation that continues into the next paragraph into fragments', () => {
    const doc = read('“We will not go.\n\n“We will stay,” he said{@k}.\n\n"Not this."{@k}\n');
    const parts = quotations(doc.blocks).filter((q) => q.index === 0);
    expect(parts.map((q) => [q.fragment, q.first, q.last, inlineText(q.children)])).toEqual([
      [0, true, false, '“We will not go.'],
      [1, false, true, '“We will stay,”'],
    ]);
    expect(doc.fragments.get(0)).toBe(2);
  });

  it('splits a quotation that closes inside a mention’s brackets', () => {
    const doc = read('He said "we [the CPSU" party]{@cpsu} will.\n');
    const parts = quotations(doc.blocks);
    expect(parts.map((q) => inlineText(q.children))).toEqual(['"we ', 'the CPSU"']);
    expect(plainText(doc)).toBe('He said "we the CPSU" party will.\n');
  });
});
