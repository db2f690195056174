// Exit statuses, usage and I/O problems, file arguments and large workspaces
// of `histmark` (SPEC.md section 12), run as a child process.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, lintJson, removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

describe('exit status', () => {
  it('is 1 when there is an error-level diagnostic', () => {
    expect(runCli(['lint', 'diagnostics/HM002']).status).toBe(1);
  });

  it('is 0 with only warnings and information', () => {
    expect(runCli(['lint', 'diagnostics/HM001']).status).toBe(0);
    expect(runCli(['lint', 'diagnostics/HM005']).status).toBe(0);
  });

  it('is 1 with more than --max-warnings N warnings, 0 with exactly N', () => {
    const run = runCli(['lint', 'diagnostics/HM001', '--max-warnings', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('histmark: 5 warnings, more than --max-warnings 0.\n');
    expect(runCli(['lint', 'diagnostics/HM001', '--max-warnings=5']).status).toBe(0);
    expect(runCli(['lint', 'diagnostics/HM001', '--max-warnings', '4']).status).toBe(1);
  });

  it('is 1 when histmark.json is broken: one HM012 naming the line, and the defaults apply', () => {
    const run = runCli(['lint', 'config/broken-json']);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'config/broken-json/drafts/draft.hmd:1:44 warning HM001 Quotation “another unattributed quotation here” has no attribution: add {@id}, {@?} or {~} directly after the closing mark.',
      'config/broken-json/histmark.json:4:3 error HM012 histmark.json is not valid JSON (comma expected on line 4); the defaults apply.',
      'config/broken-json/letter.hmd:1:9 warning HM001 Quotation “we will not yield” has no attribution: add {@id}, {@?} or {~} directly after the closing mark.',
      '3 problems in 3 files (1 error, 2 warnings, 0 information, 0 hints)',
      '',
    ]);
  });

  it('is 0 when nothing is found', () => {
    expect(runCli(['lint', 'diagnostics/HM001/near-miss.hmd'])).toEqual({ status: 0, stdout: 'No problems found.\n', stderr: '' });
  });

  it('lints the working folder when no path is given', () => {
    const run = runCli(['lint'], path.join(FIXTURES, 'diagnostics/HM004'));
    expect(run.stdout.split('\n').at(-2)).toBe('3 problems in 1 file (3 errors, 0 warnings, 0 information, 0 hints)');
    expect(run.status).toBe(1);
  });
});

