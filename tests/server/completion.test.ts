import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompletionItem, CompletionItemKind, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = `@person khrushchev: Nikita Sergeyevich Khrushchev
  aka: Khrushchev; N. S. Khrushchev
  born: 1894-04-15
  died: 1971-09-11
  member-of: @cpsu

@person hoxha: Enver Hoxha
  aka: Comrade Enver

@org cpsu: Communist Party of the Soviet Union
  aka: the Soviet party
  founded: 1912

@org pla: Party of Labour of Albania

@place albania: Albania

@place tirana: Tirana
  part-of: @albania
`;

let server: TestServer;
let uri: string;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY });
  uri = await server.open('doc.hmd', '');
});
afterAll(() => server.stop());

/** Sets the text of doc.hmd to `text` (`|` marks the cursor) and asks for completion there. */
async function complete(text: string, triggerCharacter?: string): Promise<CompletionList> {
  const cursor = text.indexOf('|');
  const lines = text.slice(0, cursor).split('\n');
  const line = lines.length - 1;
  const character = lines[line].length;
  await server.change('doc.hmd', text.replace('|', ''));
  return (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
    context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
  })) as CompletionList;
}

const labels = (list: CompletionList) => list.items.map((i) => i.label);
const edits = (list: CompletionList) => list.items.map((i) => i.textEdit as TextEdit);

