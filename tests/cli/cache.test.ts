// `histmark lint --cache`: after every kind of change, a cached run prints
// exactly what a full lint prints, and re-diagnoses only what the change
// can reach (HISTMARK_DEBUG_CACHE=1 says how many documents it diagnosed).

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI, removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

const REGISTRY = `# People

@person hoxha: Enver Hoxha
  aka: Hoxha
  wikidata: Q1

@org pla: Party of Labour
  aka: PLA
`;

/** A second registry, so that a change in the first reaches it. */
const MORE_PEOPLE = `@person shehu: Mehmet Shehu
  member-of: @pla
  wikidata: Q2
`;

function workspace(): string {
  const files: Record<string, string> = {
    'registry.hmd': REGISTRY,
    'more-people.hmd': MORE_PEOPLE,
    'letters/a.hmd': 'A letter from [Enver Hoxha]{@hoxha} to the PLA.\n',
    'letters/b.hmd': 'Here @shehu writes, and Khrushchev answers.\n',
    'letters/c.hmd': 'Tito and Khrushchev met; "we shall never yield" was said.\n',
  };
  for (let i = 0; i < 12; i++) files[`more/d${i}.hmd`] = `Plain letter ${i} about the harvest.\n`;
  return tempWorkspace(files);
}

const CACHE = '.histmark-cache';

function lintJson(root: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return runCli(['lint', '--format', 'json', ...args], root, { HISTMARK_DEBUG_CACHE: '1', ...env });
}

/** The cached run, checked against a full lint; how many documents it diagnosed. */
function cachedRun(root: string, env: NodeJS.ProcessEnv = {}): { stdout: string; diagnosed: number; stderr: string } {
  const cached = lintJson(root, ['--cache'], env);
  const full = lintJson(root, [], env);
  expect(cached.stdout).toBe(full.stdout);
  expect(cached.status).toBe(full.status);
  const debug = /cache: (\d+) of \d+ documents diagnosed/.exec(cached.stderr);
  expect(debug).not.toBeNull();
  return { stdout: cached.stdout, diagnosed: Number(debug![1]), stderr: cached.stderr.replace(/^histmark: cache: .*\n/gm, '') };
}

const codesIn = (stdout: string, file: string) => (JSON.parse(stdout) as { file: string; code: string }[]).filter((d) => d.file === file).map((d) => d.code);

