// The folded-name table workspace symbols search: kept by the index with
// each definition, so that it follows every edit without a rebuild.

import { describe, expect, it } from 'vitest';
import { characterBits, fold } from '../../server/src/model/foldedNames';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';

const uri = (name: string) => `file:///ws/${name}`;

/** What the table holds for `id`: its display name and the other searchable texts, folded. */
function foldedOf(index: WorkspaceIndex, id: string) {
  const entity = index.entity(id);
  const names = entity && index.foldedNames(entity);
  return names && { displayName: names.displayName.folded, others: names.others.map((o) => o.folded) };
}

describe('folded names', () => {
  it('folds case and accents', () => {
    expect(characterBits('tito') & characterBits('ot')).toBe(characterBits('ot'));
    expect(characterBits('tito') & characterBits('x')).not.toBe(characterBits('x'));
    expect(fold('Ḥysni KAPO')).toBe('hysni kapo');
    expect(fold('Édouard Daladier')).toBe('edouard daladier');
  });

  it('follow a renamed entity, an added alias and a removed document', () => {
    const index = new WorkspaceIndex();
    index.setDocument(uri('registry.hmd'), '@person tito: Josip Broz Tito\n');
    index.setDocument(uri('more.hmd'), '@person kardelj: Edvard Kardelj\n');
    expect(foldedOf(index, 'tito')).toEqual({ displayName: 'josip broz tito', others: ['@tito', 'tito'] });
    const before = index.entity('tito')!;

    index.setDocument(uri('registry.hmd'), '@person tito: Josíp Broz Tito\n', 1);
    expect(foldedOf(index, 'tito')).toEqual({ displayName: 'josip broz tito', others: ['@tito', 'tito'] });
    // The replaced definition leaves the table.
    expect(index.foldedNames(before)).toBeUndefined();

    index.setDocument(uri('registry.hmd'), '@person tito: Marshal Tito\n  aka: Stari; Valter\n', 2);
    expect(foldedOf(index, 'tito')).toEqual({ displayName: 'marshal tito', others: ['@tito', 'tito', 'stari', 'valter'] });
    expect(workspaceSymbols(index, 'VALT').map((s) => s.name)).toEqual(['Marshal Tito (Valter)']);
    expect(workspaceSymbols(index, 'josip')).toEqual([]);
    // Letters in order, across words, and by the id written with its `@`.
    expect(workspaceSymbols(index, 'MTO').map((s) => s.name)).toEqual(['Marshal Tito']);
    expect(workspaceSymbols(index, '@ti').map((s) => s.name)).toEqual(['Marshal Tito (@tito)']);

    const kardelj = index.entity('kardelj')!;
    index.removeDocument(uri('more.hmd'));
    expect(index.foldedNames(kardelj)).toBeUndefined();
    expect(workspaceSymbols(index, 'kardelj')).toEqual([]);
  });

  it('keep the second definition of an id searchable once the first is removed', () => {
    const index = new WorkspaceIndex();
    index.setDocument(uri('a.hmd'), '@person tito: Josip Broz Tito\n');
    index.setDocument(uri('b.hmd'), '@person tito: Marshal Tito\n');
    expect(workspaceSymbols(index, 'tito').map((s) => s.name)).toEqual(['Josip Broz Tito']);
    index.removeDocument(uri('a.hmd'));
    expect(workspaceSymbols(index, 'tito').map((s) => s.name)).toEqual(['Marshal Tito']);
  });
});
