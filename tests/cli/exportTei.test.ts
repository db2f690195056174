// `histmark export tei` as a child process: paths, --out, --corpus, warnings
// on stderr with file:line:col, exit statuses, an --out that cannot be written.

import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempWorkspaces, runCli, tempWorkspace } from './run';

const REPO = path.resolve(__dirname, '../..');

afterAll(removeTempWorkspaces);

function outFolder(): string {
  return path.join(tempWorkspace({}), 'out');
}

describe('histmark export tei', () => {
  it('writes one TEI file per transcript at <path in the workspace>.xml, exit 0 without warnings', () => {
    const out = outFolder();
    const run = runCli(['export', 'tei', 'samples', '--out', out], REPO);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(readdirSync(path.join(out, 'transcripts')).sort()).toEqual(readdirSync(path.join(REPO, 'samples/transcripts')).map((f) => f.replace(/\.hmd$/, '.xml')).sort());
    expect(existsSync(path.join(out, 'registry'))).toBe(false);
    expect(readFileSync(path.join(out, 'transcripts/hoxha-letter-to-kapo-1960-06-25.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<TEI xmlns="http:\/\/www.tei-c.org\/ns\/1.0">/);
  });

  it('exports only the files given, placed by their workspace (the folder with histmark.json)', () => {
    const out = outFolder();
    const run = runCli(['export', 'tei', 'samples/transcripts/hoxha-letter-to-kapo-1960-06-25.hmd', `--out=${out}`], REPO);
    expect(run.status).toBe(0);
    expect(readdirSync(out, { recursive: true })).toEqual(['transcripts', 'transcripts/hoxha-letter-to-kapo-1960-06-25.xml']);
  });

  it('--corpus FILE writes one teiCorpus with one TEI per transcript', () => {
    const file = path.join(outFolder(), 'corpus.xml');
    const run = runCli(['export', 'tei', 'samples', '--corpus', file], REPO);
    expect(run.status).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">');
    expect(xml.match(/<TEI>/g)).toHaveLength(9);
    expect(xml.match(/<standOff>/g)).toHaveLength(1);
  });

  it('prints what it could not place as file:line:col warnings on stderr and exits 1', () => {
    const root = tempWorkspace({ 'registry.hmd': '@person k: K\n', 'doc.hmd': 'Line one.\n[Tito]{@tito} and @k.\n' });
    const run = runCli(['export', 'tei', '.', '--out', 'out'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('doc.hmd:2:1: warning: @tito has no definition: exported as <rs key="tito"> without a pointer\n');
    expect(readFileSync(path.join(root, 'out/doc.xml'), 'utf8')).toContain('<rs key="tito">Tito</rs> and <persName ref="#k" rend="bare">K</persName>');
  });

  it('exit 2 with a clear message for usage problems and paths that do not exist', () => {
    const cases: [string[], string][] = [
      [['export', 'tei', 'samples'], 'histmark: export tei needs --out DIR (one file per transcript) or --corpus FILE (one teiCorpus).\nRun `histmark --help` for usage.\n'],
      [['export', 'tei', 'samples', '--out', 'a', '--corpus', 'b'], 'histmark: export tei needs --out DIR (one file per transcript) or --corpus FILE (one teiCorpus).\nRun `histmark --help` for usage.\n'],
      [['export', 'pdf', 'samples'], 'histmark: histmark export knows three formats, tei, html and network: `histmark export tei|html|network …`, not "pdf".\nRun `histmark --help` for usage.\n'],
      [['export', 'tei', 'no-such-folder', '--out', 'x'], 'histmark: no-such-folder: no such file or folder.\n'],
    ];
    for (const [args, stderr] of cases) expect(runCli(args, REPO), args.join(' ')).toMatchObject({ status: 2, stderr });
    expect(runCli(['export', 'tei', 'samples', '--bogus', '--out', 'x'], REPO).status).toBe(2);
  });

  it('an --out folder that cannot be written: exit 2 and a clear message', () => {
    const root = tempWorkspace({ 'doc.hmd': 'Text.\n' });
    mkdirSync(path.join(root, 'locked'));
    chmodSync(root, 0o755);
    chmodSync(path.join(root, 'locked'), 0o555);
    // Root writes anywhere: as root, export as the unprivileged `nobody` (65534).
    const run = runCli(['export', 'tei', '.', '--out', 'locked/tei'], root, {}, process.getuid?.() === 0 ? 65534 : undefined);
    expect(run).toMatchObject({ status: 2, stderr: 'histmark: cannot write locked/tei/doc.xml: permission denied.\n' });
  });

  it('is listed in histmark --help', () => {
    const help = runCli(['--help'], REPO).stdout;
    expect(help).toContain('histmark export tei [paths…] (--out DIR | --corpus FILE)');
    expect(help).toContain('histmark import tei FILES… --out DIR');
  });
});
