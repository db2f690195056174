import { afterEach, describe, expect, it } from 'vitest';
import { type CodeAction, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = `@person khrushchev: Nikita Sergeyevich Khrushchev
  aka: Khrushchev; N. S. Khrushchev

@person hoxha: Enver Hoxha
`;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function positionOf(text: string, offset: number) {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Opens `file` with `text` and waits for its first diagnostics. */
async function openWithDiagnostics(file: string, text: string): Promise<void> {
  await server!.open(file, text);
  await server!.waitForDiagnostics(file, (d) => d.length > 0);
}

/** The code actions on the first occurrence of `needle`, sent with the published diagnostics as a client does. */
async function actionsAt(file: string, text: string, needle: string, only?: string[]): Promise<CodeAction[]> {
  const start = text.indexOf(needle);
  const range = { start: positionOf(text, start), end: positionOf(text, start + needle.length) };
  const context = { diagnostics: server!.diagnostics(file), only };
  return (await server!.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: server!.uri(file) }, range, context })) as CodeAction[];
}

/** The text of `file` after applying the part of `edit` that concerns it. */
function applied(file: string, text: string, edit: WorkspaceEdit | undefined): string {
  const uri = server!.uri(file);
  const documentEdits = (edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => TextDocumentEdit.is(c) && c.textDocument.uri === uri);
  const edits = edit?.changes?.[uri] ?? documentEdits.flatMap((c) => c.edits as TextEdit[]);
  return TextDocument.applyEdits(TextDocument.create(uri, 'histmark', 0, text), edits);
}

const titles = (actions: CodeAction[]) => actions.map((a) => a.title);

describe('HM001 quick fixes', () => {
  const TEXT = '[Khrushchev]{@khrushchev} met [Hoxha]{@hoxha}, who said "we will not yield to anyone".\n';

  it('attributes to the nearest preceding mention (preferred), or marks {@?} or {~}', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    await openWithDiagnostics('letter.hmd', TEXT);
    const actions = await actionsAt('letter.hmd', TEXT, 'yield');
    expect(titles(actions)).toEqual([
      'Attribute to @hoxha (nearest mention)',
      'Mark the speaker as unknown: {@?}',
      'Mark as not speech (a term, scare quote or title): {~}',
      'Fix all HM001 in this document by nearest mention',
    ]);
    expect(actions.map((a) => [a.kind, a.isPreferred])).toEqual([
      ['quickfix', true],
      ['quickfix', undefined],
      ['quickfix', undefined],
      ['source.histmark.attributeAll', undefined],
    ]);
    expect(actions[0].diagnostics?.map((d) => d.code)).toEqual(['HM001']);
    const quote = '"we will not yield to anyone"';
    expect(actions.map((a) => applied('letter.hmd', TEXT, a.edit))).toEqual([
      TEXT.replace(quote, `${quote}{@hoxha}`),
      TEXT.replace(quote, `${quote}{@?}`),
      TEXT.replace(quote, `${quote}{~}`),
      TEXT.replace(quote, `${quote}{@hoxha}`),
    ]);
    await server.change('letter.hmd', applied('letter.hmd', TEXT, actions[0].edit));
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });

  it('falls back to the speaker of the turn, but prefers a mention in the paragraph', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const turn = '[Comrade Hoxha]{@hoxha}: We met the delegation.\n\nThey told us "we will not yield to anyone".\n';
    await openWithDiagnostics('turn.hmd', turn);
    const fromTurn = await actionsAt('turn.hmd', turn, 'yield');
    expect(fromTurn[0].title).toBe('Attribute to @hoxha (speaker of this turn)');
    expect(applied('turn.hmd', turn, fromTurn[0].edit)).toBe(turn.replace('anyone".', 'anyone"{@hoxha}.'));
    const mentioned = '[Comrade Hoxha]{@hoxha}: Then [M. SUSLOV, A. MIKOYAN]{@suslov @mikoyan} said "we will not yield to anyone".\n';
    await openWithDiagnostics('mention.hmd', mentioned);
    const fromMention = await actionsAt('mention.hmd', mentioned, 'yield');
    expect(fromMention[0].title).toBe('Attribute to @suslov @mikoyan (nearest mention)');
    expect(applied('mention.hmd', mentioned, fromMention[0].edit)).toBe(mentioned.replace('anyone".', 'anyone"{@suslov @mikoyan}.'));
  });

  it('attributes a block quote with a last line, to the mention in its lead-in paragraph', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const text = '[Khrushchev]{@khrushchev} wrote:\n> We will not yield to anyone at all.\n> Never.\n\nMore text.\n';
    await openWithDiagnostics('quote.hmd', text);
    const actions = await actionsAt('quote.hmd', text, 'Never', ['quickfix']);
    expect(titles(actions)[0]).toBe('Attribute to @khrushchev (nearest mention)');
    expect(actions.map((a) => applied('quote.hmd', text, a.edit))).toEqual([
      text.replace('> Never.\n', '> Never.\n> — @khrushchev\n'),
      text.replace('> Never.\n', '> Never.\n> — {@?}\n'),
      text.replace('> Never.\n', '> Never.\n> {~}\n'),
    ]);
    await server.change('quote.hmd', applied('quote.hmd', text, actions[0].edit));
    await server.waitForDiagnostics('quote.hmd', (d) => d.length === 0);
  });

  it('fixes every HM001 that has a nearest mention with one source action', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const text =
      '[Hoxha]{@hoxha} said "we shall never bow down" and [Khrushchev]{@khrushchev} replied "we will not yield to anyone".\n\n' +
      'Somebody wrote "nobody knows who said this".\n';
    await openWithDiagnostics('all.hmd', text);
    const actions = await actionsAt('all.hmd', text, 'Somebody', ['source']);
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Fix all HM001 in this document by nearest mention', 'source.histmark.attributeAll']]);
    const fixed = applied('all.hmd', text, actions[0].edit);
    expect(fixed).toBe(text.replace('bow down"', 'bow down"{@hoxha}').replace('anyone"', 'anyone"{@khrushchev}'));
    expect(titles(await actionsAt('all.hmd', text, 'nobody', ['quickfix']))).toEqual([
      'Mark the speaker as unknown: {@?}',
      'Mark as not speech (a term, scare quote or title): {~}',
    ]);
    await server.change('all.hmd', fixed);
    const remaining = await server.waitForDiagnostics('all.hmd', (d) => d.length === 1);
    expect(remaining.map((d) => [d.code, d.range.start.line])).toEqual([['HM001', 2]]);
  });
});

