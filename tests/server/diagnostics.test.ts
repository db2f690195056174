import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = `@person khrushchev: Nikita Khrushchev
  born: 1894-04-15
`;
const TRANSCRIPT = `[Khrushchev]{@khrushchev} said "we will not yield to anyone at all"{@khrushchev}.
`;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('diagnostics over LSP', () => {
  it('publishes diagnostics for unopened workspace files at start', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': 'He said "we will not yield to anyone".\n' });
    const diagnostics = await server.waitForDiagnostics('letter.hmd', (d) => d.length > 0);
    expect(diagnostics.map((d) => d.code)).toEqual(['HM001']);
    expect(diagnostics[0].range).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 37 } });
  });

  it('a registry edit re-diagnoses the transcripts that mention the id, and nothing else', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': TRANSCRIPT, 'other.hmd': '"Unattributed words are here."\n' });
    await server.waitForDiagnostics('other.hmd', (d) => d.length === 1);
    expect(server.diagnostics('letter.hmd')).toEqual([]);
    await server.open('registry.hmd');
    await server.change('registry.hmd', REGISTRY.replace('khrushchev:', 'nikita:'));
    const letter = await server.waitForDiagnostics('letter.hmd', (d) => d.length === 2);
    expect(letter.map((d) => d.code)).toEqual(['HM002', 'HM002']);
    await server.change('registry.hmd', REGISTRY);
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });

  it('re-words HM005 in other documents when the entity’s preferred name changes', async () => {
    const registry = '@person khrushchev: Nikita Khrushchev\n  aka: Khrushchev\n';
    server = await startServer({ 'registry.hmd': registry, 'letter.hmd': 'Then Khrushchev spoke.\n' });
    const [before] = await server.waitForDiagnostics('letter.hmd', (d) => d.length === 1);
    expect(before.message).toContain('@khrushchev (Nikita Khrushchev)');
    await server.open('registry.hmd');
    await server.change('registry.hmd', registry.replace('Nikita Khrushchev', 'Nikita Sergeyevich Khrushchev'));
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 1 && String(d[0].message).includes('@khrushchev (Nikita Sergeyevich Khrushchev)'));
  });

  it('clears the diagnostics of a file deleted on disk', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': 'He said "we will not yield to anyone".\n' });
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 1);
    server.remove('letter.hmd');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('letter.hmd'), type: 3 }] });
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });
});