describe('entity completion', () => {
  it('offers every entity after a bare @, with kind, detail, filter text and an edit replacing the @', async () => {
    const list = await complete('Letter to @|\n', '@');
    expect(list.isIncomplete).toBe(true);
    expect(labels(list)).toEqual(['albania', 'cpsu', 'hoxha', 'khrushchev', 'pla', 'tirana']);
    const range = { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } };
    expect(list.items.find((i) => i.label === 'khrushchev')).toEqual({
      label: 'khrushchev',
      labelDetails: { detail: ' Nikita Sergeyevich Khrushchev', description: '15 April 1894 – 11 September 1971' },
      kind: CompletionItemKind.Variable,
      detail: 'Nikita Sergeyevich Khrushchev, 15 April 1894 – 11 September 1971',
      filterText: '@khrushchev @Nikita Sergeyevich Khrushchev @Khrushchev @N. S. Khrushchev',
      sortText: '99 khrushchev',
      textEdit: { range, newText: '@khrushchev' },
      data: { entityId: 'khrushchev' },
    });
    expect(list.items.map((i) => [i.kind, i.detail])).toEqual([
      [CompletionItemKind.Module, 'Albania'],
      [CompletionItemKind.Class, 'Communist Party of the Soviet Union, founded 1912'],
      [CompletionItemKind.Variable, 'Enver Hoxha'],
      [CompletionItemKind.Variable, 'Nikita Sergeyevich Khrushchev, 15 April 1894 – 11 September 1971'],
      [CompletionItemKind.Class, 'Party of Labour of Albania'],
      [CompletionItemKind.Module, 'Tirana'],
    ]);
  });

  it('finds an entity by its preferred name: @Nikita offers khrushchev and replaces the typed word', async () => {
    const list = await complete('Letter to @Nikita| today.\n');
    // The name as typed, kept as the display text, first; the bare id second.
    expect(labels(list)).toEqual(['[Nikita]{@khrushchev}', 'khrushchev']);
    const range = { start: { line: 0, character: 10 }, end: { line: 0, character: 17 } };
    expect(list.items[0].filterText).toBe('@Nikita');
    expect(list.items[0].textEdit).toEqual({ range, newText: '[Nikita]{@khrushchev}' });
    expect(list.items[1].filterText).toBe('@Nikita Sergeyevich Khrushchev @khrushchev @Khrushchev @N. S. Khrushchev');
    expect(list.items[1].textEdit).toEqual({ range, newText: '@khrushchev' });
    expect(list.items.map((i) => i.labelDetails?.detail)).toEqual([' Nikita Sergeyevich Khrushchev', ' Nikita Sergeyevich Khrushchev']);
  });

  it('completes a name typed in part to its word, as typed: @Nik offers [Nikita]{@khrushchev}', async () => {
    const list = await complete('Letter to @Nik| today.\n');
    expect(edits(list).map((e) => e.newText)).toEqual(['[Nikita]{@khrushchev}', '@khrushchev']);
    // Typing the id offers the id alone: the text then reads as the entity's name.
    expect(labels(await complete('Letter to @khru|\n'))).toEqual(['khrushchev']);
  });

  it('finds an entity by an alias, case-insensitively, and by part of the id', async () => {
    expect(labels(await complete('Met @comrade|\n'))).toEqual(['[comrade]{@hoxha}', 'hoxha']);
    expect(labels(await complete('Met @soviet|\n'))).toEqual(['[soviet]{@cpsu}', 'cpsu']);
    expect(labels(await complete('Met @ran|\n'))).toEqual(['tirana']);
    expect(labels(await complete('Met @zzz|\n'))).toEqual([]);
  });

  it('replaces the whole id when the cursor is inside it', async () => {
    const list = await complete('Met @kh|rush.\n');
    expect(edits(list)).toEqual([{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 11 } }, newText: '@khrushchev' }]);
  });

  it('offers nothing after an @ inside a word or an email address', async () => {
    expect(await complete('write to name@|\n', '@')).toBeNull();
  });

  it('completes after {@ and after further ids in a brace group', async () => {
    const first = await complete('"We will not yield."{@hox|\n');
    expect(edits(first)).toEqual([{ range: { start: { line: 0, character: 21 }, end: { line: 0, character: 25 } }, newText: '@hoxha' }]);
    const second = await complete('[They]{@hoxha @Nik|}\n');
    expect(edits(second)).toEqual([{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 18 } }, newText: '@khrushchev' }]);
    const brace = await complete('"We will not yield."{|\n', '{');
    expect(labels(brace)).toHaveLength(6);
    expect(brace.items[0].textEdit).toEqual({ range: { start: { line: 0, character: 21 }, end: { line: 0, character: 21 } }, newText: '@albania' });
    expect(await complete('Text{pb |\n')).toBeNull();
  });

  it('ranks by the bracketed display text after [display]{@: entities sharing its words first', async () => {
    const list = await complete('[Comrade Enver Hoxha]{@|\n', '@');
    expect(labels(list)).toEqual(['hoxha', 'albania', 'cpsu', 'khrushchev', 'pla', 'tirana']);
    expect(list.items[0].sortText).toBe('96 hoxha');
    const soviet = await complete('[the Soviet party]{@|\n', '@');
    expect(labels(soviet)[0]).toBe('cpsu');
    // No display name item inside a brace group: the brackets are there already.
    expect(labels(await complete('[Nikita]{@Nik|\n'))).toEqual(['khrushchev']);
  });

  it('completes mention-valued front-matter keys', async () => {
    const author = await complete('---\ntitle: A letter\nauthor: @hoxha @|\n---\nText.\n', '@');
    expect(labels(author)).toHaveLength(6);
    expect(author.items[0].textEdit).toEqual({ range: { start: { line: 2, character: 15 }, end: { line: 2, character: 16 } }, newText: '@albania' });
    const recipient = await complete('---\nrecipient: [@hoxha, @Kh|]\n---\nText.\n');
    expect(labels(recipient)).toEqual(['khrushchev']);
    expect(labels(await complete('---\nvoice: En|\n---\nText.\n'))).toEqual(['hoxha']);
    expect(await complete('---\ntitle: Letter to @|\n---\nText.\n', '@')).toBeNull();
  });

  it('offers only entities of the right kind in relation fields', async () => {
    const person = '@person mikoyan: Anastas Mikoyan\n  member-of: @|\n';
    expect(labels(await complete(person, '@'))).toEqual(['cpsu', 'pla']);
    expect(labels(await complete('@org komsomol: Komsomol\n  part-of: @|\n', '@'))).toEqual(['cpsu', 'pla']);
    expect(labels(await complete('@place durres: Durrës\n  part-of: @|\n', '@'))).toEqual(['albania', 'tirana']);
    expect(labels(await complete('@event congress: 22nd Congress\n  located-in: @|\n', '@'))).toEqual(['albania', 'tirana']);
    expect(labels(await complete('@person mikoyan: Anastas Mikoyan\n  member-of: @pla; @Sov|\n'))).toEqual(['cpsu']);
  });
});

