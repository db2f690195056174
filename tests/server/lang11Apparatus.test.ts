// Histmark 1.1 surfaces of the parser's new apparatus (SPEC 5, 8): `[text]{-}`
// and `[text]{lang: ru}` read as apparatus of kinds 'notMention' and 'foreign'.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, SemanticTokens } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/features/semanticTokens';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = '@place moscow: Moscow\n@place albania: Albania\n';
const TEXT = 'Published in [Moscow]{-}, he said [tovarishch]{lang: ru}.\n';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'text.hmd': TEXT });
  await server.open('text.hmd');
});
afterAll(() => server?.stop());

/** The tokens of line 0 as [character, length, type]. */
function tokensOfFirstLine(tokens: SemanticTokens): [number, number, string][] {
  const out: [number, number, string][] = [];
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaChar, length, type] = tokens.data.slice(i, i + 4);
    if (deltaLine !== 0) break;
    character += deltaChar;
    out.push([character, length, SEMANTIC_TOKENS_LEGEND.tokenTypes[type]]);
  }
  return out;
}

describe('not a mention and foreign words', () => {
  it('are semantic tokens of their own, over the whole mark', async () => {
    const tokens: SemanticTokens = await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri('text.hmd') } });
    expect(tokensOfFirstLine(tokens)).toEqual([
      [13, 11, 'notMention'],
      [34, 22, 'foreignWord'],
    ]);
  });

  it('are no HM010, and no HM005 inside [Moscow]{-}', async () => {
    await server.barrier();
    // A document with no diagnostics is never published one.
    expect(server.publishes.filter((p) => p.uri === server.uri('text.hmd') && p.diagnostics.length > 0)).toEqual([]);
  });

  it('"Mark as not a mention" makes the HM005 go away', async () => {
    const text = 'A book printed in Albania.\n';
    await server.open('book.hmd', text);
    const [hm005] = await server.waitForDiagnostics('book.hmd', (d) => d.length > 0);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: server.uri('book.hmd') },
      range: hm005.range,
      context: { diagnostics: [hm005] },
    })) as CodeAction[];
    const mark = actions.find((a) => a.title.startsWith('Mark “Albania” as not a mention'))!;
    const fixed = TextDocument.applyEdits(TextDocument.create(server.uri('book.hmd'), 'histmark', 0, text), mark.edit!.changes![server.uri('book.hmd')]);
    expect(fixed).toBe('A book printed in [Albania]{-}.\n');
    await server.change('book.hmd', fixed);
    expect(await server.waitForDiagnostics('book.hmd', (d) => d.length === 0)).toEqual([]);
  });
});
