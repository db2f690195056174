// `histmark export network` as a child process: GEXF and GraphML that XML
// parsers read (namespaces, every edge between declared nodes), CSV tables
// that an RFC 4180 reader reads, exit statuses and messages.

import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempWorkspaces, runCli, tempWorkspace } from './run';

const REPO = path.resolve(__dirname, '../..');

afterAll(removeTempWorkspaces);

const FIXTURE = {
  'histmark.json': '{}\n',
  'registry.hmd': `@person hoxha: Enver "the Leader" Hoxha
@person khrushchev: Nikita Khrushchev
@place tirana: Tirana, Albania

  A city where "@khrushchev was never welcome"{@hoxha}.
`,
  'talk.hmd': `---
title: Talk
---

[Khrushchev]{@khrushchev}: "Tirana is far"{@hoxha}, said [Hoxha]{@hoxha} of @tirana.
`,
  'letter.hmd': `---
voice: @hoxha
---

I met [Nikita]{@khrushchev?}.
`,
};

function parseXml(xml: string): Element {
  const errors: string[] = [];
  const dom = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return dom.documentElement!;
}

function elements(root: Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(root.namespaceURI, name));
}

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else if (c === '\n' || c === '\r' || c === '"') throw new Error(`not RFC 4180 at ${i}: ${JSON.stringify(text.slice(i - 10, i + 10))}`);
    else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

const EXPECTED_EDGES = [
  'quotes khrushchev→hoxha 1',
  'mentions hoxha→khrushchev 1',
  'mentions khrushchev→hoxha 1',
  'mentions khrushchev→tirana 1',
  'co-occurs hoxha→tirana 1',
];

