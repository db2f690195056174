// Import of TEI that Histmark did not write: the common variants of real
// editions, and elements Histmark has no form for (reported, never dropped).

import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { importTei } from '../../server/src/interchange/importTei';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

const VARIANTS = `<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Minutes of a meeting</title><author><persName ref="#hoxha">E. Hoxha</persName></author></titleStmt>
      <publicationStmt><p>Edition</p></publicationStmt>
      <sourceDesc><p>Archive</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc><listPerson><person xml:id="hoxha"><persName><forename>Enver</forename> <surname>Hoxha</surname></persName><persName type="alt">Comrade Enver</persName></person></listPerson></particDesc>
      <settingDesc><listPlace><place xml:id="tirana"><placeName>Tirana</placeName></place></listPlace></settingDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div>
        <head>Meeting</head>
        <sp who="#hoxha"><speaker>HOXHA</speaker>
          <p>We met in <placeName ref="#tirana">Tirana</placeName> with <persName key="shehu">Mehmet</persName> and <rs ref="#pla">the Party</rs>.</p>
        </sp>
        <p><said who="#hoxha">We will not</said>, <q>a term of art</q>, <quote>words cited here</quote>, <soCalled>friends</soCalled>, <cit><quote>never again</quote><bibl><persName ref="#hoxha">Hoxha</persName></bibl></cit>.</p>
        <pb n="3"/>
        <p><choice><sic>Tirane</sic><corr>Tirana</corr></choice> <unclear>word</unclear> <gap reason="illegible"/> <supplied>the</supplied> <stage>(applause)</stage> <foreign xml:lang="ru">da</foreign> <hi rend="italic">text</hi><note>A note.</note></p>
      </div>
    </body>
    <back>
      <listOrg><org xml:id="pla"><orgName>Party of Labour of Albania</orgName><note>The ruling party.</note></org></listOrg>
    </back>
  </text>
</TEI>
`;

function imported(xml: string) {
  const result = importTei([{ file: 'edition.xml', xml }]);
  const files = Object.fromEntries(result.files.map((f) => [f.path, f.text]));
  return { files, messages: result.messages };
}

describe('import of other TEI', () => {
  const { files, messages } = imported(VARIANTS);
  const transcript = files['edition.hmd'];

  it('reads the header into front matter', () => {
    expect(transcript.startsWith('---\ntitle: Minutes of a meeting\nauthor: @hoxha\n---\n')).toBe(true);
  });

  it('reads div/head, sp/speaker, p and names with @ref or @key', () => {
    // Laid out with indentation, the TEI's paragraphs still get the blank line between them that Histmark needs.
    expect(transcript).toContain('---\n# Meeting\n\n[HOXHA]');
    expect(transcript).toContain('{@pla}.\n\n“We will not”');
    expect(transcript).toContain('[HOXHA]{@hoxha}: We met in [Tirana]{@tirana} with [Mehmet]{@shehu} and [the Party]{@pla}.');
  });

  it('reads said, q, quote, cit and soCalled as quotations, adding marks where the TEI has none', () => {
    expect(transcript).toContain('“We will not”{@hoxha}, “a term of art”, “words cited here”, “friends”{~}, “never again”{@hoxha}.');
  });

  it('reads pb, choice/sic/corr, unclear, gap, supplied, stage, foreign and note', () => {
    expect(transcript).toContain('{pb 3}[Tirane]{sic: Tirana} [word]{?} {gap: illegible} [the]{+} [(applause)]{stage} [da]{lang: ru} text[^n1]');
    expect(transcript).toContain('\n[^n1]: A note.\n');
  });

  it('writes the entities of particDesc, settingDesc and back into the registry', () => {
    expect(files['registry/people.hmd']).toBe('# People\n\n@person hoxha: Enver Hoxha\n  aka: Comrade Enver\n');
    expect(files['registry/places.hmd']).toBe('# Places\n\n@place tirana: Tirana\n');
    expect(files['registry/organisations.hmd']).toBe('# Organisations\n\n@org pla: Party of Labour of Albania\n\n  The ruling party.\n');
  });

  it('gives a workspace that lints with the findings the TEI calls for: unattributed quotations, the undefined @shehu', () => {
    // {lang: …} is Histmark 1.1: tests/render/tei11-parser-dependent.test.ts lints it.
    const { files: withoutForeign } = imported(VARIANTS.replace('<foreign xml:lang="ru">da</foreign>', 'da'));
    const index = new WorkspaceIndex();
    for (const [path, text] of Object.entries(withoutForeign)) index.setDocument(`file:///ws/${path}`, text);
    const found = [...index.documents()].flatMap((e) => diagnoseDocument(index, e.uri).map((d) => `${d.code} ${e.text.slice(d.span.start, d.span.end)}`));
    expect(found.sort()).toEqual(['HM001 “a term of art”', 'HM001 “words cited here”', 'HM002 shehu']);
    expect(messages).toEqual([]);
  });

  it('merges entities that share an xml:id across files, keeping the first and reporting a different second', () => {
    const other = VARIANTS.replace('<orgName>Party of Labour of Albania</orgName>', '<orgName>PLA</orgName>');
    const result = importTei([
      { file: 'a.xml', xml: VARIANTS },
      { file: 'b.xml', xml: other },
    ]);
    const registry = result.files.find((f) => f.path === 'registry/organisations.hmd')!;
    expect(registry.text.match(/@org pla/g)).toHaveLength(1);
    expect(result.files.filter((f) => f.path.startsWith('registry/'))).toHaveLength(3);
    expect(result.messages.map((m) => `${m.file}:${m.position.line} ${m.message}`)).toEqual(['b.xml:27 @pla is also defined in a.xml, differently: the first definition is kept']);
  });
});

describe('what the import cannot place', () => {
  it('reports each unknown element with its line and keeps its text', () => {
    const xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>\n<p>A <custom>kept word</custom>.</p>\n<table><row><cell>cell text</cell></row></table>\n</body></text></TEI>';
    const { files, messages } = imported(xml);
    expect(messages.map((m) => [m.position.line, m.message])).toEqual([
      [2, '<custom> has no Histmark equivalent: its text is kept, the element is not'],
      [3, '<table> has no Histmark equivalent: its text is kept as a paragraph'],
      [3, '<row> has no Histmark equivalent: its text is kept, the element is not'],
      [3, '<cell> has no Histmark equivalent: its text is kept, the element is not'],
    ]);
    expect(files['edition.hmd']).toContain('A kept word.');
    expect(files['edition.hmd']).toContain('cell text');
  });

  it('says which file is not well-formed or not TEI, with the position', () => {
    const result = importTei([
      { file: 'broken.xml', xml: '<TEI>\n<text></TEI>' },
      { file: 'html.xml', xml: '<html/>' },
    ]);
    expect(result.messages.map((m) => [m.file, m.position.line, m.fatal, m.message.split(':')[0]])).toEqual([
      ['broken.xml', 2, true, 'not well-formed XML'],
      ['html.xml', 1, true, 'not TEI'],
    ]);
    expect(result.files).toEqual([]);
  });

  it('never writes outside the output folder, whatever path a header claims', () => {
    const xml = '<TEI><teiHeader><fileDesc><publicationStmt><p>Exported by Histmark from ../../etc/evil.hmd</p></publicationStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>';
    expect(importTei([{ file: 'in.xml', xml }]).files.map((f) => f.path)).toEqual(['in.hmd']);
  });
});
