// Documents kept compact (closed, defining no entity) must answer every
// question as a document kept whole does: the same text, tree, references,
// counts and diagnostics, whichever the index was asked first.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { brief } from './helpers';

const REGISTRY = [
  '# People',
  '',
  '@person hoxha: Enver Hoxha',
  '  alias: Comrade Enver',
  '',
  '@person khrushchev: Nikita Khrushchev',
  '',
  '@org cc-cpsu: Central Committee of the CPSU',
].join('\n');

const TRANSCRIPTS = [
  '---\ntitle: Minutes\ndate: 1960-11-12\n---\n\n[KHRUSHCHEV]{@khrushchev}: “We are not afraid,” [he]{@hoxha} said. Enver Hoxha answered.\n',
  'Ascii only: @khrushchev met [the CC]{@cc-cpsu} and @nobody. "Unattributed words here said."\n',
  // Astral letters, combining marks, CRLF line ends.
  'Line one — 𝔄𝔩𝔟𝔞𝔫𝔦𝔞\r\nÉnver Hoxha met [him]{@hoxha}: “Words”{@khrushchev}.\r\n',
];

const uri = (name: string) => `file:///w/${name}`;

function load(keepAllTrees: boolean): WorkspaceIndex {
  const index = new WorkspaceIndex({ keepAllTrees });
  index.setDocument(uri('registry.hmd'), REGISTRY, 0, { trackAffected: false });
  TRANSCRIPTS.forEach((text, i) => index.setDocument(uri(`t${i}.hmd`), text, 0, { trackAffected: false }));
  return index;
}

