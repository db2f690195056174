import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';
import { at, FILES, LETTER, MEETING, rangeOf, REGISTRY } from './navigationFixture';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(FILES);
});
afterAll(async () => {
  await server?.stop();
});

const KHRUSHCHEV_CARD = (registryUri: string, uncertain: boolean) =>
  [
    '**Nikita Sergeyevich Khrushchev**  \nperson · 15 April 1894 – 11 September 1971 · `@khrushchev`',
    ...(uncertain ? ['*Uncertain identification: this reference marks the id with `?`.*'] : []),
    'First Secretary of the CPSU',
    `Member of: [Communist Party of the Soviet Union](${registryUri}#L15)`,
    'Also known as: Khrushchev; N. S. Khrushchev',
    'Soviet leader during the break with Albania.',
    '[Wikidata Q35314](https://www.wikidata.org/wiki/Q35314) · [VIAF 66477390](https://viaf.org/viaf/66477390)',
    'nickname: Kukuruznik',
    '5 mentions in 2 transcripts · 2 quotations · 1 turn',
  ].join('\n\n');

const hoverAt = (file: string, position: { line: number; character: number }) =>
  server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position }) as Promise<Hover | null>;

const markdown = (hover: Hover | null) => (hover?.contents as { kind: string; value: string }).value;

describe('hover', () => {
  it('shows the full card on an uncertain explicit mention, over the id', async () => {
    const hover = await hoverAt('letter.hmd', at(LETTER, '@khrushchev?', 3));
    expect(hover?.contents).toEqual({ kind: 'markdown', value: KHRUSHCHEV_CARD(server.uri('registry.hmd'), true) });
    expect(hover?.range).toEqual(rangeOf(LETTER, 'khrushchev', 0));
  });

  it('shows the card on a front-matter mention', async () => {
    const hover = await hoverAt('meeting.hmd', at(MEETING, 'recorder: @khrushchev', 12));
    expect(markdown(hover)).toBe(KHRUSHCHEV_CARD(server.uri('registry.hmd'), false));
    expect(hover?.range).toEqual(rangeOf(MEETING, 'khrushchev', 0));
  });

  it('shows the card of a member-of value, with its own counts', async () => {
    const hover = await hoverAt('registry.hmd', at(REGISTRY, '@cpsu', 2));
    expect(markdown(hover)).toBe(
      [
        '**Communist Party of the Soviet Union**  \norganisation · 1912 – 1991 · `@cpsu`',
        'Also known as: CPSU',
        'no mentions in transcripts (+ 1 in the registry)',
      ].join('\n\n'),
    );
    expect(hover?.range).toEqual(rangeOf(REGISTRY, 'cpsu', 0));
  });

  it('shows the card on an attribution suffix, a speaker turn, a block-quote attribution, a bare mention and a definition', async () => {
    const titles = await Promise.all(
      [
        hoverAt('letter.hmd', at(LETTER, '{@khrushchev}', 4)),
        hoverAt('meeting.hmd', at(MEETING, '{@khrushchev}:', 5)),
        hoverAt('meeting.hmd', at(MEETING, '[Comrade', 3)),
        hoverAt('letter.hmd', at(LETTER, '— @khrushchev', 5)),
        hoverAt('meeting.hmd', at(MEETING, '@hoxha:', 1)),
        hoverAt('registry.hmd', at(REGISTRY, 'hoxha: Enver', 0)),
      ].map(async (h) => markdown(await h).split('\n')[0]),
    );
    expect(titles).toEqual([
      '**Nikita Sergeyevich Khrushchev**  ',
      '**Nikita Sergeyevich Khrushchev**  ',
      '**Nikita Sergeyevich Khrushchev**  ',
      '**Nikita Sergeyevich Khrushchev**  ',
      '**Enver Hoxha**  ',
      '**Enver Hoxha**  ',
    ]);
  });

  it('explains HM001 on an unattributed quotation, over the whole quotation', async () => {
    const hover = await hoverAt('letter.hmd', at(LETTER, 'listens'));
    expect(markdown(hover)).toBe(
      '**HM001 · unattributed quotation**\n\nA quotation of 3 or more words says whose words it is. Add a brace group directly after the closing mark, with no space:\n\n' +
        '- `{@id}`: spoken or written by entity `id` (`{@a @b}` jointly)\n- `{@?}`: the speaker is unknown — checked, and the source does not tell\n' +
        '- `{@?: description}`: a speaker the source describes but does not name\n- `{~}`: not speech — a scare quote, a term, a title',
    );
    expect(hover?.range).toEqual(rangeOf(LETTER, '"nobody listens to us anymore"'));
  });

  it('shows nothing on an attributed quotation or plain text', async () => {
    expect(await hoverAt('letter.hmd', at(LETTER, 'never yield'))).toBeNull();
    expect(await hoverAt('letter.hmd', at(LETTER, 'and left'))).toBeNull();
  });

  it('shows the note on a footnote reference', async () => {
    const hover = await hoverAt('meeting.hmd', at(MEETING, '[^1]', 2));
    expect(hover).toEqual({ contents: { kind: 'markdown', value: '**[^1]** The minutes were kept by the Albanian side.' }, range: rangeOf(MEETING, '[^1]') });
  });
});

