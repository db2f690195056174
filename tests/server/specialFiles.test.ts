// Files the server must not read (issue 8, items 6 and 15): a .hmd that is a
// FIFO or a link out of the workspace is skipped with a line in the log, and
// the server goes on indexing and answering.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lspClient';

const CREATED = 1;

let server: TestServer | undefined;
let outside: string | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  if (outside) rmSync(outside, { recursive: true, force: true });
});

describe('special files appearing in the workspace', () => {
  it('a FIFO and a link out of the workspace are skipped with a log line; later files are still indexed', async () => {
    outside = mkdtempSync(path.join(tmpdir(), 'histmark-outside-'));
    writeFileSync(path.join(outside, 'secret.hmd'), '@person shehu: Not Yours\n');
    server = await startServer({ 'letter.hmd': 'Met @shehu and @hoxha.\n' });
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 2);
    execFileSync('mkfifo', [path.join(server.root, 'pipe.hmd')]);
    symlinkSync(path.join(outside, 'secret.hmd'), path.join(server.root, 'link.hmd'));
    server.write('registry.hmd', '@person hoxha: Enver Hoxha\n');
    const changes = ['pipe.hmd', 'link.hmd', 'registry.hmd'].map((file) => ({ uri: server!.uri(file), type: CREATED }));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    // @hoxha now resolves; @shehu, defined only behind the link, does not.
    const diagnostics = await server.waitForDiagnostics('letter.hmd', (d) => d.length === 1);
    expect(diagnostics[0].message).toContain('“shehu”');
    expect(server.logs).toContain(`${path.join(server.root, 'pipe.hmd')}: not a regular file (a pipe, device or socket): skipped.`);
    expect(server.logs).toContain(`${path.join(server.root, 'link.hmd')}: a link to a file outside the workspace: not followed.`);
  });
});
