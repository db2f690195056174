import { afterEach, describe, expect, it } from 'vitest';
import { type DocumentLink, type DocumentSymbol, type FoldingRange, type SemanticTokens, SymbolKind } from 'vscode-languageserver-protocol';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/features/semanticTokens';
import { startServer, type TestServer } from './lspClient';

const MINUTES = [
  '---', // 0
  'title: Minutes of the meeting',
  'url: https://example.org/minutes',
  '---',
  '',
  '# Meeting with [Comrade Hoxha]{@hoxha}{pb 2}', // 5
  '',
  '[Comrade Khrushchev]{@khrushchev}: I wanted to express our opinion.',
  '',
  'We think so.[^1]',
  '', // 10
  '## Reply',
  '',
  '@hoxha: We disagree.',
  '<!-- a',
  'comment -->', // 15
  '',
  '> Long live the party of labour of Albania.',
  '> — @hoxha',
  '',
  '# Registry', // 20
  '',
  '@person khrushchev: Nikita Khrushchev',
  '  wikidata: Q35004',
  '  viaf: 54147693',
  '  gnd: 118561707', // 25
  '  url: https://en.wikipedia.org/wiki/Nikita_Khrushchev',
  '',
  '@person hoxha: Enver Hoxha',
  '  wikidata: 12345',
  '  url: not a url', // 30
  '',
  '[^1]: A note',
  '  that continues.',
  '',
].join('\n');

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('document symbols', () => {
  it('nests turns and definitions under the heading whose section holds them', async () => {
    server = await startServer({ 'minutes.hmd': MINUTES });
    const symbols: DocumentSymbol[] = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri('minutes.hmd') } });
    expect(symbols).toEqual([
      {
        name: 'Meeting with Comrade Hoxha',
        kind: SymbolKind.String,
        range: range(5, 0, 18, 10),
        selectionRange: range(5, 0, 5, 44),
        children: [
          {
            name: 'Khrushchev — “I wanted to express our opinion.”',
            detail: '@khrushchev',
            kind: SymbolKind.Method,
            range: range(7, 0, 9, 16),
            selectionRange: range(7, 0, 7, 33),
            children: [],
          },
          {
            name: 'Reply',
            kind: SymbolKind.String,
            range: range(11, 0, 18, 10),
            selectionRange: range(11, 0, 11, 8),
            children: [{ name: 'Hoxha — “We disagree.”', detail: '@hoxha', kind: SymbolKind.Method, range: range(13, 0, 18, 10), selectionRange: range(13, 0, 13, 6), children: [] }],
          },
        ],
      },
      {
        name: 'Registry',
        kind: SymbolKind.String,
        range: range(20, 0, 33, 17),
        selectionRange: range(20, 0, 20, 10),
        children: [
          { name: 'Nikita Khrushchev', detail: '@khrushchev', kind: SymbolKind.Object, range: range(22, 0, 26, 54), selectionRange: range(22, 8, 22, 18), children: [] },
          { name: 'Enver Hoxha', detail: '@hoxha', kind: SymbolKind.Object, range: range(28, 0, 30, 16), selectionRange: range(28, 8, 28, 13), children: [] },
        ],
      },
    ]);
  });
});

describe('folding ranges', () => {
  it('folds front matter, sections, turns of several paragraphs, comments, block quotes, definitions and footnotes', async () => {
    server = await startServer({ 'minutes.hmd': MINUTES });
    const ranges: FoldingRange[] = await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: server.uri('minutes.hmd') } });
    expect(ranges).toEqual([
      { startLine: 0, endLine: 3 },
      { startLine: 5, endLine: 18 },
      { startLine: 7, endLine: 9 },
      { startLine: 11, endLine: 18 },
      { startLine: 13, endLine: 18 },
      { startLine: 14, endLine: 15, kind: 'comment' },
      { startLine: 17, endLine: 18 },
      { startLine: 20, endLine: 33 },
      { startLine: 22, endLine: 26 },
      { startLine: 28, endLine: 30 },
      { startLine: 32, endLine: 33 },
    ]);
  });
});