describe('compact documents', () => {
  it('keeps whole only what defines entities, and answers as a whole index does', () => {
    const compact = load(false);
    const whole = load(true);
    expect(compact.document(uri('registry.hmd'))!.isRegistry).toBe(true);
    for (let i = 0; i < TRANSCRIPTS.length; i++) {
      const u = uri(`t${i}.hmd`);
      const [c, w] = [compact.document(u)!, whole.document(u)!];
      expect(c.text).toBe(TRANSCRIPTS[i]);
      expect(c.tree.mentions.length).toBeGreaterThan(0);
      expect(c.tree).toEqual(w.tree);
      expect([...c.references.keys()]).toEqual([...w.references.keys()]);
      expect(c.lines.range(0, c.text.length)).toEqual(w.lines.range(0, w.text.length));
      expect(diagnoseDocument(compact, u).map(brief)).toEqual(diagnoseDocument(whole, u).map(brief));
    }
    for (const id of ['hoxha', 'khrushchev', 'cc-cpsu', 'nobody']) {
      expect(compact.referenceCounts(id)).toEqual(whole.referenceCounts(id));
      const sites = [...compact.referenceSites(id)].map(({ uri: u, ref }) => `${u} ${ref.start}-${ref.end}`);
      const mentions = [...whole.mentionsOf(id)].map(({ uri: u, ref }) => `${u} ${ref.span.start}-${ref.span.end}`);
      expect(sites).toEqual(mentions);
    }
  });

  it('reads the same tree objects for references and tree while a feature works on one document', () => {
    const index = load(false);
    const entry = index.document(uri('t0.hmd'))!;
    // Another document read in between must not evict the first at once.
    void index.document(uri('t1.hmd'))!.tree;
    const mention = entry.references.get('hoxha')![0].mention;
    expect(entry.tree.mentions).toContain(mention);
  });

  it('keeps an open document whole, and compacts it again when it is closed', () => {
    const index = load(false);
    const u = uri('t1.hmd');
    index.setDocument(u, TRANSCRIPTS[1], 1, { open: true });
    const open = index.document(u)!;
    expect(open.tree).toBe(open.tree);
    index.setDocument(u, TRANSCRIPTS[1], 0);
    expect(index.document(u)!.text).toBe(TRANSCRIPTS[1]);
  });

  it('takes a document parsed on another thread, cloned as a worker sends it, as the same document', () => {
    const source = load(false);
    const target = new WorkspaceIndex();
    target.setDocument(uri('registry.hmd'), REGISTRY, 0, { trackAffected: false });
    TRANSCRIPTS.forEach((_, i) => target.setCompactDocument(structuredClone(source.document(uri(`t${i}.hmd`))!.compactForm!)));
    for (let i = 0; i < TRANSCRIPTS.length; i++) {
      const u = uri(`t${i}.hmd`);
      expect(target.document(u)!.text).toBe(TRANSCRIPTS[i]);
      expect(target.document(u)!.tree).toEqual(source.document(u)!.tree);
      expect(diagnoseDocument(target, u).map(brief)).toEqual(diagnoseDocument(source, u).map(brief));
    }
    for (const id of ['hoxha', 'khrushchev', 'cc-cpsu']) {
      expect(target.referenceCounts(id)).toEqual(source.referenceCounts(id));
      expect([...target.referenceSites(id)]).toEqual([...source.referenceSites(id)]);
    }
    expect(source.document(uri('registry.hmd'))!.compactForm).toBeUndefined();
  });

  it('finds the documents a newly claimed name can match in, from compressed texts, as a whole index does', () => {
    const registry = (extra: string) => `${REGISTRY}\n\n${extra}\n`;
    for (const [name, expected] of [
      ['Hoxha Enver', ['t0.hmd', 't2.hmd']],
      ['Ascii Person', ['t1.hmd']],
      ['Zog King', []],
    ] as const) {
      const [compact, whole] = [load(false), load(true)];
      const affected = (index: WorkspaceIndex) =>
        [...index.setDocument(uri('registry.hmd'), registry(`@person new: ${name}`))].filter((u) => u.includes('/t')).sort();
      const found = affected(compact);
      expect(found).toEqual(affected(whole));
      expect(found).toEqual(expected.map(uri));
    }
  });

  it('keeps a text with a lone surrogate as it is (UTF-8 would change it)', () => {
    const index = new WorkspaceIndex();
    const text = 'A broken pair: \uD800 and {@x}.\n';
    index.setDocument(uri('lone.hmd'), text);
    expect(index.document(uri('lone.hmd'))!.text).toBe(text);
  });

  it('counts and sites equal a whole index after any sequence of edits, removals and reopenings', () => {
    const pieces = ['[Enver]{@hoxha}', ' @khrushchev', ' “Quoted words here,”{@hoxha} said. ', 'Enver Hoxha ', '— ', '\n\n', '[KHRUSHCHEV]{@khrushchev}: ', '𝔄 '];
    const edit = fc.record({ doc: fc.integer({ min: 0, max: 3 }), parts: fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), remove: fc.boolean(), open: fc.boolean() });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const [compact, whole] = [load(false), load(true)];
        for (const { doc, parts, remove, open } of edits) {
          for (const index of [compact, whole]) {
            if (remove) index.removeDocument(uri(`e${doc}.hmd`));
            else index.setDocument(uri(`e${doc}.hmd`), parts.join(''), 0, { open });
          }
        }
        // And both equal an index built afresh from the final texts.
        const fresh = load(true);
        for (const entry of whole.documents()) fresh.setDocument(entry.uri, entry.text);
        for (const id of ['hoxha', 'khrushchev']) {
          expect(compact.referenceCounts(id)).toEqual(whole.referenceCounts(id));
          expect(whole.referenceCounts(id)).toEqual(fresh.referenceCounts(id));
          expect([...compact.referenceSites(id)]).toEqual([...whole.referenceSites(id)]);
          expect(new Set(whole.referencingDocuments(id))).toEqual(new Set(fresh.referencingDocuments(id)));
        }
        for (const entry of whole.documents()) expect(compact.document(entry.uri)!.tree).toEqual(entry.tree);
      }),
    );
  });
});
