// The server follows the workspace on disk: files created, changed, renamed
// and deleted behind its back, histmark.json edits, and bad input.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = '@person hoxha: Enver Hoxha\n';
const QUOTE = 'He said "we will not yield to anyone".\n';
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function watched(s: TestServer, changes: [string, number][]): Promise<void> {
  await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([file, type]) => ({ uri: s.uri(file), type })) });
}

const codes = (d: { code?: unknown }[]) => d.map((x) => x.code);

describe('workspace on disk', () => {
  it('indexes a file created on disk and resolves mentions of its entities elsewhere', async () => {
    server = await startServer({ 'letter.hmd': 'Met @shehu.\n' });
    await server.waitForDiagnostics('letter.hmd', (d) => codes(d).join() === 'HM002');
    server.write('registry.hmd', '@person shehu: Mehmet Shehu\n');
    await watched(server, [['registry.hmd', CREATED]]);
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });

  it('follows a rename on disk (delete + create) and a change of an unopened file', async () => {
    server = await startServer({ 'a/registry.hmd': REGISTRY, 'letter.hmd': 'Met @hoxha.\n' });
    server.remove('a/registry.hmd');
    server.write('b/registry.hmd', REGISTRY);
    await watched(server, [['a/registry.hmd', DELETED], ['b/registry.hmd', CREATED]]);
    server.write('letter.hmd', 'Met @hoxha and @nobody.\n');
    await watched(server, [['letter.hmd', CHANGED]]);
    const d = await server.waitForDiagnostics('letter.hmd', (x) => x.length === 1 && String(x[0].message).includes('“nobody”'));
    expect(d[0].range).toEqual({ start: { line: 0, character: 16 }, end: { line: 0, character: 22 } });
  });

  it('applies an edited histmark.json: rules, minWords and exclude, and reports HM012 on it', async () => {
    server = await startServer({ 'letter.hmd': QUOTE, 'drafts/draft.hmd': QUOTE });
    await server.waitForDiagnostics('drafts/draft.hmd', (d) => codes(d).join() === 'HM001');
    server.write('histmark.json', JSON.stringify({ exclude: ['drafts/**'], rules: { HM001: 'error' } }));
    await watched(server, [['histmark.json', CREATED]]);
    const letter = await server.waitForDiagnostics('letter.hmd', (d) => d.length === 1 && d[0].severity === 1);
    expect(codes(letter)).toEqual(['HM001']);
    await server.waitForDiagnostics('drafts/draft.hmd', (d) => d.length === 0);
    server.write('histmark.json', '{ "quotations": { "minWords": 99 }, "colour": true }');
    await watched(server, [['histmark.json', CHANGED]]);
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
    const config = await server.waitForDiagnostics('histmark.json', (d) => d.length === 1);
    expect(config[0]).toMatchObject({ code: 'HM012', range: { start: { line: 0, character: 36 } } });
  });

  it('keeps an open document’s unsaved text when the file changes on disk, and takes the disk text on close', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': 'Met @hoxha.\n' });
    await server.open('letter.hmd', 'Met @nobody.\n');
    await server.waitForDiagnostics('letter.hmd', (d) => codes(d).join() === 'HM002');
    await watched(server, [['letter.hmd', CHANGED]]);
    await server.barrier();
    expect(codes(server.diagnostics('letter.hmd'))).toEqual(['HM002']);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: server.uri('letter.hmd') } });
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });

  it('survives a file that is not UTF-8, a broken histmark.json and a 10 MB document', async () => {
    const big = ('[Comrade Hoxha]{@hoxha} said "we will not yield" and {pb 3} "more words here"{@?}.\n\n').repeat(110_000);
    server = await startServer({ 'registry.hmd': REGISTRY, 'histmark.json': '{ "rules": ', 'big.hmd': big });
    const config = await server.waitForDiagnostics('histmark.json', (d) => d.length === 1);
    expect(config[0].message).toMatch(/not valid JSON .* on line 1/);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${server.root}/latin1.hmd`, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await watched(server, [['latin1.hmd', CREATED]]);
    await server.open('small.hmd', 'He said "we will not yield to anyone".\n');
    await server.waitForDiagnostics('small.hmd', (d) => codes(d).join() === 'HM001');
    await expect.poll(() => server!.logs.some((l) => l.includes('latin1.hmd') && l.includes('not valid UTF-8'))).toBe(true);
    expect(server.logs.filter((l) => l.includes(' failed: '))).toEqual([]);
  });
});