describe('lint --cache gives the output of a full lint', () => {
  let root: string;
  const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).toContain(from);
    write(file, text.replace(from, to));
  };
  /** An hour ago: old enough that a file's size and time vouch for it, and it is not hashed again. */
  const past = new Date(Date.now() - 3_600_000);
  const age = () => {
    const files = ['registry.hmd', 'more-people.hmd', 'letters/a.hmd', 'letters/b.hmd', 'letters/c.hmd', ...Array.from({ length: 12 }, (_, i) => `more/d${i}.hmd`)];
    for (const file of files) utimesSync(path.join(root, file), past, past);
  };

  beforeEach(() => {
    root = workspace();
    expect(cachedRun(root).diagnosed).toBe(17);
  });

  it('re-diagnoses nothing when nothing changed, one document after a one-file edit', () => {
    expect(cachedRun(root).diagnosed).toBe(0);
    edit('letters/c.hmd', '" was said', '"{@hoxha} was said');
    const run = cachedRun(root);
    expect(run.diagnosed).toBe(1);
    expect(codesIn(run.stdout, 'letters/c.hmd')).not.toContain('HM001');
  });

  it('after deleting and renaming files', () => {
    rmSync(path.join(root, 'letters/c.hmd'));
    renameSync(path.join(root, 'letters/b.hmd'), path.join(root, 'letters/b2.hmd'));
    const run = cachedRun(root);
    expect(run.diagnosed).toBe(1);
    expect(codesIn(run.stdout, 'letters/b2.hmd')).toEqual([]);
    expect(run.stdout).not.toContain('letters/c.hmd');
  });

  it('renaming an id in the registry: HM002 where it is mentioned', () => {
    edit('registry.hmd', '@person hoxha:', '@person enver:');
    expect(codesIn(cachedRun(root).stdout, 'letters/a.hmd')).toContain('HM002');
  });

  it('deleting the registry', () => {
    rmSync(path.join(root, 'registry.hmd'));
    expect(codesIn(cachedRun(root).stdout, 'letters/a.hmd')).toEqual(['HM002']);
  });

  it('an aka added: HM005 elsewhere, and only the documents holding its first word are diagnosed', () => {
    edit('registry.hmd', '@org pla: Party of Labour', '@person khrushchev: Nikita Khrushchev\n  aka: Khrushchev\n\n@org pla: Party of Labour');
    const run = cachedRun(root);
    expect(codesIn(run.stdout, 'letters/c.hmd')).toEqual(['HM005', 'HM001']);
    expect(codesIn(run.stdout, 'letters/b.hmd')).toEqual(['HM005']);
    // The registry, b and c.
    expect(run.diagnosed).toBe(3);
  });

  it('a kind changed: HM013 on a relation naming it', () => {
    edit('registry.hmd', '@org pla:', '@place pla:');
    expect(codesIn(cachedRun(root).stdout, 'more-people.hmd')).toEqual(['HM013']);
  });

  it('an authority id on a second entity: HM014 on both', () => {
    edit('registry.hmd', 'wikidata: Q1', 'wikidata: Q2');
    const run = cachedRun(root);
    expect(codesIn(run.stdout, 'registry.hmd')).toEqual(['HM014']);
    expect(codesIn(run.stdout, 'more-people.hmd')).toEqual(['HM014']);
  });

  it('an alias claimed by another entity: HM008, and the name is no longer suggested', () => {
    write('letters/e.hmd', 'Only Hoxha here.\n');
    expect(codesIn(cachedRun(root).stdout, 'letters/e.hmd')).toEqual(['HM005']);
    edit('more-people.hmd', '  member-of: @pla', '  aka: Hoxha\n  member-of: @pla');
    const run = cachedRun(root);
    expect(codesIn(run.stdout, 'registry.hmd')).toContain('HM008');
    expect(codesIn(run.stdout, 'letters/e.hmd')).toEqual([]);
  });

  it('a display name changed: the HM005 messages that show it', () => {
    write('letters/e.hmd', 'Only Hoxha here.\n');
    cachedRun(root);
    edit('registry.hmd', 'Enver Hoxha', 'Enver Halil Hoxha');
    expect(cachedRun(root).stdout).toContain('names @hoxha (Enver Halil Hoxha)');
  });

  it('histmark.json edited', () => {
    write('histmark.json', '{ "rules": { "HM005": "off" } }\n');
    const run = cachedRun(root);
    expect(run.stdout).not.toContain('HM005');
    expect(run.diagnosed).toBe(17);
  });

  it('another Histmark version wrote the cache: it is not trusted', () => {
    const file = path.join(root, CACHE);
    const cache = readFileSync(file, 'utf8');
    const old = cache.replace(/"version":"[^"]*"/, '"version":"0.0.1-old"').replace(/("HM0\d\d","\w+",)"(?:[^"\\]|\\.)*"/g, '$1"STALE"');
    expect(old).toContain('"STALE"');
    writeFileSync(file, old);
    const run = cachedRun(root);
    expect(run.stdout).not.toContain('STALE');
    expect(run.diagnosed).toBe(17);
    expect(run.stderr).toBe('');
  });

  it.each([
    ['garbage', () => '\u0000\u0001 not json at all'],
    ['truncated JSON', (cache: string) => cache.slice(0, cache.length / 2)],
    ['JSON of another shape', (cache: string) => cache.replace(/"workspaces":\d+/, '"workspaces":[1,2,3]')],
    ['a workspace line of another shape', (cache: string) => cache.replace(/"files":\d+/, '"files":"all"')],
    ['a diagnostic at a negative line', (cache: string) => cache.replace(/("HM0\d\d","\w+","(?:[^"\\]|\\.)*",)\d+/, '$1-1')],
    ['a reference to an id not listed', (cache: string) => cache.replace(/,\[\[\d+/, ',[[99999')],
    ['a record missing', (cache: string) => cache.replace(/\n[^\n]*\n$/, '\n')],
    ['a line after the last record', (cache: string) => `${cache}["x.hmd","h",1,1,1,[],[],[],null]\n`],
    ['valid JSON of another tool', () => '[{"file":"a.hmd"}]'],
  ])('a corrupt cache file (%s) is ignored with a note', (_, damage) => {
    const file = path.join(root, CACHE);
    const cache = readFileSync(file, 'utf8');
    writeFileSync(file, damage(cache));
    const run = cachedRun(root);
    expect(run.stderr).toMatch(/^histmark: ignoring the cache \.histmark-cache: .*; linting everything\.\n$/);
    // What it wrote in its place is trusted again.
    expect(cachedRun(root)).toMatchObject({ diagnosed: 0, stderr: '' });
  });

  it('on worker threads', () => {
    const workers = { HISTMARK_LINT_WORKERS: '3' };
    expect(cachedRun(root, workers).diagnosed).toBe(0);
    edit('registry.hmd', '@person hoxha:', '@person enver:');
    const run = cachedRun(root, workers);
    expect(codesIn(run.stdout, 'letters/a.hmd')).toContain('HM002');
    expect(run.diagnosed).toBe(2);
  });

  it('skips hashing the files whose size and (old enough) modification time match', () => {
    age();
    cachedRun(root);
    edit('letters/c.hmd', 'Tito', 'Josip Tito');
    expect(lintJson(root, ['--cache']).stderr).toBe('histmark: cache: 1 of 17 documents diagnosed, 1 hashed (.).\n');
  });

  it('leaves the cache file alone when a run found every file as it was, and rewrites it after an edit', () => {
    age();
    cachedRun(root);
    const cacheFile = path.join(root, CACHE);
    const written = readFileSync(cacheFile, 'utf8');
    // A stale modification time would be rewritten by any save: it shows whether the run wrote the file.
    utimesSync(cacheFile, past, past);
    const stale = statSync(cacheFile).mtimeMs;
    expect(lintJson(root, ['--cache']).stderr).toBe('histmark: cache: 0 of 17 documents diagnosed, 0 hashed (.).\n');
    expect(statSync(cacheFile).mtimeMs).toBe(stale);
    expect(readFileSync(cacheFile, 'utf8')).toBe(written);
    edit('letters/c.hmd', 'Tito', 'Josip Tito');
    lintJson(root, ['--cache']);
    expect(statSync(cacheFile).mtimeMs).toBeGreaterThan(stale);
    expect(readFileSync(cacheFile, 'utf8')).not.toBe(written);
  });

  it('writes the lines of the documents a run left alone back as it read them', () => {
    // Not hashed again, their records stay as read.
    age();
    cachedRun(root);
    const cacheFile = path.join(root, CACHE);
    // A record's line spaced out, the same JSON: written back as read, it stays spaced out.
    const spaced = (line: string) => (line.startsWith('["more/d0.hmd",') ? line.replace(/,/g, ', ') : line);
    const before = readFileSync(cacheFile, 'utf8').split('\n').map(spaced);
    writeFileSync(cacheFile, before.join('\n'));
    edit('letters/c.hmd', 'Tito', 'Josip Tito');
    expect(cachedRun(root).diagnosed).toBe(1);
    const after = readFileSync(cacheFile, 'utf8').split('\n');
    // The head, the workspace's line, the 17 records and the final line break.
    expect(after.length).toBe(20);
    expect(after).toContain(before.find((line) => line.startsWith('["more/d0.hmd", ')));
    const rewritten = after.filter((line) => !before.includes(line));
    expect(rewritten).toHaveLength(1);
    expect(rewritten[0]).toMatch(/^\["letters\/c\.hmd",/);
  });

  it('a document a change reaches outside the shard or paths linted is diagnosed again later', () => {
    edit('registry.hmd', '@person hoxha:', '@person enver:');
    // Only the registry: a.hmd, which the rename reaches, is not diagnosed now…
    expect(lintJson(root, ['--cache', 'registry.hmd']).stdout).toBe(lintJson(root, ['registry.hmd']).stdout);
    // …nor in a shard without it…
    const shard = ['1/2', '2/2'].find((s) => !lintJson(root, ['--shard', s]).stdout.includes('letters/a.hmd'))!;
    expect(lintJson(root, ['--cache', '--shard', shard]).stdout).toBe(lintJson(root, ['--shard', shard]).stdout);
    // …so the whole workspace, later, shows its HM002.
    expect(codesIn(cachedRun(root).stdout, 'letters/a.hmd')).toContain('HM002');
  });

  it('with --changed-since', () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: root });
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first');
    edit('registry.hmd', '@person hoxha:', '@person enver:');
    const args = ['--changed-since', 'HEAD'];
    const uncached = lintJson(root, args).stdout;
    expect(codesIn(uncached, 'letters/a.hmd')).toContain('HM002');
    expect(lintJson(root, [...args, '--cache']).stdout).toBe(uncached);
  });

  it('two processes sharing one cache location, at once: both right', async () => {
    edit('registry.hmd', '@person hoxha:', '@person enver:');
    const full = lintJson(root).stdout;
    const runs = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', 'shared/cache.json'], { cwd: root });
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
            child.on('error', reject);
            child.on('exit', () => resolve(out));
          }),
      ),
    );
    expect(runs).toEqual([full, full]);
    const after = lintJson(root, ['--cache', '--cache-location', 'shared/cache.json']);
    expect(after.stdout).toBe(full);
    expect(after.stderr).toMatch(/^histmark: cache: 0 of 17 documents diagnosed/);
  });
});