describe('HM002 quick fixes', () => {
  const TRANSCRIPT = 'Met [Mikoyan]{@mikoyan} in the capital.\n';

  it('creates the entity in the document with the most definitions; the HM002 goes away', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'places.hmd': '@place tirana: Tirana\n', 'letter.hmd': TRANSCRIPT });
    await openWithDiagnostics('letter.hmd', TRANSCRIPT);
    const actions = await actionsAt('letter.hmd', TRANSCRIPT, 'mikoyan');
    expect(titles(actions)).toEqual(['Create @person mikoyan in registry.hmd', 'Create @org mikoyan in registry.hmd', 'Create @place mikoyan in registry.hmd']);
    const registry = applied('registry.hmd', REGISTRY, actions[0].edit);
    expect(registry).toBe(`${REGISTRY}\n@person mikoyan\n`);
    expect(applied('registry.hmd', REGISTRY, actions[1].edit)).toBe(`${REGISTRY}\n@org mikoyan\n`);
    await server.open('registry.hmd', registry);
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });

  it('uses the configured registry file', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'people.hmd': '@place moscow: Moscow', 'letter.hmd': TRANSCRIPT }, { settings: { defaultRegistryFile: 'people.hmd' } });
    await openWithDiagnostics('letter.hmd', TRANSCRIPT);
    const actions = await actionsAt('letter.hmd', TRANSCRIPT, 'mikoyan');
    expect(titles(actions)[0]).toBe('Create @person mikoyan in people.hmd');
    expect(applied('people.hmd', '@place moscow: Moscow', actions[0].edit)).toBe('@place moscow: Moscow\n\n@person mikoyan\n');
  });

  it('creates registry.hmd at the workspace root when there is no registry', async () => {
    server = await startServer({ 'letters/letter.hmd': TRANSCRIPT });
    await openWithDiagnostics('letters/letter.hmd', TRANSCRIPT);
    const actions = await actionsAt('letters/letter.hmd', TRANSCRIPT, 'mikoyan');
    const uri = server.uri('registry.hmd');
    expect(actions[0].title).toBe('Create @person mikoyan in registry.hmd');
    expect(actions[0].edit).toEqual({
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '@person mikoyan\n' }] },
      ],
    });
    server.write('registry.hmd', applied('registry.hmd', '', actions[0].edit));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await server.waitForDiagnostics('letters/letter.hmd', (d) => d.length === 0);
  });
});

