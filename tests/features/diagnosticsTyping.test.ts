// Typing in a document takes the incremental paths: the re-parse of one
// paragraph (its later nodes moved), the one diff a keystroke's texts get,
// HM005's rescan of what the edit touched, HM002 looked up id by id. After
// any run of small edits, the document's diagnostics must be those of an
// index built afresh from the same texts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

const REGISTRY = ['@person tito: Josip Broz Tito', '  aka: Marshal Tito', '', '@person kardelj: Edvard Kardelj', '', '@place beograd: Belgrade', ''].join('\n');

const TRANSCRIPT = [
  '# Minutes',
  '',
  '[Edvard Kardelj]{@kardelj}: Josip Broz Tito spoke in Belgrade of @nobody and [him]{@ghost?}.',
  '',
  'Then "a quotation of several words"{@tito} and "another one left without"{@?} and "no attribution at all here".',
  '',
  '[The speech in [Belgrade]{@beograd} of [Tito]{@unknown}]{@tito sic: Tito} ran on.[^1] Edvard Kardelj {pb 4} listened.',
  '',
  '> A block quote of some words by Marshal Tito',
  '> — @tito @kardelj',
  '',
  'Belgrade<!-- a comment --> and Edvard Kardelj again, @missing too.[^2]',
  '',
  '[^1]: A note naming Josip Broz Tito and [Kardelj]{@kardelj}.',
  '',
].join('\n');

const FRAGMENTS = ['x', ' ', 'the ', 'Tito', 'Edvard Kardelj', 'Belgrade', '"', '“', '”', '{', '}', '[', ']', '{@tito}', '{@nobody}', '@ghost', '[Tito]{@tito}', '{pb 2}', '\n', '\n\n', '[^2]', "'"];

const registryUri = 'file:///ws/registry.hmd';
const transcriptUri = 'file:///ws/transcript.hmd';

function fresh(text: string): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setDocument(registryUri, REGISTRY);
  index.setDocument(transcriptUri, text);
  return index;
}

const keystroke = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3)),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...FRAGMENTS)),
});

describe('diagnostics while typing', () => {
  it('after any run of small edits equal the diagnostics of a fresh index', () => {
    fc.assert(
      fc.property(fc.array(keystroke, { minLength: 1, maxLength: 12 }), (edits) => {
        const index = fresh(TRANSCRIPT);
        let text = TRANSCRIPT;
        // Diagnosed once before typing, as the editor does on open: HM005 then keeps its scan.
        diagnoseDocument(index, transcriptUri);
        for (const { at, remove, insert } of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + insert + text.slice(Math.min(text.length, from + remove));
          index.setDocument(transcriptUri, text);
          expect(diagnoseDocument(index, transcriptUri)).toEqual(diagnoseDocument(fresh(text), transcriptUri));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('drops an unlinked name when one of its letters is replaced, and finds it again when the letter is back (same lengths)', () => {
    const index = fresh(TRANSCRIPT);
    const unlinked = () => diagnoseDocument(index, transcriptUri).filter((d) => d.code === 'HM005').length;
    const before = unlinked();
    const at = TRANSCRIPT.indexOf('Belgrade<!--') + 3;
    index.setDocument(transcriptUri, `${TRANSCRIPT.slice(0, at)}x${TRANSCRIPT.slice(at + 1)}`);
    expect(unlinked()).toBe(before - 1);
    index.setDocument(transcriptUri, TRANSCRIPT);
    expect(unlinked()).toBe(before);
  });

  it('moves the unlinked names after an edit that splits a plain-text range or joins two', () => {
    const index = fresh(TRANSCRIPT);
    diagnoseDocument(index, transcriptUri);
    const at = TRANSCRIPT.indexOf('spoke in');
    for (const text of [`${TRANSCRIPT.slice(0, at)}{@tito} ${TRANSCRIPT.slice(at)}`, TRANSCRIPT, TRANSCRIPT.replace('[him]{@ghost?}', 'him')]) {
      index.setDocument(transcriptUri, text);
      expect(diagnoseDocument(index, transcriptUri)).toEqual(diagnoseDocument(fresh(text), transcriptUri));
    }
  });

  it('reports HM002 at every reference to an undefined id, nested mentions included, in document order', () => {
    const index = fresh(TRANSCRIPT);
    const at = TRANSCRIPT.indexOf('ran on');
    const text = `${TRANSCRIPT.slice(0, at)}x${TRANSCRIPT.slice(at)}`;
    index.setDocument(transcriptUri, text);
    const undefinedIds = diagnoseDocument(index, transcriptUri)
      .filter((d) => d.code === 'HM002')
      .map((d) => text.slice(d.span.start, d.span.end));
    expect(undefinedIds).toEqual(['nobody', 'ghost', 'unknown', 'missing']);
  });
});
