// The outline is cached per document entry, and stays current when a
// definition in another document changes what its labels show.

import { describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

const uri = (name: string) => `file:///ws/${name}`;
const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);

const REGISTRY = '@person tamm: Anna Tamm\n';
const MINUTES = '# Meeting with @tamm\n\n[THE CLERK]{@tamm}: The minutes were read.\n\n[The chair]{@chair}: Approved.\n';

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setDocument(uri('registry.hmd'), REGISTRY);
  index.setDocument(uri('minutes.hmd'), MINUTES);
  return index;
}

describe('outline cache', () => {
  it('answers again from the outline it built while nothing it reads changed', () => {
    const index = workspace();
    const first = documentSymbols(index, uri('minutes.hmd'));
    // An edit of an unrelated document leaves the outline as it was.
    index.setDocument(uri('other.hmd'), 'Nothing here.\n', 1);
    expect(documentSymbols(index, uri('minutes.hmd'))).toBe(first);
  });

  it('is rebuilt when its document is edited', () => {
    const index = workspace();
    documentSymbols(index, uri('minutes.hmd'));
    index.setDocument(uri('minutes.hmd'), MINUTES.replace('were read', 'were adopted'), 1);
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toContain('Tamm — “The minutes were adopted.”');
  });

  it("follows a speaker's preferred name renamed in the registry", () => {
    const index = workspace();
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toEqual(['Meeting with Anna Tamm', 'Tamm — “The minutes were read.”', 'The chair — “Approved.”']);
    index.setDocument(uri('registry.hmd'), '@person tamm: Anna Kask\n', 1);
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toEqual(['Meeting with Anna Kask', 'Kask — “The minutes were read.”', 'The chair — “Approved.”']);
  });

  it('follows a speaker defined, then undefined, elsewhere', () => {
    const index = workspace();
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toContain('The chair — “Approved.”');
    index.setDocument(uri('more.hmd'), '@person chair: Jaan Lepp\n', 1);
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toContain('Lepp — “Approved.”');
    index.removeDocument(uri('more.hmd'));
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toContain('The chair — “Approved.”');
  });

  it('follows the definition an id resolves to when an earlier one of the same id appears', () => {
    const index = workspace();
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toContain('Tamm — “The minutes were read.”');
    // Definitions of one id are taken in document order: a.hmd sorts before registry.hmd.
    index.setDocument(uri('a.hmd'), '@person tamm: Mari Saar\n', 1);
    expect(names(documentSymbols(index, uri('minutes.hmd')))).toContain('Saar — “The minutes were read.”');
  });
});
