// `histmark lint --shard i/n`: the shards of a workspace are disjoint and
// together report exactly what a full lint reports; SARIF tells them apart.

import { afterAll, describe, expect, it } from 'vitest';
import { type JsonDiagnostic, removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

function archive(): string {
  const files: Record<string, string> = {
    // An unknown key: one HM012, reported by shard 1.
    'histmark.json': '{ "colour": "red" }\n',
    'registry/people.hmd': '@person hoxha: Enver Hoxha\n  aka: Hoxha\n\n@person hoxha: Enver Hoxha again\n',
    'registry/parties.hmd': '@org pla: Party of Labour\n  aka: PLA\n  frobnicate: yes\n',
  };
  // Every transcript has a diagnostic of its own, some of them through the registry.
  for (let i = 0; i < 30; i++) {
    files[`letters/${String(i).padStart(2, '0')}.hmd`] = i % 3 === 0 ? `Letter ${i}: Hoxha wrote to the PLA.\n` : i % 3 === 1 ? `Letter ${i} to @nobody${i}.\n` : `Letter ${i}: "an unattributed quotation here".\n`;
  }
  return tempWorkspace(files);
}

function lint(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(['lint', '--format', 'json', ...args], root, env);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as JsonDiagnostic[];
}

const byFile = (a: JsonDiagnostic, b: JsonDiagnostic) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

describe('lint --shard i/n', () => {
  const root = archive();
  const full = lint(root, []);

  it.each([1, 2, 3, 7])('n = %i: the shards are disjoint and their union is the full lint', (n) => {
    const shards = Array.from({ length: n }, (_, i) => lint(root, ['--shard', `${i + 1}/${n}`]));
    const files = shards.map((s) => new Set(s.map((d) => d.file)));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect([...files[i]].filter((f) => files[j].has(f))).toEqual([]);
    expect(shards.flat().sort(byFile)).toEqual(full);
    expect(shards[0].filter((d) => d.code === 'HM012')).toHaveLength(1);
    if (n > 1) expect(shards.slice(1).flat().filter((d) => d.code === 'HM012')).toEqual([]);
  });

  it('is the same on worker threads and with the cache', () => {
    const shard = lint(root, ['--shard', '2/3']);
    expect(lint(root, ['--shard', '2/3'], { HISTMARK_LINT_WORKERS: '2' })).toEqual(shard);
    // Workers that hold no transcript between their passes read each one again.
    expect(lint(root, ['--shard', '2/3'], { HISTMARK_LINT_WORKERS: '2', HISTMARK_LINT_HELD_CHARACTERS: '0' })).toEqual(shard);
    expect(lint(root, ['--shard', '2/3', '--cache'])).toEqual(shard);
    expect(lint(root, ['--shard', '2/3', '--cache'])).toEqual(shard);
  });

  it('gives each shard its own SARIF automationDetails id, and none without --shard', () => {
    const idOf = (args: string[]) => JSON.parse(runCli(['lint', '--format', 'sarif', ...args], root).stdout).runs[0].automationDetails?.id;
    expect(['1/3', '2/3', '3/3'].map((s) => idOf(['--shard', s]))).toEqual(['histmark/shard-1-of-3/', 'histmark/shard-2-of-3/', 'histmark/shard-3-of-3/']);
    expect(idOf([])).toBeUndefined();
  });

  it.each(['0/2', '3/2', '1', 'a/b', '1/0'])('--shard %s is a usage problem', (value) => {
    expect(runCli(['lint', '--shard', value], root)).toEqual({
      status: 2,
      stdout: '',
      stderr: `histmark: --shard takes I/N with 1 ≤ I ≤ N (e.g. 2/4), not "${value}".\nRun \`histmark --help\` for usage.\n`,
    });
  });
});
