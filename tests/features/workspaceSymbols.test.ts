// Workspace symbols from the table kept between queries: the order is the
// collator's (as localeCompare gives it) however the table was built, a query
// typed on from the last one finds what a fresh one would, and only the
// best MAX_WORKSPACE_SYMBOLS are sent.

import { describe, expect, it } from 'vitest';
import { MAX_WORKSPACE_SYMBOLS, workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

const uri = (name: string) => `file:///ws/${name}`;
const names = (index: WorkspaceIndex, query: string) => workspaceSymbols(index, query).map((s) => s.name);
const definitions = (list: [string, string][]) => list.map(([id, name]) => `@person ${id}: ${name}\n`).join('\n');

const ACCENTED: [string, string][] = [
  ['edouard', 'Édouard Daladier'],
  ['eden', 'Anthony Eden'],
  ['emile', 'émile Zola'],
  ['ezra', 'Ezra Pound'],
  ['eamon', 'Eamon de Valera'],
  ['enver', 'Enver Hoxha'],
  ['elena', 'Elena Ceaușescu'],
  ['edvard', 'Edvard Kardelj'],
  ['erich', 'Erich Honecker'],
  ['ernesto', 'Ernesto Guevara'],
  ['evita', 'Eva Perón'],
  ['eduard', 'Eduard Shevardnadze'],
  ['eisenhower', 'Dwight Eisenhower'],
  ['engels', 'Friedrich Engels'],
  ['edda', 'Edda Ciano'],
  ['egon', 'Egon Krenz'],
  ['enrico', 'Enrico Berlinguer'],
  ['ehrenburg', 'Ilya Ehrenburg'],
  ['eric', 'Eric Hobsbawm'],
  ['eleanor', 'Eleanor Roosevelt'],
];

describe('workspace symbols', () => {
  it('sorts equal scores in the order localeCompare gives, also for names added after the table was built', () => {
    const index = new WorkspaceIndex();
    index.setDocument(uri('registry.hmd'), definitions(ACCENTED));
    // Every id starts with the query: one score, so all in collator order.
    const expected = (list: [string, string][]) => list.map(([, name]) => name).sort((a, b) => a.localeCompare(b));
    expect(names(index, 'e')).toEqual(expected(ACCENTED));
    // A few new names are inserted into the ranks the table has.
    const more: [string, string][] = [...ACCENTED, ['ebert', 'Éric Ebert']];
    index.setDocument(uri('more.hmd'), definitions([['ebert', 'Éric Ebert']]));
    expect(names(index, 'e')).toEqual(expected(more));
  });

  it('finds for a query typed on from the last one what a fresh query finds, also after an edit between them', () => {
    const index = new WorkspaceIndex();
    index.setDocument(uri('registry.hmd'), definitions(ACCENTED));
    expect(names(index, 'tit')).toEqual([]);
    index.setDocument(uri('more.hmd'), definitions([['tito', 'Marshal Tito']]));
    expect(names(index, 'tito')).toEqual(['Marshal Tito']);
    for (const query of ['e', 'ed', 'edv', 'edva']) names(index, query);
    const typed = names(index, 'edvar');
    const fresh = new WorkspaceIndex();
    fresh.setDocument(uri('registry.hmd'), definitions(ACCENTED));
    fresh.setDocument(uri('more.hmd'), definitions([['tito', 'Marshal Tito']]));
    expect(typed).toEqual(names(fresh, 'edvar'));
    expect(typed).toEqual(['Edvard Kardelj', 'Eamon de Valera', 'Eduard Shevardnadze']);
    // Not typed on (a letter taken away): every entity is tried again.
    expect(names(index, 'ed')).toEqual(names(fresh, 'ed'));
  });

  it('sends the best MAX_WORKSPACE_SYMBOLS: better scores first, then by name', () => {
    const index = new WorkspaceIndex();
    const zeds: [string, string][] = Array.from({ length: 600 }, (_, i) => [`zed-${i}`, `Zed ${i}`]);
    index.setDocument(uri('registry.hmd'), `${definitions(zeds)}\n@person alpha: Alpha\n  aka: Zed\n\n@person omega: Omega Zebedee\n`);
    const found = names(index, 'zed');
    expect(found).toHaveLength(MAX_WORKSPACE_SYMBOLS);
    // The exact alias first; the word start ("Omega Zebedee" is found only by its letters in order) is left out.
    expect(found[0]).toBe('Alpha (Zed)');
    expect(found.slice(1)).toEqual(zeds.map(([, name]) => name).sort((a, b) => a.localeCompare(b)).slice(0, MAX_WORKSPACE_SYMBOLS - 1));
    expect(names(index, 'zeb')).toEqual(['Omega Zebedee']);
  });
});
