// Limits that keep one hostile document from flooding the editor or the CLI
// (issue 8, items 4 and 5): at most MAX_DIAGNOSTICS_PER_CODE diagnostics of
// one code per document plus one summary, and related information capped
// and computed without comparing every definition with every other.

import { describe, expect, it } from 'vitest';
import { diagnoseDocument, MAX_DIAGNOSTICS_PER_CODE } from '../../server/src/features/diagnostics';
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