describe('document links', () => {
  it('links valid urls and authority ids to their records, and nothing else', async () => {
    server = await startServer({ 'minutes.hmd': MINUTES });
    const links: DocumentLink[] = await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: server.uri('minutes.hmd') } });
    expect(links).toEqual([
      { range: range(2, 5, 2, 32), target: 'https://example.org/minutes' },
      { range: range(23, 12, 23, 18), target: 'https://www.wikidata.org/wiki/Q35004', tooltip: 'Open in Wikidata' },
      { range: range(24, 8, 24, 16), target: 'https://viaf.org/viaf/54147693', tooltip: 'Open in VIAF' },
      { range: range(25, 7, 25, 16), target: 'https://d-nb.info/gnd/118561707', tooltip: 'Open in the GND' },
      { range: range(26, 7, 26, 54), target: 'https://en.wikipedia.org/wiki/Nikita_Khrushchev' },
    ]);
  });
});

const REGISTRY = ['@person khrushchev: Nikita Khrushchev', '@person tito: Josip Broz Tito', '@org cpsu: Communist Party of the Soviet Union', ''].join('\n');
const LETTER = [
  '---',
  'author: @khrushchev',
  '---',
  '[Khrushchev]{@khrushchev} told @cpsu: "We will not',
  'yield to [Tito]{@tito?}"{@khrushchev}, "we <!-- x --> stand here firmly"',
  'and @nobody{pb 3}[^n] or [sic]{sic} "a term"{~}.',
  '',
  '[^n]: Note.',
  '',
].join('\n');

type Tuple = [line: number, character: number, length: number, type: string, modifiers: string[]];

/** Decodes LSP's relative encoding back to absolute tuples. */
function decode(tokens: SemanticTokens): Tuple[] {
  const out: Tuple[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaChar, length, type, bits] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaChar : deltaChar;
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, k) => bits & (1 << k));
    out.push([line, character, length, SEMANTIC_TOKENS_LEGEND.tokenTypes[type], modifiers]);
  }
  return out;
}

const LETTER_TOKENS: Tuple[] = [
  [1, 0, 6, 'frontMatterKey', []],
  [1, 8, 11, 'person', []],
  [3, 1, 10, 'person', []],
  [3, 13, 11, 'person', []],
  [3, 31, 5, 'organization', []],
  [3, 38, 12, 'quotation', []],
  [4, 0, 10, 'quotation', []],
  [4, 10, 4, 'person', ['uncertain']],
  [4, 14, 2, 'quotation', []],
  [4, 16, 5, 'person', ['uncertain']],
  [4, 21, 3, 'quotation', []],
  [4, 25, 11, 'person', []],
  [4, 39, 4, 'quotation', ['unattributed']],
  [4, 53, 19, 'quotation', ['unattributed']],
  [5, 4, 7, 'unknownEntity', []],
  [5, 11, 6, 'pageBreak', []],
  [5, 17, 4, 'footnote', []],
  [5, 25, 10, 'sic', []],
  [5, 36, 8, 'quotation', ['notSpeech']],
  [7, 0, 4, 'footnote', ['declaration']],
];

describe('semantic tokens', () => {
  it('types mentions by entity kind and quotations by attribution, split per line and around nested tokens', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': LETTER });
    const tokens: SemanticTokens = await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri('letter.hmd') } });
    expect(decode(tokens)).toEqual(LETTER_TOKENS);
  });

  it('marks definition ids as declarations and field keys', async () => {
    server = await startServer({ 'registry.hmd': `${REGISTRY}  aka: CPSU\n` });
    const tokens: SemanticTokens = await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri('registry.hmd') } });
    expect(decode(tokens)).toEqual([
      [0, 8, 10, 'person', ['declaration']],
      [1, 8, 4, 'person', ['declaration']],
      [2, 5, 4, 'organization', ['declaration']],
      [3, 2, 3, 'fieldKey', []],
    ]);
  });

  it('answers a range request with the tokens of those lines only', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': LETTER });
    const tokens: SemanticTokens = await server.connection.sendRequest('textDocument/semanticTokens/range', {
      textDocument: { uri: server.uri('letter.hmd') },
      range: range(5, 0, 7, 0),
    });
    expect(decode(tokens)).toEqual(LETTER_TOKENS.filter(([line]) => line >= 5));
  });
});