const locations = (method: string, file: string, position: { line: number; character: number }, extra: object = {}) =>
  server.connection.sendRequest(method, { textDocument: { uri: server.uri(file) }, position, ...extra }) as Promise<Location[]>;

describe('definition, declaration and references', () => {
  it('goes from a mention to the definition in another file, for definition and declaration', async () => {
    const expected = [{ uri: server.uri('registry.hmd'), range: rangeOf(REGISTRY, 'khrushchev', 0) }];
    expect(await locations('textDocument/definition', 'letter.hmd', at(LETTER, '— @khrushchev', 4))).toEqual(expected);
    expect(await locations('textDocument/declaration', 'meeting.hmd', at(MEETING, 'Comrade'))).toEqual(expected);
  });

  it('goes from a footnote reference to its definition', async () => {
    expect(await locations('textDocument/definition', 'meeting.hmd', at(MEETING, '[^1]', 1))).toEqual([
      { uri: server.uri('meeting.hmd'), range: rangeOf(MEETING, '1', 3) },
    ]);
  });

  const khrushchevReferences = () => [
    { uri: server.uri('letter.hmd'), range: rangeOf(LETTER, 'khrushchev', 0) },
    { uri: server.uri('letter.hmd'), range: rangeOf(LETTER, 'khrushchev', 1) },
    { uri: server.uri('letter.hmd'), range: rangeOf(LETTER, 'khrushchev', 2) },
    { uri: server.uri('meeting.hmd'), range: rangeOf(MEETING, 'khrushchev', 0) },
    { uri: server.uri('meeting.hmd'), range: rangeOf(MEETING, 'khrushchev', 1) },
  ];

  it('lists every reference across files, with and without the declaration', async () => {
    const position = at(LETTER, '{@khrushchev}', 3);
    expect(await locations('textDocument/references', 'letter.hmd', position, { context: { includeDeclaration: false } })).toEqual(khrushchevReferences());
    expect(await locations('textDocument/references', 'letter.hmd', position, { context: { includeDeclaration: true } })).toEqual([
      { uri: server.uri('registry.hmd'), range: rangeOf(REGISTRY, 'khrushchev', 0) },
      ...khrushchevReferences(),
    ]);
  });

  it('lists footnote references within the file', async () => {
    const position = at(MEETING, '[^1]:', 2);
    expect(await locations('textDocument/references', 'meeting.hmd', position, { context: { includeDeclaration: true } })).toEqual([
      { uri: server.uri('meeting.hmd'), range: rangeOf(MEETING, '1', 3) },
      { uri: server.uri('meeting.hmd'), range: rangeOf(MEETING, '1', 2) },
    ]);
  });

  it('highlights the occurrences in the file: references read, the definition written', async () => {
    const highlights = await locations('textDocument/documentHighlight', 'registry.hmd', at(REGISTRY, 'cpsu: Communist'));
    expect(highlights).toEqual([
      { range: rangeOf(REGISTRY, 'cpsu', 0), kind: 2 },
      { range: rangeOf(REGISTRY, 'cpsu', 1), kind: 3 },
    ]);
    const inLetter = await locations('textDocument/documentHighlight', 'letter.hmd', at(LETTER, 'khrushchev?'));
    expect(inLetter).toEqual([0, 1, 2].map((k) => ({ range: rangeOf(LETTER, 'khrushchev', k), kind: 2 })));
  });
});

