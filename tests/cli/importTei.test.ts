// `histmark import tei` as a child process: an exported workspace comes back,
// reports carry file:line:col, and the exit status says what happened.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempWorkspaces, runCli, tempWorkspace } from './run';

const REPO = path.resolve(__dirname, '../..');

afterAll(removeTempWorkspaces);

describe('histmark import tei', () => {
  it('imports an exported folder: transcripts at their paths and a registry per kind, exit 0', () => {
    const root = tempWorkspace({});
    expect(runCli(['export', 'tei', path.join(REPO, 'samples'), '--out', 'tei'], root).status).toBe(0);
    const run = runCli(['import', 'tei', 'tei', '--out', 'back'], root);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(readdirSync(path.join(root, 'back/registry')).sort()).toEqual(['events.hmd', 'organisations.hmd', 'people.hmd', 'places.hmd', 'works.hmd']);
    expect(readdirSync(path.join(root, 'back/transcripts'))).toHaveLength(9);
    writeFileSync(path.join(root, 'back/histmark.json'), readFileSync(path.join(REPO, 'samples/histmark.json')));
    expect(runCli(['lint', 'back'], root)).toMatchObject({ status: 0, stdout: 'No problems found.\n' });
  });

  it('reports what has no Histmark form with file:line:col and exits 1; a file that is not XML exits 2', () => {
    const root = tempWorkspace({
      'odd.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n<p>A <custom>word</custom>.</p></body></text></TEI>',
      'broken.xml': '<TEI>\n<p></TEI>',
    });
    const odd = runCli(['import', 'tei', 'odd.xml', '--out', 'out'], root);
    expect(odd).toMatchObject({ status: 1, stderr: 'odd.xml:2:6: warning: <custom> has no Histmark equivalent: its text is kept, the element is not\n' });
    expect(readFileSync(path.join(root, 'out/odd.hmd'), 'utf8')).toBe('\nA word.');
    const broken = runCli(['import', 'tei', 'broken.xml', '--out', 'out'], root);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.xml:2:\d+: error: not well-formed XML: /);
  });

  it('exit 2 without --out or files', () => {
    expect(runCli(['import', 'tei', 'x.xml'], REPO)).toMatchObject({ status: 2, stderr: 'histmark: import tei needs --out DIR.\nRun `histmark --help` for usage.\n' });
    expect(runCli(['import', 'tei', '--out', 'x'], REPO).status).toBe(2);
    expect(runCli(['import', 'tei', 'missing.xml', '--out', 'x'], REPO)).toMatchObject({ status: 2, stderr: 'histmark: missing.xml: no such file or folder.\n' });
  });
});
