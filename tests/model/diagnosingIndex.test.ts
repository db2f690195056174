// An index worker's index holds the definitions and one transcript at a
// time, and keeps no tables of references (no diagnostic reads them): every
// transcript must get the diagnostics a complete index gives it.

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { mayDefine } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { brief, FIXTURES, loadWorkspace, readFolder } from './helpers';

/** The fixture folders with transcripts (documents that define nothing). */
const folders = readdirSync(path.join(FIXTURES, 'diagnostics')).filter((folder) =>
  Object.entries(readFolder(path.join(FIXTURES, 'diagnostics', folder))).some(([file, text]) => file.endsWith('.hmd') && !mayDefine(text)),
);

describe('an index without reference tables', () => {
  it('is tried on most fixture folders', () => expect(folders.length).toBeGreaterThan(10));

  it.each(folders)('diagnoses each transcript of %s as a complete index does', async (folder) => {
    const files = readFolder(path.join(FIXTURES, 'diagnostics', folder));
    const complete = await loadWorkspace(files);
    const diagnosing = new WorkspaceIndex({ tableReferences: false });
    diagnosing.setConfig(files['histmark.json']);
    const documents = Object.entries(files).filter(([file]) => file.endsWith('.hmd'));
    for (const [file, text] of documents) if (mayDefine(text)) diagnosing.setDocument(complete.uri(file), text, 0, { trackAffected: false });
    const transcripts = documents.filter(([, text]) => !mayDefine(text));
    for (const [file, text] of transcripts) {
      const uri = complete.uri(file);
      diagnosing.setDocument(uri, text, 0, { trackAffected: false });
      expect(diagnoseDocument(diagnosing, uri).map(brief), file).toEqual(diagnoseDocument(complete.index, uri).map(brief));
      diagnosing.removeDocument(uri);
    }
  });

  it('leaves the tables of references empty', () => {
    const index = new WorkspaceIndex({ tableReferences: false });
    index.setDocument('file:///t.hmd', '[Enver]{@hoxha} and @shehu spoke.');
    expect(index.referencingDocuments('hoxha')).toEqual([]);
    expect(index.referenceCounts('shehu').mentions).toBe(0);
    expect([...index.document('file:///t.hmd')!.sites.ids]).toEqual(['hoxha', 'shehu']);
  });
});