describe('code lens and workspace symbols', () => {
  it('puts the counts on each definition, opening the references', async () => {
    const unresolved = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri('registry.hmd') } })) as object[];
    const lenses = (await Promise.all(unresolved.map((lens) => server.connection.sendRequest('codeLens/resolve', lens)))) as {
      range: unknown;
      command: { title: string; command: string; arguments: unknown[] };
    }[];
    expect(lenses.map((l) => l.command.title)).toEqual([
      '5 mentions in 2 transcripts · 2 quotations · 1 turn',
      'no mentions in transcripts (+ 1 in the registry)',
      '3 mentions in 1 transcript · 1 quotation · 1 turn',
    ]);
    expect(lenses[1]).toEqual({
      range: rangeOf(REGISTRY, '@org cpsu: Communist Party of the Soviet Union'),
      command: {
        title: 'no mentions in transcripts (+ 1 in the registry)',
        command: 'editor.action.showReferences',
        arguments: [server.uri('registry.hmd'), rangeOf(REGISTRY, 'cpsu: Communist').start, [{ uri: server.uri('registry.hmd'), range: rangeOf(REGISTRY, 'cpsu', 0) }]],
      },
    });
  });

  it('finds an entity by alias, naming the alias, at its definition', async () => {
    const symbols = await server.connection.sendRequest('workspace/symbol', { query: 'n. s.' });
    expect(symbols).toEqual([
      {
        name: 'Nikita Sergeyevich Khrushchev (N. S. Khrushchev)',
        kind: 19,
        containerName: 'person @khrushchev',
        location: { uri: server.uri('registry.hmd'), range: rangeOf(REGISTRY, '@person khrushchev: Nikita Sergeyevich Khrushchev') },
      },
    ]);
  });

  it('finds entities by id and name, best match first', async () => {
    const symbols = (await server.connection.sendRequest('workspace/symbol', { query: 'hox' })) as { name: string }[];
    expect(symbols.map((s) => s.name)).toEqual(['Enver Hoxha']);
    const all = (await server.connection.sendRequest('workspace/symbol', { query: '' })) as { name: string }[];
    expect(all.map((s) => s.name)).toEqual(['Communist Party of the Soviet Union', 'Enver Hoxha', 'Nikita Sergeyevich Khrushchev']);
  });
});

describe('edge cases', () => {
  it('goes to both definitions of an id defined twice; each shows its own card', async () => {
    const other = await startServer({ ...FILES, 'more.hmd': '@person hoxha: Enver Hoxha\n' });
    try {
      const found = await other.connection.sendRequest('textDocument/definition', {
        textDocument: { uri: other.uri('meeting.hmd') },
        position: at(MEETING, '@hoxha:', 1),
      });
      expect(found).toEqual([
        { uri: other.uri('registry.hmd'), range: rangeOf(REGISTRY, 'hoxha') },
        { uri: other.uri('more.hmd'), range: { start: { line: 0, character: 8 }, end: { line: 0, character: 13 } } },
      ].sort((a, b) => (a.uri < b.uri ? -1 : 1)));
      const hover = (await other.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: other.uri('more.hmd') },
        position: { line: 0, character: 9 },
      })) as Hover;
      expect(markdown(hover)).toBe(
        ['**Enver Hoxha**  \nperson · `@hoxha`', '*Defined 2 times (HM003).*', '3 mentions in 1 transcript · 1 quotation · 1 turn'].join('\n\n'),
      );
    } finally {
      await other.stop();
    }
  });

  it('survives malformed documents and still answers hover afterwards', async () => {
    const other = await startServer(FILES);
    try {
      // A fixed pseudo-random sequence, so that a failure can be replayed.
      let seed = 7;
      const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      const alphabet = ['[', ']', '{', '}', '@', '"', '“', '„', '«', "'", '>', '\n', '\n\n', ' ', '---\n', '@person ', '[^', ':', '?', '~', '<!--', '\\', 'a', 'é', '😀', '\r\n'];
      const noise = Array.from({ length: 600 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const garbage = `---\nauthor: @khrushchev [@\n${noise}\n[unclosed{@khrushchev "never closed {pb\n@org\n[^x]: note [^y\n> — {@\n`;
      await other.open('garbage.hmd', garbage);
      const uri = other.uri('garbage.hmd');
      const lines = garbage.split('\n');
      const requests: Promise<unknown>[] = [];
      lines.forEach((line, lineNumber) => {
        for (let character = 0; character <= line.length; character += 3) {
          const params = { textDocument: { uri }, position: { line: lineNumber, character } };
          for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/documentHighlight', 'textDocument/prepareRename']) {
            requests.push(other.connection.sendRequest(method, params).catch(() => null));
          }
        }
      });
      requests.push(other.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }));
      await Promise.all(requests);
      const hover = (await other.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: other.uri('letter.hmd') },
        position: at(LETTER, '{@khrushchev}', 3),
      })) as Hover;
      expect(markdown(hover).split('\n')[0]).toBe('**Nikita Sergeyevich Khrushchev**  ');
      expect(other.logs.filter((l) => l.includes(' failed: '))).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