describe('key and label completion', () => {
  it('offers the field keys of the entity kind at the start of a field line', async () => {
    const list = await complete('@person mikoyan: Anastas Mikoyan\n  born: 1895\n  |\n');
    expect(list.isIncomplete).toBe(false);
    expect(labels(list)).toEqual(['aka', 'role', 'born', 'died', 'member-of', 'wikidata', 'viaf', 'gnd', 'url', 'match', 'sort-as']);
    expect(list.items[0]).toEqual({
      label: 'aka',
      kind: CompletionItemKind.Property,
      documentation: { kind: 'markdown', value: 'Alternative names, separated by `;`.' },
      sortText: '00',
      textEdit: { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: 'aka: ' },
    });
    const place = await complete('@place durres: Durrës\n  wi|\n');
    expect(labels(place)).toEqual(['aka', 'role', 'part-of', 'wikidata', 'viaf', 'gnd', 'url', 'match', 'sort-as']);
    expect(place.items[3].textEdit).toEqual({ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, newText: 'wikidata: ' });
  });

  it('offers no field keys in a description', async () => {
    expect(await complete('@person mikoyan: Anastas Mikoyan\n  born: 1895\n\n  Soviet politician.\n  |\n')).toBeNull();
  });

  it('offers the known front-matter keys not yet used, at the start of a front-matter line', async () => {
    const list = await complete('---\ntitle: A letter\nda|\nauthor: @hoxha\n---\nText.\n');
    expect(labels(list)).toEqual(['date', 'recipient', 'translator', 'recorder', 'voice', 'archive', 'source', 'url', 'language', 'original', 'original-language']);
    expect(list.items[0].textEdit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, newText: 'date: ' });
    const existing = await complete('---\nti|tle: A letter\n---\nText.\n');
    expect(existing.items[0].textEdit).toEqual({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, newText: 'title' });
  });

  it('offers the footnote labels defined in the document after [^', async () => {
    const text = 'See the note[^|.\n\n[^source]: Central State Archive, fond 14.\n[^2]: Another note.\n';
    const list = await complete(text, '^');
    expect(list.items).toEqual<CompletionItem[]>([
      {
        label: 'source',
        kind: CompletionItemKind.Reference,
        detail: 'Central State Archive, fond 14.',
        textEdit: { range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } }, newText: 'source]' },
      },
      { label: '2', kind: CompletionItemKind.Reference, detail: 'Another note.', textEdit: { range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } }, newText: '2]' } },
    ]);
    const closed = await complete('See[^so|]\n\n[^source]: A note.\n');
    expect(edits(closed)).toEqual([{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } }, newText: 'source' }]);
  });
});

describe('completion item resolve', () => {
  it('adds the entity card as markdown documentation', async () => {
    const list = await complete('Met @Nikita|\n');
    const resolved = (await server.connection.sendRequest('completionItem/resolve', list.items[0])) as CompletionItem;
    expect(resolved.documentation).toEqual({ kind: 'markdown', value: expect.stringContaining('**Nikita Sergeyevich Khrushchev**') });
    const value = (resolved.documentation as { value: string }).value;
    expect(value).toContain('person · 15 April 1894 – 11 September 1971 · `@khrushchev`');
    expect(value).toContain('Also known as: Khrushchev; N. S. Khrushchev');
  });
});

describe('completion for a client of LSP 3.17', () => {
  // What VS Code's client (vscode-languageclient 9 and later) says it takes of a completion list.
  const VS_CODE_COMPLETION = {
    completionItem: { snippetSupport: true, labelDetailsSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
    completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
  };
  let modern: TestServer;
  let modernUri: string;
  beforeAll(async () => {
    modern = await startServer({ 'registry.hmd': REGISTRY }, { completion: VS_CODE_COMPLETION });
    modernUri = await modern.open('doc.hmd', 'Letter to @Nikit today.\n');
  });
  afterAll(() => modern.stop());

  it('sends the range once, each item its text, and the detail only when the item is resolved', async () => {
    const list = (await modern.connection.sendRequest('textDocument/completion', { textDocument: { uri: modernUri }, position: { line: 0, character: 16 } })) as CompletionList;
    expect(list.itemDefaults).toEqual({ editRange: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } } });
    expect(list.items.map((i) => [i.label, i.textEditText, i.textEdit, i.detail])).toEqual([
      ['[Nikita]{@khrushchev}', '[Nikita]{@khrushchev}', undefined, undefined],
      ['khrushchev', '@khrushchev', undefined, undefined],
    ]);
    expect(list.items[1].labelDetails).toEqual({ detail: ' Nikita Sergeyevich Khrushchev', description: '15 April 1894 – 11 September 1971' });
    const resolved = (await modern.connection.sendRequest('completionItem/resolve', list.items[1])) as CompletionItem;
    expect(resolved.detail).toBe('Nikita Sergeyevich Khrushchev, 15 April 1894 – 11 September 1971');
    expect(resolved.documentation).toEqual({ kind: 'markdown', value: expect.stringContaining('**Nikita Sergeyevich Khrushchev**') });
  });
});