describe('cache location', () => {
  it('is node_modules/.cache/histmark/ when the working folder has node_modules, else .histmark-cache', () => {
    const root = workspace();
    lintJson(root, ['--cache']);
    expect(readFileSync(path.join(root, CACHE), 'utf8')).toContain('"format":"histmark-lint-cache"');
    const withModules = tempWorkspace({ 'node_modules/.keep': '', 'a.hmd': 'Text.\n' });
    lintJson(withModules, ['--cache']);
    expect(readFileSync(path.join(withModules, 'node_modules/.cache/histmark/lint-cache.json'), 'utf8')).toContain('"format"');
  });

  it('a cache that cannot be written is a note, not a failed lint', () => {
    const root = workspace();
    const full = lintJson(root);
    const run = lintJson(root, ['--cache', '--cache-location', 'registry.hmd/lint-cache.json']);
    expect(run.stdout).toBe(full.stdout);
    expect(run.status).toBe(full.status);
    expect(run.stderr).toMatch(/^histmark: cannot write the cache registry\.hmd\/lint-cache\.json: .*\n/m);
  });

  it('--cache-location needs --cache', () => {
    expect(runCli(['lint', '--cache-location', 'x'], workspace())).toMatchObject({ status: 2, stderr: 'histmark: --cache-location goes with --cache.\nRun `histmark --help` for usage.\n' });
  });
});
