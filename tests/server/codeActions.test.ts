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
  const PICKER = 'Attribute to… (entities mentioned nearby, any entity, or a described speaker)';

  it('attributes to the nearest mention in the sentence (preferred), offers the picker, or marks {@?} or {~}', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    await openWithDiagnostics('letter.hmd', TEXT);
    const actions = await actionsAt('letter.hmd', TEXT, 'yield');
    expect(titles(actions)).toEqual([
      'Attribute to Enver Hoxha, mentioned in this sentence: {@hoxha}',
      PICKER,
      'Mark the speaker as unknown: {@?}',
      'Mark as not speech (a term, scare quote or title): {~}',
      'Fix all HM001 in this document by nearest mention',
    ]);
    expect(actions.map((a) => [a.kind, a.isPreferred])).toEqual([
      ['quickfix', true],
      ['quickfix', undefined],
      ['quickfix', undefined],
      ['quickfix', undefined],
      ['source.histmark.attributeAll', undefined],
    ]);
    expect(actions[0].diagnostics?.map((d) => d.code)).toEqual(['HM001']);
    const quote = '"we will not yield to anyone"';
    expect(actions.map((a) => applied('letter.hmd', TEXT, a.edit))).toEqual([
      TEXT.replace(quote, `${quote}{@hoxha}`),
      TEXT,
      TEXT.replace(quote, `${quote}{@?}`),
      TEXT.replace(quote, `${quote}{~}`),
      TEXT.replace(quote, `${quote}{@hoxha}`),
    ]);
    await server.change('letter.hmd', applied('letter.hmd', TEXT, actions[0].edit));
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });

  it('the picker lists the nearby entities, nearest first, and its choice is written by the server, a described speaker escaped', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    await openWithDiagnostics('letter.hmd', TEXT);
    const picker = (await actionsAt('letter.hmd', TEXT, 'yield')).find((a) => a.title === PICKER)!;
    const [args] = picker.command!.arguments as { uri: string; range: unknown; nearby: unknown[] }[];
    expect(picker.command!.command).toBe('histmark.attributeQuotation');
    expect(args.nearby).toEqual([
      { ids: ['hoxha'], names: 'Enver Hoxha', source: 'in this sentence' },
      { ids: ['khrushchev'], names: 'Nikita Sergeyevich Khrushchev', source: 'in this sentence' },
    ]);
    const quote = '"we will not yield to anyone"';
    const chosen = (await server.connection.sendRequest('histmark/attribute', { textDocument: { uri: args.uri }, range: args.range, ids: ['khrushchev'] })) as WorkspaceEdit;
    expect(applied('letter.hmd', TEXT, chosen)).toBe(TEXT.replace(quote, `${quote}{@khrushchev}`));
    const described = (await server.connection.sendRequest('histmark/attribute', { textDocument: { uri: args.uri }, range: args.range, description: ' the {Soviet}\n side ' })) as WorkspaceEdit;
    const fixed = applied('letter.hmd', TEXT, described);
    expect(fixed).toBe(TEXT.replace(quote, `${quote}{@?: the \\{Soviet\\} side}`));
    await expect(server.connection.sendRequest('histmark/attribute', { textDocument: { uri: args.uri }, range: args.range, ids: ['no id'] })).rejects.toThrow('“no id” is not a valid id.');
    await server.change('letter.hmd', fixed);
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
    await expect(server.connection.sendRequest('histmark/attribute', { textDocument: { uri: args.uri }, range: args.range, ids: ['hoxha'] })).rejects.toThrow('The quotation has changed since');
  });

  it('offers the speaker of the turn without preferring it, and prefers a mention in the sentence, initials and all', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const turn = '[Comrade Hoxha]{@hoxha}: We met the delegation.\n\nThey told us "we will not yield to anyone".\n';
    await openWithDiagnostics('turn.hmd', turn);
    const fromTurn = await actionsAt('turn.hmd', turn, 'yield');
    expect(fromTurn.map((a) => [a.title, a.isPreferred])).toEqual([
      ['Attribute to Enver Hoxha, speaker of this turn: {@hoxha}', undefined],
      [PICKER, undefined],
      ['Mark the speaker as unknown: {@?}', undefined],
      ['Mark as not speech (a term, scare quote or title): {~}', undefined],
    ]);
    expect(applied('turn.hmd', turn, fromTurn[0].edit)).toBe(turn.replace('anyone".', 'anyone"{@hoxha}.'));
    const mentioned = '[Comrade Hoxha]{@hoxha}: Then [M. SUSLOV, A. MIKOYAN]{@suslov @mikoyan} said "we will not yield to anyone".\n';
    await openWithDiagnostics('mention.hmd', mentioned);
    const fromMention = await actionsAt('mention.hmd', mentioned, 'yield');
    expect(fromMention.slice(0, 2).map((a) => [a.title, a.isPreferred])).toEqual([
      ['Attribute to @suslov, @mikoyan, mentioned in this sentence: {@suslov @mikoyan}', true],
      ['Attribute to Enver Hoxha, speaker of this turn: {@hoxha}', undefined],
    ]);
    expect(applied('mention.hmd', mentioned, fromMention[0].edit)).toBe(mentioned.replace('anyone".', 'anyone"{@suslov @mikoyan}.'));
  });

  it('prefers the nearest mention of the sentence over a nearer one in the paragraph, and a mention after the quotation', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const text = 'We saw [Hoxha]{@hoxha}. "We will not yield to anyone," said [Khrushchev]{@khrushchev} later.\n\nNext paragraph.\n';
    await openWithDiagnostics('after.hmd', text);
    const actions = await actionsAt('after.hmd', text, 'yield');
    expect(actions[0].title).toBe('Attribute to Nikita Sergeyevich Khrushchev, mentioned in this sentence: {@khrushchev}');
    const [args] = actions[1].command!.arguments as { nearby: { ids: string[]; source: string }[] }[];
    expect(args.nearby.map((n) => [n.ids.join(' '), n.source])).toEqual([
      ['khrushchev', 'in this sentence'],
      ['hoxha', 'in this paragraph'],
    ]);
  });

  it('attributes a block quote with a last line, to the mention in its lead-in paragraph', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const text = '[Khrushchev]{@khrushchev} wrote:\n> We will not yield to anyone at all.\n> Never.\n\nMore text.\n';
    await openWithDiagnostics('quote.hmd', text);
    const actions = await actionsAt('quote.hmd', text, 'Never', ['quickfix']);
    expect(titles(actions)[0]).toBe('Attribute to Nikita Sergeyevich Khrushchev, mentioned in this sentence: > — @khrushchev');
    expect(actions.map((a) => applied('quote.hmd', text, a.edit))).toEqual([
      text.replace('> Never.\n', '> Never.\n> — @khrushchev\n'),
      text,
      text.replace('> Never.\n', '> Never.\n> — {@?}\n'),
      text.replace('> Never.\n', '> Never.\n> {~}\n'),
    ]);
    const [args] = actions[1].command!.arguments as { uri: string; range: unknown }[];
    const described = (await server.connection.sendRequest('histmark/attribute', { textDocument: { uri: args.uri }, range: args.range, description: 'the Soviet side' })) as WorkspaceEdit;
    expect(applied('quote.hmd', text, described)).toBe(text.replace('> Never.\n', '> Never.\n> — {@?: the Soviet side}\n'));
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
      PICKER,
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

  it('creates each kind where that kind is registered, named by the display text; the HM002 goes away', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'places.hmd': '@place tirana: Tirana\n', 'letter.hmd': TRANSCRIPT });
    await openWithDiagnostics('letter.hmd', TRANSCRIPT);
    const actions = await actionsAt('letter.hmd', TRANSCRIPT, 'mikoyan');
    expect(titles(actions)).toEqual([
      'Create @person mikoyan: Mikoyan in registry.hmd',
      // No organisation is registered anywhere: the document with most definitions.
      'Create @org mikoyan: Mikoyan in registry.hmd',
      'Create @place mikoyan: Mikoyan in places.hmd',
    ]);
    const registry = applied('registry.hmd', REGISTRY, actions[0].edit);
    expect(registry).toBe(`${REGISTRY}\n@person mikoyan: Mikoyan\n`);
    expect(applied('registry.hmd', REGISTRY, actions[1].edit)).toBe(`${REGISTRY}\n@org mikoyan: Mikoyan\n`);
    expect(applied('places.hmd', '@place tirana: Tirana\n', actions[2].edit)).toBe('@place tirana: Tirana\n\n@place mikoyan: Mikoyan\n');
    await server.open('registry.hmd', registry);
    await server.waitForDiagnostics('letter.hmd', (d) => d.length === 0);
  });

  it('puts a person with the people and an organisation with the organisations, reading the display text', async () => {
    const people = '@person hoxha: Enver Hoxha\n\n@person shehu: Mehmet Shehu\n\n@person alia: Ramiz Alia\n';
    const orgs = '@org pla: Party of Labour of Albania\n\n@person kapo: Hysni Kapo\n';
    const text = 'Then [Koço \\[K.\\] Theodhosi]{@theodhosi} spoke, and @nobody.\n';
    server = await startServer({ 'people.hmd': people, 'orgs.hmd': orgs, 'letter.hmd': text });
    await openWithDiagnostics('letter.hmd', text);
    const actions = await actionsAt('letter.hmd', text, 'theodhosi');
    expect(titles(actions)).toEqual([
      'Create @person theodhosi: Koço [K.] Theodhosi in people.hmd',
      'Create @org theodhosi: Koço [K.] Theodhosi in orgs.hmd',
      'Create @place theodhosi: Koço [K.] Theodhosi in people.hmd',
    ]);
    expect(applied('people.hmd', people, actions[0].edit)).toBe(`${people}\n@person theodhosi: Koço [K.] Theodhosi\n`);
    expect(applied('orgs.hmd', orgs, actions[1].edit)).toBe(`${orgs}\n@org theodhosi: Koço [K.] Theodhosi\n`);
    // A bare @id has no display text: the stub has no name.
    expect(titles(await actionsAt('letter.hmd', text, 'nobody'))[0]).toBe('Create @person nobody in people.hmd');
  });

  it('uses the configured registry file for a kind no file holds yet', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'people.hmd': '@place moscow: Moscow', 'letter.hmd': TRANSCRIPT }, { settings: { defaultRegistryFile: 'people.hmd' } });
    await openWithDiagnostics('letter.hmd', TRANSCRIPT);
    const actions = await actionsAt('letter.hmd', TRANSCRIPT, 'mikoyan');
    expect(titles(actions)).toEqual(['Create @person mikoyan: Mikoyan in registry.hmd', 'Create @org mikoyan: Mikoyan in people.hmd', 'Create @place mikoyan: Mikoyan in people.hmd']);
    expect(applied('people.hmd', '@place moscow: Moscow', actions[1].edit)).toBe('@place moscow: Moscow\n\n@org mikoyan: Mikoyan\n');
  });

  it('creates registry.hmd at the workspace root when there is no registry', async () => {
    server = await startServer({ 'letters/letter.hmd': TRANSCRIPT });
    await openWithDiagnostics('letters/letter.hmd', TRANSCRIPT);
    const actions = await actionsAt('letters/letter.hmd', TRANSCRIPT, 'mikoyan');
    const uri = server.uri('registry.hmd');
    expect(actions[0].title).toBe('Create @person mikoyan: Mikoyan in registry.hmd');
    expect(actions[0].edit).toEqual({
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '@person mikoyan: Mikoyan\n' }] },
      ],
    });
    server.write('registry.hmd', applied('registry.hmd', '', actions[0].edit));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await server.waitForDiagnostics('letters/letter.hmd', (d) => d.length === 0);
  });
});