describe('usage problems exit 2 with a message and no stack trace', () => {
  it.each([
    [['lint', '--frobnicate'], 'histmark: Unknown option --frobnicate.\nRun `histmark --help` for usage.\n'],
    [['lint', '--format', 'xml'], 'histmark: Unknown format "xml": use text, json, sarif, github.\nRun `histmark --help` for usage.\n'],
    [['lint', '--format'], 'histmark: --format needs a value.\nRun `histmark --help` for usage.\n'],
    [['lint', '--max-warnings', 'many'], 'histmark: --max-warnings takes a whole number, not "many".\nRun `histmark --help` for usage.\n'],
    [['check'], 'histmark: Unknown command "check".\nRun `histmark --help` for usage.\n'],
  ])('%j', (args, stderr) => {
    const run = runCli(args);
    expect(run).toEqual({ status: 2, stdout: '', stderr });
  });

  it('a path that does not exist', () => {
    const run = runCli(['lint', 'no/such/folder', 'diagnostics/HM001']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('histmark: no/such/folder: no such file or folder.\n');
    // What could be read is still reported.
    expect(run.stdout).toContain('diagnostics/HM001/fires.hmd:2:33 warning HM001');
  });

  it('no command: prints the help, as a usage problem', () => {
    const run = runCli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Usage:');
  });
});

describe('--help and --version', () => {
  it('--help prints usage and exits 0, also after lint', () => {
    for (const args of [['--help'], ['-h'], ['lint', '--help']]) {
      const run = runCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('histmark lint [paths…] [--format text|json|sarif|github] [--max-warnings N]');
    }
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('files that cannot be read', () => {
  it('a file that is not UTF-8 is reported on stderr, exit 2, and the rest is linted', () => {
    const root = tempWorkspace({ 'latin1.hmd': Buffer.from('Caf\xe9 "une citation sans auteur"\n', 'latin1'), 'ok.hmd': 'He said "we will not yield".\n' });
    const run = runCli(['lint', '.'], root);
    expect(run.status).toBe(2);
    // One line that says what to do: no stack trace.
    expect(run.stderr).toBe('histmark: latin1.hmd: not valid UTF-8: save the file as UTF-8.\n');
    expect(run.stdout).toContain('ok.hmd:1:9 warning HM001');
  });

  // Root reads a file whatever its mode: then this case cannot be made, and
  // the next test (a read that fails for another reason) stands in for it.
  it('a file without read permission is reported on stderr, exit 2', () => {
    const unreadable = tempWorkspace({ 'secret.hmd': 'Text.\n', 'ok.hmd': 'Text.\n' });
    chmodSync(unreadable, 0o755);
    chmodSync(path.join(unreadable, 'secret.hmd'), 0o000);
    // Root reads any file: as root, lint as the unprivileged `nobody` (65534).
    const run = runCli(['lint', '.'], unreadable, {}, process.getuid?.() === 0 ? 65534 : undefined);
    expect(run).toEqual({ status: 2, stdout: 'No problems found.\n', stderr: 'histmark: secret.hmd: permission denied.\n' });
  });

  it('a .hmd that cannot be read as a file (a link to a folder) is reported on stderr, exit 2', () => {
    const root = tempWorkspace({ 'ok.hmd': 'Text.\n' });
    mkdirSync(path.join(root, 'target'));
    symlinkSync(path.join(root, 'target'), path.join(root, 'folder.hmd'));
    const run = runCli(['lint', '.'], root);
    expect(run).toEqual({ status: 2, stdout: 'No problems found.\n', stderr: 'histmark: folder.hmd: a folder, not a file.\n' });
  });
});

describe('a document Histmark fails on', () => {
  // The parser once threw on this (issue 8); whether or not it still does, the run survives it.
  it('costs only itself: no stack trace, the path is named if it fails, and the rest is linted', () => {
    const root = tempWorkspace({ 'bad.hmd': '@per<!-- -->son a: X\n', 'ok.hmd': 'He said "we will not yield".\n' });
    const run = runCli(['lint', '.'], root);
    expect(run.stderr).toBe('');
    expect(run.status).not.toBe(2);
    expect(run.stdout).toContain('ok.hmd:1:9 warning HM001');
    for (const line of run.stdout.split('\n').filter((l) => l.includes('internal error'))) expect(line).toMatch(/^bad\.hmd:1:1 error HM010 /);
  });
});

describe('a file given as a path', () => {
  it('is linted within the workspace of the nearest histmark.json above it, and only it is reported', () => {
    const all = lintJson(['config/valid/letters/letter.hmd']);
    // The registry in config/valid/registry/ is loaded (no HM002 for @tito), the config applies (HM001 is an error).
    expect(all.map((d) => `${d.file} ${d.severity} ${d.code}`)).toEqual([
      'config/valid/letters/letter.hmd error HM001',
      'config/valid/letters/letter.hmd hint HM006',
      'config/valid/letters/letter.hmd information HM002',
    ]);
  });

  // SPEC 12 leaves open which workspace a file belongs to when no histmark.json
  // is above it: we take the working folder (the default workspace) when the
  // file is inside it, so that a transcript's mentions resolve against the
  // registry elsewhere in the project.
  it('without a histmark.json, the working folder is its workspace', () => {
    const root = tempWorkspace({ 'registry/people.hmd': '@person tito: Josip Broz Tito\n@person tito: Twice\n', 'letters/a.hmd': '[The marshal]{@tito} wrote to @ghost.\n' });
    const run = runCli(['lint', 'letters/a.hmd', '--format', 'json'], root);
    expect(JSON.parse(run.stdout).map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual(['letters/a.hmd HM002']);
    expect(run.stderr).toBe('');
  });

  it('inside a folder also given, it is reported once', () => {
    const all = lintJson(['diagnostics/HM004', 'diagnostics/HM004/fires.hmd']);
    expect(all.map((d) => d.range.start.line)).toEqual([1, 4, 6]);
  });

  it('excluded by its workspace, it is reported as such', () => {
    const run = runCli(['lint', 'config/valid/drafts/draft.hmd']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('histmark: config/valid/drafts/draft.hmd: excluded by histmark.json, or in node_modules or a dot-folder.\n');
  });
});

describe('a large workspace', () => {
  it('lints 10,000 files without running out of file handles', () => {
    const root = tempWorkspace({ 'registry.hmd': '@person tito: Josip Broz Tito\n' });
    for (let d = 0; d < 100; d++) {
      mkdirSync(path.join(root, `box${d}`));
      for (let f = 0; f < 100; f++) writeFileSync(path.join(root, `box${d}`, `f${f}.hmd`), `[Tito]{@tito} wrote "we shall see"{@tito} to @ghost${f}.\n`);
    }
    // A low limit on open files (64) makes a leak of file handles fail fast.
    const run = spawnSync('sh', ['-c', `ulimit -n 64 && exec "${process.execPath}" "${CLI}" lint .`], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10_001);
    expect(lines.at(-1)).toBe('10000 problems in 10000 files (10000 errors, 0 warnings, 0 information, 0 hints)');
  }, 60_000);
});
