// Incremental updates of the workspace index: `setDocument` and
// `removeDocument` return the documents whose diagnostics can change, and
// after any sequence of edits the diagnostics are those of an index built
// afresh from the same texts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

const uri = (name: string) => `file:///ws/${name}`;

function build(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.keys(files).sort()) index.setDocument(uri(name), files[name]);
  return index;
}

const names = (affected: Set<string>) => [...affected].map((u) => u.slice(uri('').length)).sort();
const codes = (index: WorkspaceIndex, name: string) => diagnoseDocument(index, uri(name)).map((d) => d.code);

const REGISTRY = '@person tito: Josip Broz Tito\n@person kardelj: Edvard Kardelj\n';
const FILES = {
  'registry.hmd': REGISTRY,
  'tito.hmd': '[The marshal]{@tito} spoke.\n',
  'broz.hmd': '@broz wrote.\n',
  'kardelj.hmd': '[Edvard]{@kardelj} wrote "we will see that"{@tito}.\n',
  'other.hmd': 'The Marshals met.\n',
  'marshal.hmd': 'The Marshal spoke.\n',
};

describe('the documents an edit affects', () => {
  it('renaming an id affects the transcripts that mention the old or the new id, and nothing else', () => {
    const index = build(FILES);
    expect(codes(index, 'broz.hmd')).toEqual(['HM002']);
    const affected = index.setDocument(uri('registry.hmd'), REGISTRY.replace('tito:', 'broz:'));
    expect(names(affected)).toEqual(['broz.hmd', 'kardelj.hmd', 'registry.hmd', 'tito.hmd']);
    expect(codes(index, 'tito.hmd')).toEqual(['HM002']);
    expect(codes(index, 'broz.hmd')).toEqual([]);
  });

  it('editing a transcript affects only itself, whatever it adds', () => {
    const index = build(FILES);
    const affected = index.setDocument(uri('tito.hmd'), '[The marshal]{@tito} and @kardelj said "no, never, not at all" to Edvard Kardelj[^1].\n');
    expect(names(affected)).toEqual(['tito.hmd']);
  });

  it('adding an alias affects the registry and the documents holding the name as a word', () => {
    const index = build(FILES);
    const affected = index.setDocument(uri('registry.hmd'), REGISTRY.replace('Tito\n', 'Tito\n  aka: Marshal\n'));
    // "Marshals" in other.hmd is another word: it cannot match.
    expect(names(affected)).toEqual(['marshal.hmd', 'registry.hmd']);
    expect(codes(index, 'marshal.hmd')).toEqual(['HM005']);
  });

  it('a name becoming ambiguous affects the other claimant and the documents holding the name', () => {
    const index = build({ ...FILES, 'registry.hmd': REGISTRY.replace('Tito\n', 'Tito\n  aka: Marshal\n') });
    const affected = index.setDocument(uri('more.hmd'), '@person zhukov: Georgy Zhukov\n  aka: Marshal\n');
    expect(names(affected)).toEqual(['marshal.hmd', 'more.hmd', 'registry.hmd']);
    expect(codes(index, 'registry.hmd')).toEqual(['HM008']);
    expect(codes(index, 'marshal.hmd')).toEqual([]);
  });

  it('marking an entity `match: no` affects the documents holding its names, and unmarking it again', () => {
    const index = build({ ...FILES, 'registry.hmd': REGISTRY.replace('Tito\n', 'Tito\n  aka: Marshal\n') });
    expect(codes(index, 'marshal.hmd')).toEqual(['HM005']);
    const marked = index.setDocument(uri('registry.hmd'), REGISTRY.replace('Tito\n', 'Tito\n  aka: Marshal\n  match: no\n'));
    expect(names(marked)).toEqual(['marshal.hmd', 'registry.hmd']);
    expect(codes(index, 'marshal.hmd')).toEqual([]);
    const unmarked = index.setDocument(uri('registry.hmd'), REGISTRY.replace('Tito\n', 'Tito\n  aka: Marshal\n'));
    expect(names(unmarked)).toEqual(['marshal.hmd', 'registry.hmd']);
    expect(codes(index, 'marshal.hmd')).toEqual(['HM005']);
  });

  it('changing the kind of an entity affects the definitions whose relations name it', () => {
    const index = build({ 'places.hmd': '@place belgrade: Belgrade\n', 'orgs.hmd': '@org lcy: League\n  located-in: @belgrade\n', 'x.hmd': 'Text.\n' });
    expect(codes(index, 'orgs.hmd')).toEqual([]);
    const affected = index.setDocument(uri('places.hmd'), '@org belgrade: Belgrade\n');
    expect(names(affected)).toEqual(['orgs.hmd', 'places.hmd']);
    expect(codes(index, 'orgs.hmd')).toEqual(['HM013']);
  });

  it('a shared authority id affects the other holder', () => {
    const index = build({ 'a.hmd': '@person a: Person A\n  viaf: 1\n', 'b.hmd': '@person b: Person B\n', 'x.hmd': 'Text.\n' });
    const affected = index.setDocument(uri('b.hmd'), '@person b: Person B\n  viaf: 1\n');
    expect(names(affected)).toEqual(['a.hmd', 'b.hmd']);
    expect(codes(index, 'a.hmd')).toEqual(['HM014']);
  });

  it('removing a registry affects itself (to clear it) and the documents that relied on it', () => {
    const index = build(FILES);
    const affected = index.removeDocument(uri('registry.hmd'));
    // Its names (Josip Broz Tito, Edvard Kardelj) are whole words in kardelj.hmd only.
    expect(names(affected)).toEqual(['kardelj.hmd', 'registry.hmd', 'tito.hmd']);
    expect(index.document(uri('registry.hmd'))).toBeUndefined();
    expect(diagnoseDocument(index, uri('registry.hmd'))).toEqual([]);
    expect(codes(index, 'tito.hmd')).toEqual(['HM002']);
    expect(names(index.removeDocument(uri('registry.hmd')))).toEqual([]);
  });

  it('adding a definition affects the documents that mentioned the undefined id', () => {
    const index = build(FILES);
    const affected = index.setDocument(uri('new.hmd'), '@person broz: Comrade Broz\n');
    expect(names(affected)).toEqual(['broz.hmd', 'new.hmd']);
    expect(codes(index, 'broz.hmd')).toEqual([]);
  });
});

