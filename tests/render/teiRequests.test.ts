// The editor's TEI commands over the real language server (stdio): the
// export and import requests write the files the CLI would, and answer
// with the warnings and messages the client shows in Problems.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportTeiResult, ImportTeiResult } from '../../server/src/lsp/protocol';
import { startServer, type TestServer } from '../server/lspClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const FILES = {
  'registry/people.hmd': '@person hoxha: Enver Hoxha\n',
  'letters/one.hmd': '---\ntitle: One\n---\n[Enver]{@hoxha} wrote.\n',
  'letters/two.hmd': 'Two, to [Tito]{@tito}.\n',
};

describe('histmark/exportTei and histmark/importTei', () => {
  it('exports the document asked for and names its TEI file', async () => {
    server = await startServer(FILES);
    const uri = await server.open('letters/one.hmd');
    const outDir = path.join(server.root, 'out/tei');
    const result = await server.connection.sendRequest<ExportTeiResult>('histmark/exportTei', { uri, outDir });
    expect(result).toEqual({ written: [path.join(outDir, 'letters/one.xml')], document: path.join(outDir, 'letters/one.xml'), warnings: [] });
    expect(readFileSync(result.document!, 'utf8')).toContain('<persName ref="#hoxha">Enver</persName> wrote.');
  });

  it('exports the workspace, with each warning at its place in the source', async () => {
    server = await startServer(FILES);
    const outDir = path.join(server.root, 'out/tei');
    const result = await server.connection.sendRequest<ExportTeiResult>('histmark/exportTei', { outDir });
    expect(result.written.map((f) => path.relative(outDir, f)).sort()).toEqual(['letters/one.xml', 'letters/two.xml']);
    expect(result.warnings).toEqual([
      { uri: server.uri('letters/two.hmd'), range: { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, message: '@tito has no definition: exported as <rs key="tito"> without a pointer' },
    ]);
  });

  it('imports TEI files into a folder and reports what has no Histmark form', async () => {
    server = await startServer({ 'in.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>A <custom>word</custom>.</p></body></text></TEI>' });
    const outDir = path.join(server.root, 'imported');
    const result = await server.connection.sendRequest<ImportTeiResult>('histmark/importTei', { files: [path.join(server.root, 'in.xml')], outDir });
    expect(result.written).toEqual([path.join(outDir, 'in.hmd')]);
    expect(readFileSync(path.join(outDir, 'in.hmd'), 'utf8')).toBe('A word.');
    expect(result.messages).toEqual([{ file: path.join(server.root, 'in.xml'), line: 1, column: 59, message: '<custom> has no Histmark equivalent: its text is kept, the element is not', fatal: false }]);
  });

  it('answers an unreadable file with an error that names it, and writes nothing', async () => {
    server = await startServer({});
    const outDir = path.join(server.root, 'imported');
    await expect(server.connection.sendRequest('histmark/importTei', { files: [path.join(server.root, 'missing.xml')], outDir })).rejects.toThrow(/missing\.xml/);
    expect(existsSync(outDir)).toBe(false);
  });
});
