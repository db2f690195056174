// What a document contributes to the cross-document tables
// (model/contribution.ts), and the documents a change of it reaches: every
// part of a definition that another document's diagnostics read is part of
// a key — display names (HM005 messages), the order and number of
// definitions of an id (HM013 reads the first, HM003 counts them).

import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { changeBetween, contributionOf } from '../../server/src/model/contribution';
import { entityOf } from '../../server/src/model/entity';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { parse } from '../../server/src/syntax/parse';

const uri = (name: string) => `file:///ws/${name}`;
const contribution = (text: string) => contributionOf(parse(text).definitions.map((d) => entityOf(uri('r.hmd'), d, text)));
const messages = (index: WorkspaceIndex, name: string) => diagnoseDocument(index, uri(name)).map((d) => `${d.code} ${d.message}`);

function build(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.keys(files).sort()) index.setDocument(uri(name), files[name]);
  return index;
}

describe('contribution changes', () => {
  it('none for edits other documents cannot see', () => {
    const before = contribution('@person a: Alpha\n  role: first\n\nA description.\n');
    const after = contribution('# Heading\n\n@person a: Alpha\n  role: second\n\nAnother description.\n');
    expect(changeBetween(before, after)).toEqual({ ids: [], names: [], authorities: [] });
  });

  it('the order of two definitions of one id, or their number', () => {
    const twice = '@org x: X\n\n@place x: X\n';
    expect(changeBetween(contribution(twice), contribution('@place x: X\n\n@org x: X\n')).ids).toEqual(['x']);
    expect(changeBetween(contribution(twice), contribution(`${twice}\n@org x: X\n`)).ids).toEqual(['x']);
  });

  it('a display name, for every name of the entity', () => {
    const change = changeBetween(contribution('@person a: Alpha One\n  aka: Alpha\n'), contribution('@person a: Alpha First\n  aka: Alpha\n'));
    expect(change.names.sort()).toEqual(['Alpha', 'Alpha First', 'Alpha One']);
  });

  it('the order of the ids claiming a name or holding an authority id', () => {
    const change = changeBetween(
      contribution('@person a: A\n  aka: Same\n  wikidata: Q1\n\n@person b: B\n  aka: Same\n  wikidata: Q1\n'),
      contribution('@person b: B\n  aka: Same\n  wikidata: Q1\n\n@person a: A\n  aka: Same\n  wikidata: Q1\n'),
    );
    expect(change).toEqual({ ids: [], names: ['Same'], authorities: ['wikidata:Q1'] });
  });
});

describe('the documents such a change reaches, in the index', () => {
  it('a display name changed: the documents whose HM005 message shows it', () => {
    const index = build({ 'registry.hmd': '@person hoxha: Enver Hoxha\n  aka: Hoxha\n', 'letter.hmd': 'Hoxha wrote.\n' });
    expect(messages(index, 'letter.hmd')[0]).toContain('(Enver Hoxha)');
    const affected = index.setDocument(uri('registry.hmd'), '@person hoxha: Enver Halil Hoxha\n  aka: Hoxha\n');
    expect(affected).toContain(uri('letter.hmd'));
    expect(messages(index, 'letter.hmd')[0]).toContain('(Enver Halil Hoxha)');
  });

  it('two definitions of an id swapped: the relations that read the first one’s kind', () => {
    const index = build({ 'registry.hmd': '@org x: X\n\n@place x: X\n', 'people.hmd': '@person p: P\n  member-of: @x\n' });
    expect(messages(index, 'people.hmd')).toEqual([]);
    const affected = index.setDocument(uri('registry.hmd'), '@place x: X\n\n@org x: X\n');
    expect(affected).toContain(uri('people.hmd'));
    expect(messages(index, 'people.hmd').map((m) => m.slice(0, 5))).toEqual(['HM013']);
  });
});