// Fragments of registries and transcripts over a few ids and names, so that
// random documents collide: duplicate ids, shared names and authority ids,
// relations to entities of changing kinds, mentions of defined and undefined ids.
const FRAGMENTS = [
  '@person a: Alpha',
  '@person a: Alpha Beta\n  aka: Al',
  '@person a: Alpha\n  match: no',
  '@org a: Alpha',
  '@person b: Beta\n  aka: Alpha',
  '@person b',
  '@place c: Gamma\n  wikidata: Q1',
  '@person d: Delta\n  wikidata: Q1\n  member-of: @c',
  '@org e: Epsilon\n  located-in: @c\n  part-of: @a',
  'Alpha met Beta.',
  '[Al]{@a} and @b spoke: "three words here".',
  '@c wrote "to Gamma and Delta"{@d}.',
  'Alpha Beta said[^1] so.',
  '[^1]: Gamma.',
  'Delta and Epsilon, Al.',
  '[Gamma]{@zz}',
  '---\nauthor: @a\n---',
  '@person f: Zoe\u0308\n  viaf: 7', // decomposed: names are compared after NFC
  'Zo\u00eb said "Alpha, Beta and Gamma".',
];
const DOCS = ['d0.hmd', 'd1.hmd', 'd2.hmd', 'd3.hmd'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom('\n', '\n\n')), { maxLength: 5 })
  .map((parts) => parts.map(([fragment, separator]) => fragment + separator).join(''));
/** Set a document's text, or remove it (null). */
const edit = fc.record({ doc: fc.constantFrom(...DOCS), text: fc.option(text, { freq: 4 }) });

function allDiagnostics(index: WorkspaceIndex) {
  return Object.fromEntries(DOCS.map((name) => [name, diagnoseDocument(index, uri(name))]));
}

describe('incremental updates, as a property', () => {
  it('after any edits, diagnostics equal a fresh index, and only affected documents changed', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        const index = new WorkspaceIndex();
        const texts: Record<string, string> = {};
        let before = allDiagnostics(index);
        for (const { doc, text } of edits) {
          let affected: Set<string>;
          if (text === null) {
            affected = index.removeDocument(uri(doc));
            delete texts[doc];
          } else {
            affected = index.setDocument(uri(doc), text);
            texts[doc] = text;
          }
          const after = allDiagnostics(index);
          expect(after).toEqual(allDiagnostics(build(texts)));
          for (const name of DOCS) if (!affected.has(uri(name))) expect(after[name]).toEqual(before[name]);
          before = after;
        }
      }),
      { numRuns: 200 },
    );
  });
});
