import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';
import { applyEdits, at, FILES, LETTER, MEETING, rangeOf, REGISTRY } from './navigationFixture';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(FILES);
});
afterAll(async () => {
  await server?.stop();
});

const prepare = (file: string, position: { line: number; character: number }) =>
  server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: server.uri(file) }, position });

const rename = (file: string, position: { line: number; character: number }, newName: string) =>
  server.connection.sendRequest('textDocument/rename', { textDocument: { uri: server.uri(file) }, position, newName }) as Promise<WorkspaceEdit>;

describe('prepareRename', () => {
  it('returns the id range and the id on a reference and on a definition', async () => {
    expect(await prepare('letter.hmd', at(LETTER, '{@khrushchev}', 2))).toEqual({ range: rangeOf(LETTER, 'khrushchev', 1), placeholder: 'khrushchev' });
    expect(await prepare('registry.hmd', at(REGISTRY, 'cpsu: Communist', 4))).toEqual({ range: rangeOf(REGISTRY, 'cpsu', 1), placeholder: 'cpsu' });
  });

  it('rejects anything but an id, with a message', async () => {
    const message = 'Only an entity id can be renamed: place the cursor on the id of a mention (`@id`, `{@id}`) or of a definition.';
    await expect(prepare('letter.hmd', at(LETTER, 'wrote'))).rejects.toThrow(message);
    await expect(prepare('meeting.hmd', at(MEETING, 'Comrade'))).rejects.toThrow(message);
    await expect(prepare('registry.hmd', at(REGISTRY, 'Enver'))).rejects.toThrow(message);
  });
});

describe('rename', () => {
  it('renames the definition and every reference in three files, touching only the ids', async () => {
    const edit = await rename('meeting.hmd', at(MEETING, '{@khrushchev}', 2), 'nikita');
    const changes = edit.changes as Record<string, TextEdit[]>;
    expect(Object.keys(changes).sort()).toEqual(['letter.hmd', 'meeting.hmd', 'registry.hmd'].map((f) => server.uri(f)));
    for (const [file, text] of Object.entries(FILES)) {
      expect(applyEdits(text, changes[server.uri(file)])).toBe(text.replaceAll('khrushchev', 'nikita'));
    }
    expect(changes[server.uri('registry.hmd')]).toEqual([{ range: rangeOf(REGISTRY, 'khrushchev'), newText: 'nikita' }]);
  });

  it('accepts the new id typed with its @', async () => {
    const edit = await rename('registry.hmd', at(REGISTRY, 'cpsu: Communist'), '@kpss');
    expect(edit.changes).toEqual({
      [server.uri('registry.hmd')]: [
        { range: rangeOf(REGISTRY, 'cpsu', 1), newText: 'kpss' },
        { range: rangeOf(REGISTRY, 'cpsu', 0), newText: 'kpss' },
      ],
    });
  });

  it('rejects an invalid id and one that already exists', async () => {
    const position = at(LETTER, '— @khrushchev', 4);
    await expect(rename('letter.hmd', position, 'nikita khrushchev')).rejects.toThrow(
      '`nikita khrushchev` is not a valid entity id: a letter or digit, then letters, digits, `_` or `-`, not ending in `_` or `-`.',
    );
    await expect(rename('letter.hmd', position, 'nikita-')).rejects.toThrow('is not a valid entity id');
    await expect(rename('letter.hmd', position, 'hoxha')).rejects.toThrow(`An entity \`hoxha\` already exists (${server.uri('registry.hmd')}, line 20): choose another id.`);
  });
});
