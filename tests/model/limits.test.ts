// Limits that keep one hostile document from flooding the editor or the CLI
// (issue 8, items 4 and 5): at most MAX_DIAGNOSTICS_PER_CODE diagnostics of
// one code per document plus one summary, and related information capped
// and computed without comparing every definition with every other.

import { describe, expect, it } from 'vitest';
import { diagnoseDocument, MAX_DIAGNOSTICS_PER_CODE } from '../../server/src/features/diagnostics';
import { MAX_RELATED } from '../../server/src/features/diagnostics/entities';
import { brief, loadWorkspace } from './helpers';

describe('a document with more diagnostics of one code than the cap', () => {
  it('reports the first ones by position and one summary of the rest, at the first one left out', async () => {
    const extra = 1234;
    const text = `He said "we will not yield". ${'{@'.repeat(MAX_DIAGNOSTICS_PER_CODE + extra)}`;
    const workspace = await loadWorkspace({ 'flood.hmd': text });
    const diagnostics = diagnoseDocument(workspace.index, workspace.uri('flood.hmd'));
    // The one HM001 is kept: only the flooded code is capped.
    expect(diagnostics.filter((d) => d.code === 'HM001').map(brief)).toEqual(['0:8-0:27 warning HM001']);
    const hm010 = diagnostics.filter((d) => d.code === 'HM010');
    expect(hm010).toHaveLength(MAX_DIAGNOSTICS_PER_CODE + 1);
    expect(hm010[0].span.start).toBe(29);
    const summary = hm010.at(-1)!;
    expect(summary.span.start).toBe(29 + 2 * MAX_DIAGNOSTICS_PER_CODE);
    expect(summary.severity).toBe('error');
    expect(summary.message).toBe('… and 1,234 more HM010 in this file, from here on: only the first 1,000 are reported.');
  });

  it('exactly at the cap, every diagnostic is reported and there is no summary', async () => {
    const workspace = await loadWorkspace({ 'flood.hmd': '{@'.repeat(MAX_DIAGNOSTICS_PER_CODE) });
    const diagnostics = diagnoseDocument(workspace.index, workspace.uri('flood.hmd'));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
    expect(diagnostics.every((d) => !d.message.includes('more HM010'))).toBe(true);
  });
});

describe('related information of many duplicates', () => {
  it('5,042 definitions of one id: each HM003 links the first 20 others and says how many there are', async () => {
    const registry = Array.from({ length: 5042 }, (_, i) => `@person a: Name ${i}\n`).join('');
    const workspace = await loadWorkspace({ 'registry.hmd': registry, 'other.hmd': '@person a: Elsewhere\n' });
    const hm003 = diagnoseDocument(workspace.index, workspace.uri('registry.hmd')).filter((d) => d.code === 'HM003');
    expect(hm003).toHaveLength(MAX_DIAGNOSTICS_PER_CODE + 1);
    expect(hm003[0].message).toBe('“a” is defined 5,043 times (also in other.hmd, this file): keep one definition and merge the fields. The first 20 other definitions are linked.');
    expect(hm003[0].related).toHaveLength(MAX_RELATED);
    expect(hm003[0].related![0]).toMatchObject({ uri: workspace.uri('other.hmd'), message: 'Also defined here' });
    expect(hm003[1].related!.map((r) => r.range.start.line)).toEqual([0, 0, ...Array.from({ length: 18 }, (_, i) => i + 2)]);
  });

  it('two definitions: the other is linked, and nothing is said about a cap', async () => {
    const workspace = await loadWorkspace({ 'registry.hmd': '@person a: One\n@person a: Two\n' });
    const [first] = diagnoseDocument(workspace.index, workspace.uri('registry.hmd'));
    expect(first.message).toBe('“a” is defined 2 times (also in this file): keep one definition and merge the fields.');
    expect(first.related).toHaveLength(1);
  });

  it('3,605 entities sharing one alias: each HM008 names and links the first 20 others', async () => {
    const registry = Array.from({ length: 3605 }, (_, i) => `@person p${i}: Name ${i}\n  aka: Shared\n`).join('');
    const workspace = await loadWorkspace({ 'registry.hmd': registry });
    const hm008 = diagnoseDocument(workspace.index, workspace.uri('registry.hmd')).filter((d) => d.code === 'HM008');
    expect(hm008[1].message).toBe(
      `The name “Shared” is claimed by @p0, ${Array.from({ length: 19 }, (_, i) => `@p${i + 2}`).join(', ')} and 3,584 more as well: an ambiguous name is never suggested for linking; make it specific or drop it.`,
    );
    expect(hm008[1].related).toHaveLength(MAX_RELATED);
    expect(hm008[1].related!.every((r) => r.message !== 'Also claimed by p1')).toBe(true);
  });

  it('an authority id on many entities: each HM014 names the first 20 others', async () => {
    const registry = Array.from({ length: 30 }, (_, i) => `@person p${i}: Name ${i}\n  wikidata: Q1\n`).join('');
    const workspace = await loadWorkspace({ 'registry.hmd': registry });
    const [first] = diagnoseDocument(workspace.index, workspace.uri('registry.hmd')).filter((d) => d.code === 'HM014');
    expect(first.message).toBe(`wikidata Q1 is also on ${Array.from({ length: 20 }, (_, i) => `@p${i + 1}`).join(', ')} and 9 more: probably one person registered twice.`);
  });
});
