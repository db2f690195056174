// Every sample and every fixture transcript exports to TEI that jing
// validates against tei_all (P5 4.12.0), in which every pointer resolves,
// and whose reading text (its text nodes) is the transcript's.

import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { nodeFileSystem } from '../../server/src/model/fileSystem';
import { loadWorkspaceFolder } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { plainText } from '../../server/src/render/plainText';
import { exportCorpus, exportDocuments, transcriptSources } from '../../server/src/render/tei/exportWorkspace';
import { walkDocument } from '../../server/src/render/walk';
import { body, parseXml, textOf } from './helpers';

const REPO = path.resolve(__dirname, '../..');
// The schema lives beside the repository, as CI has it (see ../shared/schemas/README.md).
const SCHEMA = path.resolve(REPO, '../shared/schemas/tei_all.rng');
const FIXTURE_GROUPS = ['tests/fixtures/diagnostics', 'tests/fixtures/config'];
const ROOTS = ['samples', ...FIXTURE_GROUPS.flatMap((g) => readdirSync(path.join(REPO, g)).map((d) => `${g}/${d}`))];
const POINTING = ['ref', 'who', 'target', 'active', 'passive', 'sameAs', 'next', 'prev', 'corresp'];

const out = mkdtempSync(path.join(tmpdir(), 'histmark-tei-'));
const files: { file: string; root: string; xml: string; reading?: string }[] = [];

beforeAll(async () => {
  // The same installer npm test runs first, for a run of this file alone.
  execSync('bash scripts/system-packages.sh', { cwd: REPO, stdio: 'inherit' });
  for (const root of ROOTS) {
    const index = new WorkspaceIndex();
    await loadWorkspaceFolder(index, nodeFileSystem, path.join(REPO, root));
    const sources = transcriptSources(index, path.join(REPO, root));
    for (const output of exportDocuments(index, sources).outputs) {
      const file = path.join(out, root, output.path);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, output.xml);
      const entry = index.document(output.uri!)!;
      files.push({ file, root, xml: output.xml, reading: plainText(walkDocument(entry.tree, (id) => index.entity(id))) });
    }
    if (sources.length === 0) continue;
    const corpus = exportCorpus(index, sources, root);
    const file = path.join(out, root, 'corpus.xml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, corpus.xml);
    files.push({ file, root, xml: corpus.xml });
  }
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('TEI export of the samples and fixtures', () => {
  it('exports every transcript of every sample and fixture workspace', () => {
    expect(files.filter((f) => f.root === 'samples' && f.reading !== undefined)).toHaveLength(9);
    expect(files.filter((f) => f.root !== 'samples' && f.reading !== undefined).length).toBeGreaterThan(20);
  });

  it('validates against tei_all with jing (one run for all files)', () => {
    const run = spawnSync('jing', [SCHEMA, ...files.map((f) => f.file)], { encoding: 'utf8' });
    expect(run.stdout.split(out).join('')).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  it('resolves every #pointer to an xml:id of the same file', () => {
    const dangling: string[] = [];
    let pointers = 0;
    for (const { file, xml } of files) {
      const dom = parseXml(xml);
      const all = Array.from(dom.getElementsByTagName('*') as unknown as Element[]);
      const ids = new Set(all.map((e) => e.getAttribute('xml:id')).filter((id) => id !== null));
      for (const e of all) {
        for (const name of POINTING) {
          for (const value of (e.getAttribute(name) ?? '').split(/\s+/).filter((v) => v.startsWith('#'))) {
            pointers++;
            if (!ids.has(value.slice(1))) dangling.push(`${path.relative(out, file)}: <${e.localName} ${name}="${value}">`);
          }
        }
      }
    }
    expect(dangling).toEqual([]);
    expect(pointers).toBeGreaterThan(1000);
  });

  it('keeps the reading text: the text nodes of <body>, notes and corrections aside, are the transcript’s plain reading text', () => {
    for (const { file, xml, reading } of files) {
      if (reading === undefined) continue;
      expect(textOf(body(parseXml(xml)), new Set(['note', 'corr'])), file).toBe(reading);
    }
  });
});