describe('Add as alias', () => {
  const TEXT = '[Comrade Enver]{@hoxha} met [Nikita]{@khrushchev}; [he]{@hoxha} knew [N. S. Khrushchev]{@khrushchev}.\n\nLater Comrade Enver spoke.\n';

  it('adds a display text that is not yet a name to the aka line, or as a new aka line; the next unlinked use is found', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': TEXT });
    await server.open('letter.hmd', TEXT);
    await server.ready;
    const alias = async (needle: string) => (await actionsAt('letter.hmd', TEXT, needle)).filter((a) => a.title.startsWith('Add '));
    const hoxha = await alias('Comrade Enver]');
    expect(titles(hoxha)).toEqual(['Add “Comrade Enver” as an alias of Enver Hoxha']);
    const learned = applied('registry.hmd', REGISTRY, hoxha[0].edit);
    expect(learned).toBe(REGISTRY.replace('@person hoxha: Enver Hoxha\n', '@person hoxha: Enver Hoxha\n  aka: Comrade Enver\n'));
    const khrushchev = await alias('Nikita]');
    expect(titles(khrushchev)).toEqual(['Add “Nikita” as an alias of Nikita Sergeyevich Khrushchev']);
    expect(applied('registry.hmd', REGISTRY, khrushchev[0].edit)).toBe(REGISTRY.replace('aka: Khrushchev; N. S. Khrushchev', 'aka: Khrushchev; N. S. Khrushchev; Nikita'));
    // A pronoun, and a name the entity already has, are not offered.
    expect(await alias('he]')).toEqual([]);
    expect(await alias('N. S. Khrushchev]')).toEqual([]);
    await server.open('registry.hmd', learned);
    const found = await server.waitForDiagnostics('letter.hmd', (d) => d.some((x) => x.code === 'HM005'));
    expect(found.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['HM005', 2, 6]]);
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
