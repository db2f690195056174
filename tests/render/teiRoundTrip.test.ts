// The round trip of SPEC.md 14 on every sample and fixture workspace:
// export → import → export gives the same XML text (per document and as a
// corpus); import → lint gives the same diagnostics as the original.
// "Same diagnostics": the same multiset of (code, severity, text the range
// covers) over the workspace — positions and files cannot be compared,
// since the import writes its own layout (one registry file per kind,
// footnote definitions at the end). It must hold whenever the export had no
// warnings; a warning is exactly the export saying what does not come back.

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { importTei } from '../../server/src/interchange/importTei';
import { nodeFileSystem } from '../../server/src/model/fileSystem';
import { loadWorkspaceFolder } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { exportCorpus, exportDocuments, transcriptSources } from '../../server/src/render/tei/exportWorkspace';

const REPO = path.resolve(__dirname, '../..');
const ROOTS = ['samples', ...['tests/fixtures/diagnostics', 'tests/fixtures/config'].flatMap((g) => readdirSync(path.join(REPO, g)).map((d) => `${g}/${d}`))];
const IMPORTED = '/imported';

async function original(root: string): Promise<{ index: WorkspaceIndex; root: string; configText?: string }> {
  const index = new WorkspaceIndex();
  const absolute = path.join(REPO, root);
  const { configText } = await loadWorkspaceFolder(index, nodeFileSystem, absolute);
  return { index, root: absolute, configText };
}

function indexOfFiles(files: { path: string; text: string }[], configText: string | undefined): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setConfig(configText);
  for (const f of files) index.setDocument(`file://${IMPORTED}/${f.path}`, f.text);
  return index;
}

function diagnostics(index: WorkspaceIndex): string[] {
  const out: string[] = [];
  for (const entry of index.documents()) {
    for (const d of diagnoseDocument(index, entry.uri)) out.push(`${d.code} ${d.severity} ${entry.text.slice(d.span.start, d.span.end)}`);
  }
  return out.sort();
}

describe.each(ROOTS)('round trip of %s', (root) => {
  it('export → import → export is identical, document by document', async () => {
    const { index, root: absolute, configText } = await original(root);
    const first = exportDocuments(index, transcriptSources(index, absolute));
    const imported = importTei(first.outputs.map((o) => ({ file: o.path, xml: o.xml })));
    expect(imported.messages).toEqual([]);
    const again = indexOfFiles(imported.files, configText);
    const second = exportDocuments(again, transcriptSources(again, IMPORTED));
    expect(second.outputs.map((o) => [o.path, o.xml])).toEqual(first.outputs.map((o) => [o.path, o.xml]));
  });

  it('export → import → export is identical as a corpus, and import → lint gives the original’s diagnostics', async () => {
    const { index, root: absolute, configText } = await original(root);
    const sources = transcriptSources(index, absolute);
    if (sources.length === 0) return;
    const first = exportCorpus(index, sources, 'Corpus');
    const imported = importTei([{ file: 'corpus.xml', xml: first.xml }]);
    expect(imported.messages).toEqual([]);
    const again = indexOfFiles(imported.files, configText);
    expect(exportCorpus(again, transcriptSources(again, IMPORTED), 'Corpus').xml).toBe(first.xml);
    if (first.warnings.length === 0) expect(diagnostics(again)).toEqual(diagnostics(index));
  });
});

describe('lint after the round trip', () => {
  it('compares real diagnostics: the fixtures without export warnings still have theirs', async () => {
    const { index } = await original('tests/fixtures/diagnostics/HM001');
    expect(diagnostics(index).filter((d) => d.startsWith('HM001')).length).toBeGreaterThan(3);
  });
});
