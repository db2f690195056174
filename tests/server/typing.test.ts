// No error squiggles flash for half-typed markup (issue 12 item 6): while
// the user types `[Comrade Hoxha]{@` on a line, HM010 and HM002 on that line
// are held back; once typing pauses, or the next edit lands on another
// line, the full set is published.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = '@person hoxha: Enver Hoxha\n';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': 'Dear comrades,\n\nWe met.\n' });
  await server.ready;
  await server.open('letter.hmd');
});
afterAll(async () => {
  await server?.stop();
});

const codes = (file: string) => server.diagnostics(file).map((d) => `${d.code} ${d.range.start.line}`);

describe('half-typed markup', () => {
  it('holds HM010 back on the line being typed, then publishes it when typing pauses', async () => {
    await server.change('letter.hmd', 'Dear comrades,\n\n[Comrade Hoxha]{@ met.\n');
    await server.barrier();
    expect(codes('letter.hmd')).toEqual([]);
    const after = await server.waitForDiagnostics('letter.hmd', (d) => d.length > 0);
    expect(after.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(['HM010 2']);
  });

  it('publishes the held diagnostic at once when the next edit is on another line, and holds an unknown id being typed', async () => {
    await server.change('letter.hmd', 'Dear comrades,\n\n[Comrade Hoxha]{@hox met.\n');
    await server.change('letter.hmd', 'Dear comrades,\n\n[Comrade Hoxha]{@hox met.\n\n[Enver]{@enver} spoke.\n');
    await server.barrier();
    // The line left half-typed shows its error; the new line's unknown id waits.
    expect(codes('letter.hmd')).toEqual(['HM010 2', 'HM002 2']);
    const after = await server.waitForDiagnostics('letter.hmd', (d) => d.length > 2);
    expect(after.map((d) => `${d.code} ${d.range.start.line}`).sort()).toEqual(['HM002 2', 'HM002 4', 'HM010 2']);
  });
});