describe('HM005 and HM006 quick fixes', () => {
  it('links one occurrence, or every unlinked mention of the entity in the document, or marks it as not a mention', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const text = 'Khrushchev arrived. Later N. S. Khrushchev left.\n';
    await openWithDiagnostics('names.hmd', text);
    const actions = await actionsAt('names.hmd', text, 'Khrushchev');
    expect(titles(actions)).toEqual([
      'Link “Khrushchev” to @khrushchev',
      'Mark “Khrushchev” as not a mention: [Khrushchev]{-}',
      'Link all 2 unlinked mentions of @khrushchev in this document',
    ]);
    expect(actions.map((a) => a.isPreferred)).toEqual([true, undefined, undefined]);
    expect(applied('names.hmd', text, actions[0].edit)).toBe('[Khrushchev]{@khrushchev} arrived. Later N. S. Khrushchev left.\n');
    expect(applied('names.hmd', text, actions[1].edit)).toBe('[Khrushchev]{-} arrived. Later N. S. Khrushchev left.\n');
    expect(applied('names.hmd', text, actions[2].edit)).toBe('[Khrushchev]{@khrushchev} arrived. Later [N. S. Khrushchev]{@khrushchev} left.\n');
  });

  it('marks a name across a line break as not a mention, escaping brackets in it', async () => {
    server = await startServer({ 'registry.hmd': '@place moscow: Moscow [city]\n' });
    const text = 'Published in Moscow\n[city] in 1961.\n';
    await openWithDiagnostics('book.hmd', text);
    const actions = await actionsAt('book.hmd', text, 'Moscow');
    expect(titles(actions)[1]).toBe('Mark “Moscow\n[city]” as not a mention: [Moscow\n[city]]{-}');
    expect(applied('book.hmd', text, actions[1].edit)).toBe('Published in [Moscow\n\\[city\\]]{-} in 1961.\n');
  });

  it('adds a missing footnote definition at the end, keeping CRLF line ends', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const text = 'See the note[^1] and[^2].\r\n\r\n[^2]: Defined.\r\n';
    await openWithDiagnostics('notes.hmd', text);
    const actions = await actionsAt('notes.hmd', text, '[^1]');
    expect(titles(actions)).toEqual(['Add the footnote definition [^1]']);
    const fixed = applied('notes.hmd', text, actions[0].edit);
    expect(fixed).toBe(`${text}\r\n[^1]: \r\n`);
    await server.change('notes.hmd', fixed);
    await server.waitForDiagnostics('notes.hmd', (d) => d.length === 0);
    const orphan = 'Text.\n\n[^3]: Never referenced.\n';
    await openWithDiagnostics('orphan.hmd', orphan);
    expect(await actionsAt('orphan.hmd', orphan, '[^3]')).toEqual([]);
  });
});

describe('HM009 quick fixes', () => {
  const REGISTRY_WITH_DATES = `@person a: Person A
  born: c 1904
  died: 1960 c.

@event b: Event B
  date: circa 1960-06..ca. 1960-07

@person c: Person C
  born: n.d

@work d: Work D
  date: n.d
`;

  /** The HM009 fixes on the first occurrence of `needle` in the registry, as title and fixed text. */
  async function fixesAt(needle: string): Promise<[string, string][]> {
    const actions = await actionsAt('registry.hmd', REGISTRY_WITH_DATES, needle);
    return actions.map((a) => [a.title, applied('registry.hmd', REGISTRY_WITH_DATES, a.edit)]);
  }

  it('rewrites an unambiguous near miss as the date it stands for, replacing exactly the wrong part', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY_WITH_DATES });
    await server.waitForDiagnostics('registry.hmd', (d) => d.length > 0);
    expect(await fixesAt('c 1904')).toEqual([['Write the date as c. 1904', REGISTRY_WITH_DATES.replace('born: c 1904', 'born: c. 1904')]]);
    expect(await fixesAt('1960 c.')).toEqual([['Write the date as c. 1960', REGISTRY_WITH_DATES.replace('died: 1960 c.', 'died: c. 1960')]]);
    expect(await fixesAt('circa 1960-06')).toEqual([['Write the date as c. 1960-06', REGISTRY_WITH_DATES.replace('circa 1960-06..', 'c. 1960-06..')]]);
    expect(await fixesAt('ca. 1960-07')).toEqual([['Write the date as c. 1960-07', REGISTRY_WITH_DATES.replace('..ca. 1960-07', '..c. 1960-07')]]);
    expect(await fixesAt('date: n.d')).toEqual([['Write the date as n.d.', REGISTRY_WITH_DATES.replace('date: n.d\n', 'date: n.d.\n')]]);
  });

  it('offers nothing where the correction would not be valid there (`n.d.` is no birth date)', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY_WITH_DATES });
    await server.waitForDiagnostics('registry.hmd', (d) => d.length > 0);
    expect(await fixesAt('born: n.d')).toEqual([]);
  });
});