describe('histmark export network', () => {
  it('--format gexf: GEXF 1.3 with the nodes, their attributes and the edges between them', () => {
    const root = tempWorkspace(FIXTURE);
    const run = runCli(['export', 'network', '.', '--format', 'gexf', '--out', 'out/net.gexf'], root);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const gexf = parseXml(readFileSync(path.join(root, 'out/net.gexf'), 'utf8'));
    expect([gexf.namespaceURI, gexf.localName, gexf.getAttribute('version')]).toEqual(['http://gexf.net/1.3', 'gexf', '1.3']);
    const nodes = elements(gexf, 'node');
    expect(nodes.map((n) => [n.getAttribute('id'), n.getAttribute('label')])).toEqual([
      ['hoxha', 'Enver "the Leader" Hoxha'],
      ['khrushchev', 'Nikita Khrushchev'],
      ['tirana', 'Tirana, Albania'],
    ]);
    const declared = new Map(elements(gexf, 'attribute').map((a) => [a.getAttribute('id'), (a.parentNode as Element).getAttribute('class')]));
    expect(Object.fromEntries(declared)).toEqual({ kind: 'node', name: 'node', mentions: 'node', quotations: 'node', turns: 'node', documents: 'edge', type: 'edge', uncertain: 'edge' });
    const values = (e: Element) => Object.fromEntries(elements(e, 'attvalue').map((v) => [v.getAttribute('for'), v.getAttribute('value')]));
    expect(values(nodes[0])).toEqual({ kind: 'person', name: 'Enver "the Leader" Hoxha', mentions: '1', quotations: '1', turns: '0', documents: '2' });
    const ids = new Set(nodes.map((n) => n.getAttribute('id')));
    const edges = elements(gexf, 'edge');
    for (const e of edges) expect(ids.has(e.getAttribute('source')) && ids.has(e.getAttribute('target'))).toBe(true);
    expect(edges.map((e) => `${values(e).type} ${e.getAttribute('source')}→${e.getAttribute('target')} ${e.getAttribute('weight')}`)).toEqual(EXPECTED_EDGES);
    expect(edges.map((e) => e.getAttribute('type'))).toEqual(['directed', 'directed', 'directed', 'directed', 'undirected']);
    expect(values(edges[1])).toEqual({ type: 'mentions', uncertain: '1', documents: 'letter.hmd' });
  });

  it('--format graphml: keys declared for every datum, edges between declared nodes', () => {
    const root = tempWorkspace(FIXTURE);
    const run = runCli(['export', 'network', '--format=graphml', '--out', 'net.graphml'], root);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const graphml = parseXml(readFileSync(path.join(root, 'net.graphml'), 'utf8'));
    expect([graphml.namespaceURI, graphml.localName]).toEqual(['http://graphml.graphdrawing.org/xmlns', 'graphml']);
    const keys = new Map(elements(graphml, 'key').map((k) => [k.getAttribute('id'), `${k.getAttribute('for')} ${k.getAttribute('attr.name')} ${k.getAttribute('attr.type')}`]));
    for (const d of elements(graphml, 'data')) expect(keys.has(d.getAttribute('key'))).toBe(true);
    expect(keys.get('weight')).toBe('edge weight int');
    const data = (e: Element) => Object.fromEntries(elements(e, 'data').map((d) => [d.getAttribute('key'), d.textContent]));
    const nodes = elements(graphml, 'node');
    expect(nodes.map((n) => [n.getAttribute('id'), data(n).kind, data(n).name])).toEqual([
      ['hoxha', 'person', 'Enver "the Leader" Hoxha'],
      ['khrushchev', 'person', 'Nikita Khrushchev'],
      ['tirana', 'place', 'Tirana, Albania'],
    ]);
    const ids = new Set(nodes.map((n) => n.getAttribute('id')));
    const edges = elements(graphml, 'edge');
    for (const e of edges) expect(ids.has(e.getAttribute('source')) && ids.has(e.getAttribute('target'))).toBe(true);
    expect(edges.map((e) => `${data(e).type} ${e.getAttribute('source')}→${e.getAttribute('target')} ${data(e).weight}`)).toEqual(EXPECTED_EDGES);
    expect(elements(graphml, 'graph')[0].getAttribute('edgedefault')).toBe('directed');
    expect(edges[4].getAttribute('directed')).toBe('false');
    expect(data(edges[0]).documents).toBe('talk.hmd');
  });

  it('--format csv: PATH/nodes.csv and PATH/edges.csv, RFC 4180 with a header row', () => {
    const root = tempWorkspace(FIXTURE);
    const run = runCli(['export', 'network', '--format', 'csv', '--out', 'tables'], root);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(readCsv(readFileSync(path.join(root, 'tables/nodes.csv'), 'utf8'))).toEqual([
      ['Id', 'Label', 'Kind', 'Mentions', 'Quotations', 'Turns', 'Documents'],
      ['hoxha', 'Enver "the Leader" Hoxha', 'person', '1', '1', '0', '2'],
      ['khrushchev', 'Nikita Khrushchev', 'person', '1', '0', '1', '2'],
      ['tirana', 'Tirana, Albania', 'place', '1', '0', '0', '1'],
    ]);
    expect(readCsv(readFileSync(path.join(root, 'tables/edges.csv'), 'utf8'))).toEqual([
      ['Source', 'Target', 'Type', 'Weight', 'Relation', 'Uncertain', 'Documents'],
      ['khrushchev', 'hoxha', 'Directed', '1', 'quotes', '0', 'talk.hmd'],
      ['hoxha', 'khrushchev', 'Directed', '1', 'mentions', '1', 'letter.hmd'],
      ['khrushchev', 'hoxha', 'Directed', '1', 'mentions', '0', 'talk.hmd'],
      ['khrushchev', 'tirana', 'Directed', '1', 'mentions', '0', 'talk.hmd'],
      ['hoxha', 'tirana', 'Undirected', '1', 'co-occurs', '0', 'talk.hmd'],
    ]);
  });

  it('a name a spreadsheet would run as a formula is written as text', () => {
    const root = tempWorkspace({ 'registry.hmd': '@person x: =HYPERLINK("http://evil.example")\n', 'doc.hmd': 'Hello @x.\n' });
    expect(runCli(['export', 'network', '--format', 'csv', '--out', 'csv'], root).status).toBe(0);
    expect(readCsv(readFileSync(path.join(root, 'csv/nodes.csv'), 'utf8'))[1][1]).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('on the samples: every node the GEXF lists is an entity, every edge joins two of them', () => {
    const file = path.join(tempWorkspace({}), 'samples.gexf');
    expect(runCli(['export', 'network', 'samples', '--out', file], REPO)).toMatchObject({ status: 0, stderr: '' });
    const gexf = parseXml(readFileSync(file, 'utf8'));
    const ids = new Set(elements(gexf, 'node').map((n) => n.getAttribute('id')));
    expect(ids.size).toBeGreaterThan(100);
    for (const e of elements(gexf, 'edge')) expect(ids.has(e.getAttribute('source')) && ids.has(e.getAttribute('target'))).toBe(true);
    expect(elements(gexf, 'edge').some((e) => e.getAttribute('kind') === 'quotes' && e.getAttribute('source') === 'hoxha')).toBe(true);
  });

  it('undefined ids: left out, one warning, exit 1', () => {
    const root = tempWorkspace({ 'registry.hmd': '@person k: K\n', 'doc.hmd': 'We met @k, @ghost and @ghost.\n' });
    const run = runCli(['export', 'network', '--out', 'n.gexf'], root);
    expect(run).toMatchObject({ status: 1, stderr: 'histmark: warning: 2 references to 1 undefined id (HM002) left out of the network: @ghost\n' });
    expect(readFileSync(path.join(root, 'n.gexf'), 'utf8')).toContain('<node id="k" label="K">');
  });

  it('usage and I/O problems: exit 2 with a clear message', () => {
    const root = tempWorkspace(FIXTURE);
    mkdirSync(path.join(root, 'locked'));
    mkdirSync(path.join(root, 'folder'));
    chmodSync(root, 0o755);
    chmodSync(path.join(root, 'locked'), 0o555);
    const hint = '\nRun `histmark --help` for usage.\n';
    const cases: [string[], string][] = [
      [['export', 'network', '.'], `histmark: export network needs --out PATH (a file; a folder for csv).${hint}`],
      [['export', 'network', '.', '--format', 'dot', '--out', 'x'], `histmark: export network writes gexf, graphml, csv, not "dot".${hint}`],
      [['export', 'network', 'nowhere', '--out', 'x'], 'histmark: nowhere: no such file or folder.\n'],
      [['export', 'network', '.', '--out', 'folder'], 'histmark: cannot write folder: it is a folder (--out names the gexf file).\n'],
    ];
    for (const [args, stderr] of cases) expect(runCli(args, root), args.join(' ')).toMatchObject({ status: 2, stderr });
    expect(runCli(['export', 'network', '--bogus', '--out', 'x'], root).status).toBe(2);
    // Root writes anywhere: as root, export as the unprivileged `nobody` (65534).
    const locked = runCli(['export', 'network', '.', '--format', 'csv', '--out', 'locked/csv'], root, {}, process.getuid?.() === 0 ? 65534 : undefined);
    expect(locked).toMatchObject({ status: 2, stderr: 'histmark: cannot write locked/csv/nodes.csv: permission denied.\n' });
  });

  it('a workspace of registries only writes nothing (exit 1); the command is in --help', () => {
    const root = tempWorkspace({ 'registry.hmd': '@person k: K\n' });
    expect(runCli(['export', 'network', '--out', 'n.gexf'], root)).toMatchObject({ status: 1, stderr: 'histmark: no transcript among the paths given (registries are not sources): nothing written.\n' });
    expect(runCli(['--help'], REPO).stdout).toContain('histmark export network [paths…] [--format gexf|graphml|csv] --out PATH');
  });
});
