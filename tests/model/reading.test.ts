// How the loader the CLI and the server share reads a workspace on disk
// (issue 8, items 6 and 15): only regular files, at most maxFileSize bytes,
// and never through a link that leads out of the workspace. What is skipped
// is a failure with its reason (the server logs it); the rest loads.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockingFileSystem, nodeFileSystem } from '../../server/src/model/fileSystem';
import { loadWorkspaceFolder, readDocument, readScope } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'histmark-read-'));
  folders.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

describe.each([
  ['without blocking (the server)', nodeFileSystem],
  ['blocking (the CLI and worker threads)', blockingFileSystem],
])('loading a workspace folder from disk, %s', (_, nodeFileSystem) => {
  it('skips a FIFO, a device, a file over maxFileSize and a link out of the workspace, each with its reason', async () => {
    const outside = folder({ 'secret.hmd': '@person secret: Not Yours\n' });
    const root = folder({ 'histmark.json': '{"maxFileSize": 100}', 'ok.hmd': '@person tito: Josip Broz Tito\n', 'big.hmd': 'x'.repeat(101) });
    execFileSync('mkfifo', [path.join(root, 'pipe.hmd')]);
    symlinkSync(path.join(outside, 'secret.hmd'), path.join(root, 'link.hmd'));
    symlinkSync(path.join(root, 'ok.hmd'), path.join(root, 'inside.hmd'));
    const index = new WorkspaceIndex();
    const loaded = await loadWorkspaceFolder(index, nodeFileSystem, root);
    expect(loaded.failures.map((f) => `${path.basename(f.path)}: ${f.message}`).sort()).toEqual([
      'big.hmd: larger than 100 bytes (101 bytes): skipped; raise "maxFileSize" in histmark.json to read it.',
      'link.hmd: a link to a file outside the workspace: not followed.',
      'pipe.hmd: not a regular file (a pipe, device or socket): skipped.',
    ]);
    expect([...index.documents()].map((d) => path.basename(d.uri)).sort()).toEqual(['inside.hmd', 'ok.hmd']);
    expect(index.entity('secret')).toBeUndefined();
  });

  it('reads a file in a folder linked out of the workspace only through the link check, and a file linked within', async () => {
    const outside = folder({ 'secret.hmd': '@person secret: Not Yours\n' });
    const root = folder({ 'ok.hmd': 'Plain.\n' });
    symlinkSync(outside, path.join(root, 'linked'));
    mkdirSync(path.join(root, 'sub'));
    symlinkSync(path.join(root, 'ok.hmd'), path.join(root, 'sub', 'again.hmd'));
    const scope = await readScope(nodeFileSystem, [root], new WorkspaceIndex().config);
    await expect(readDocument(nodeFileSystem, path.join(root, 'linked', 'secret.hmd'), scope)).rejects.toThrow('a link to a file outside the workspace: not followed.');
    expect(await readDocument(nodeFileSystem, path.join(root, 'sub', 'again.hmd'), scope)).toBe('Plain.\n');
    expect(await readDocument(nodeFileSystem, path.join(root, 'ok.hmd'), scope)).toBe('Plain.\n');
  });

  it('a device is not a regular file', async () => {
    await expect(nodeFileSystem.readFile('/dev/zero')).rejects.toThrow('not a regular file (a pipe, device or socket): skipped.');
  });

  it('the default limit is 10 MB', async () => {
    const root = folder({ 'big.hmd': 'x'.repeat(10 * 1024 * 1024 + 1), 'fits.hmd': 'x'.repeat(10 * 1024 * 1024) });
    const loaded = await loadWorkspaceFolder(new WorkspaceIndex(), nodeFileSystem, root);
    expect(loaded.failures.map((f) => `${path.basename(f.path)}: ${f.message}`)).toEqual([
      'big.hmd: larger than 10 MB (10,485,761 bytes): skipped; raise "maxFileSize" in histmark.json to read it.',
    ]);
  });
});
