// The loader indexes every document that may define entities before any
// other, and calls onSettled for each of the others as it is indexed: the
// server diagnoses a transcript then, and those diagnostics must be final.

import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { memoryFileSystem } from '../../server/src/model/fileSystem';
import { loadWorkspaceFolder, uriOfPath } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { brief } from './helpers';

const files: Record<string, string> = {};
for (let i = 0; i < 40; i++) files[`t${String(i).padStart(2, '0')}.hmd`] = `[Enver]{@hoxha} met @p${i % 7}. Person ${i % 7} spoke. “Unattributed words are here.”\n`;
// Registries among the transcripts in path order, one of them hidden behind a comment's look-alike.
files['m-registry.hmd'] = Array.from({ length: 7 }, (_, i) => `@person p${i}: Person ${i}`).join('\n\n');
files['z-registry.hmd'] = '<!-- @person ghost: not a definition -->\n@person hoxha: Enver Hoxha\n';

describe('loading a folder in two passes', () => {
  it('settles each transcript after every definition, with the diagnostics a complete index gives', async () => {
    const index = new WorkspaceIndex();
    const settled = new Map<string, string[]>();
    await loadWorkspaceFolder(index, memoryFileSystem(files), '/', undefined, (uri) => {
      expect(index.entityCount).toBe(8);
      settled.set(uri, diagnoseDocument(index, uri).map(brief));
    });
    expect([...settled.keys()].sort()).toEqual(Object.keys(files).filter((f) => f.startsWith('t')).map((f) => uriOfPath(`/${f}`)).sort());
    for (const [uri, diagnostics] of settled) expect(diagnoseDocument(index, uri).map(brief)).toEqual(diagnostics);
    expect([...settled.values()].flat().some((d) => d.endsWith('HM001'))).toBe(true);
  });
});