describe('entity completion in a large registry', () => {
  // Sixty ids with `kar` inside, sorting before every other id; a hundred "Comrade Zog" sharing two display words.
  const inId = Array.from({ length: 60 }, (_, i) => `@person akar-${String(i).padStart(2, '0')}: Worker ${i}\n`);
  const zogs = Array.from({ length: 100 }, (_, i) => `@person zog-${String(i).padStart(3, '0')}: Comrade Zog ${i}\n`);
  const others = ['@person edvard: Edvard Kardelj\n', '@person zo: Zo Xhaxho\n', '@org kar: Karabük Works\n', '@place karakum: Karakum\n'];
  let large: TestServer;
  let largeUri: string;
  beforeAll(async () => {
    large = await startServer({ 'registry.hmd': [...inId, ...zogs, ...others].join('\n') });
    largeUri = await large.open('doc.hmd', '');
  });
  afterAll(() => large.stop());

  async function completeLarge(text: string): Promise<CompletionList> {
    const cursor = text.indexOf('|');
    const lines = text.slice(0, cursor).split('\n');
    await large.change('doc.hmd', text.replace('|', ''));
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    return (await large.connection.sendRequest('textDocument/completion', { textDocument: { uri: largeUri }, position })) as CompletionList;
  }

  it('sends at most MAX_COMPLETION_ITEMS, as an incomplete list, the first ids first when all match alike', async () => {
    const list = await completeLarge('Met @|\n');
    expect(list.isIncomplete).toBe(true);
    expect(labels(list)).toEqual([...inId.map((_, i) => `akar-${String(i).padStart(2, '0')}`), 'edvard', 'kar', 'karakum', 'zo', ...zogs.map((_, i) => `zog-${String(i).padStart(3, '0')}`)].slice(0, 50));
  });

  it('keeps the exact id, then id starts, name starts and word starts before ids that only contain the partial', async () => {
    const list = await completeLarge('Met @Kar|\n');
    expect(list.items).toHaveLength(50);
    // The kept items in sortText order (the id) as before; which are kept is by fit.
    expect(labels(list).filter((l) => !l.startsWith('akar-'))).toEqual(['[Kardelj]{@edvard}', 'edvard', 'kar', 'karakum']);
    expect(labels(list).filter((l) => l.startsWith('akar-'))).toHaveLength(46);
  });

  it('keeps the exact id when more entities than fit share the display text', async () => {
    const list = await completeLarge('[Comrade Zog]{@zo|\n');
    expect(list.items).toHaveLength(50);
    expect(labels(list)[0]).toBe('zog-000');
    expect(labels(list)).toContain('zo');
    expect(list.items.find((i) => i.label === 'zo')?.sortText).toBe('99 zo');
  });

  it('merges the entities of several documents in id order', async () => {
    await large.open('second.hmd', '@person aaa: First Of All\n\n@person akar-10x: Worker Ten Too\n');
    const ids = ['aaa', ...inId.map((_, i) => `akar-${String(i).padStart(2, '0')}`)];
    ids.splice(ids.indexOf('akar-10') + 1, 0, 'akar-10x');
    expect(labels(await completeLarge('Met @|\n'))).toEqual(ids.slice(0, 50));
    await large.change('second.hmd', '');
  });

  it('sees an entity added, renamed or removed since the last completion', async () => {
    await large.open('more.hmd', '@person qemal: Ismail Qemali\n');
    expect(labels(await completeLarge('Met @Ismail|\n'))).toEqual(['[Ismail]{@qemal}', 'qemal']);
    await large.change('more.hmd', '@person qemal: Ismajl Qemali\n');
    expect(labels(await completeLarge('Met @Ismail|\n'))).toEqual([]);
    expect(labels(await completeLarge('Met @Ismajl|\n'))).toEqual(['[Ismajl]{@qemal}', 'qemal']);
    // A changed date is shown, the names unchanged.
    await large.change('more.hmd', '@person qemal: Ismajl Qemali\n  born: 1844-01-16\n');
    expect((await completeLarge('Met @qem|\n')).items.map((i) => i.detail)).toEqual(['Ismajl Qemali, born 16 January 1844']);
    await large.change('more.hmd', '');
    expect(labels(await completeLarge('Met @qem|\n'))).toEqual([]);
  });
});
