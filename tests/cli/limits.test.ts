// Hostile inputs at the command line (issue 8): a flood of diagnostics,
// related information of many duplicates, special and oversized files,
// links out of the workspace, a closed output pipe. Run as a child process.

import { execFileSync, spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

describe('a flood of diagnostics', () => {
  it('4 MB of `{@` gives the first 1,000 HM010 and one summary, in every format', () => {
    const root = tempWorkspace({ 'flood.hmd': '{@'.repeat(2 * 1024 * 1024) });
    const json = runCli(['lint', '.', '--format', 'json'], root);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(1);
    const diagnostics = JSON.parse(json.stdout) as { message: string }[];
    expect(diagnostics).toHaveLength(1001);
    expect(diagnostics.at(-1)!.message).toBe('… and 2,096,152 more HM010 in this file, from here on: only the first 1,000 are reported.');
    const text = runCli(['lint', '.'], root);
    expect(text.stdout.split('\n').at(-2)).toBe('1001 problems in 1 file (1001 errors, 0 warnings, 0 information, 0 hints)');
  }, 120_000);
});

describe('a hostile histmark.json', () => {
  it('200,000 levels of nesting are one HM012, and the documents are linted with the defaults', () => {
    const root = tempWorkspace({ 'histmark.json': '['.repeat(200_000), 'a.hmd': 'He said "we will not yield".\n' });
    const run = runCli(['lint', '.'], root);
    expect(run).toEqual({
      status: 1,
      stdout: [
        'a.hmd:1:9 warning HM001 Quotation “we will not yield” has no attribution: add {@id}, {@?} or {~} directly after the closing mark.',
        'histmark.json:1:101 error HM012 histmark.json nests more than 100 levels deep (on line 1); the defaults apply.',
        '2 problems in 2 files (1 error, 1 warning, 0 information, 0 hints)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});

describe('many duplicates', () => {
  it('5,042 definitions of one id and 3,605 entities sharing one alias are linted (each diagnostic links 20 others)', () => {
    const root = tempWorkspace({
      'ids.hmd': Array.from({ length: 5042 }, (_, i) => `@person a: X${i}\n`).join(''),
      'aliases.hmd': Array.from({ length: 3605 }, (_, i) => `@person p${i}: Name${i}\n  aka: Shared\n`).join(''),
    });
    const run = runCli(['lint', '.', '--format', 'sarif'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout).runs[0].results as { ruleId: string }[];
    expect(results.filter((r) => r.ruleId === 'HM003')).toHaveLength(1001);
    expect(results.filter((r) => r.ruleId === 'HM008')).toHaveLength(1001);
  }, 60_000);
});

describe('files that are not read', () => {
  const OK = { 'ok.hmd': 'He said "we will not yield".\n' };
  const HM001 = 'ok.hmd:1:9 warning HM001';

  it('a .hmd that is a FIFO is skipped with a message, and the rest is linted (no hang)', () => {
    const root = tempWorkspace(OK);
    execFileSync('mkfifo', [path.join(root, 'pipe.hmd')]);
    const run = runCli(['lint', '.'], root);
    expect(run.stderr).toBe('histmark: pipe.hmd: not a regular file (a pipe, device or socket): skipped.\n');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(HM001);
  });

  it('the exports read as lint does: a FIFO is skipped with a message, no hang', () => {
    const root = tempWorkspace(OK);
    execFileSync('mkfifo', [path.join(root, 'pipe.hmd')]);
    for (const args of [['export', 'tei', '.', '--out', 'tei'], ['export', 'network', '.', '--out', 'net.gexf']]) {
      const run = runCli(args, root);
      expect(run.stderr).toContain('histmark: pipe.hmd: not a regular file (a pipe, device or socket): skipped.\n');
      expect(run.status).toBe(2);
    }
  });

  it('a .hmd link to /dev/zero is skipped, not read until memory runs out', () => {
    const root = tempWorkspace(OK);
    symlinkSync('/dev/zero', path.join(root, 'zero.hmd'));
    const run = runCli(['lint', '.'], root);
    // /dev/zero is outside the workspace, and no regular file either.
    expect(run.stderr).toBe('histmark: zero.hmd: a link to a file outside the workspace: not followed.\n');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(HM001);
  });

  it('a file larger than maxFileSize is skipped with a message that says how to raise it', () => {
    const root = tempWorkspace({ ...OK, 'histmark.json': '{ "maxFileSize": "1KB" }', 'big.hmd': `${'word '.repeat(300)}\n` });
    const run = runCli(['lint', '.'], root);
    expect(run.stderr).toBe('histmark: big.hmd: larger than 1 KB (1,501 bytes): skipped; raise "maxFileSize" in histmark.json to read it.\n');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(HM001);
  });

  it('a .hmd link out of the workspace is not followed, and its text is never quoted', () => {
    const outside = tempWorkspace({ 'secret.hmd': 'My password is "correct horse battery staple".\n' });
    const root = tempWorkspace(OK);
    symlinkSync(path.join(outside, 'secret.hmd'), path.join(root, 'link.hmd'));
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = runCli(['lint', '.', '--format', format], root);
      expect(run.stderr).toBe('histmark: link.hmd: a link to a file outside the workspace: not followed.\n');
      expect(run.status).toBe(2);
      expect(run.stdout).not.toContain('horse');
      expect(run.stdout).toContain('ok.hmd');
    }
    // Given as a path, it is not followed either.
    expect(runCli(['lint', 'link.hmd'], root).stderr).toBe('histmark: link.hmd: a link to a file outside the workspace: not followed.\n');
  });

  it('a .hmd link to another file of the workspace is read', () => {
    const root = tempWorkspace({ 'letters/a.hmd': 'He said "we will not yield".\n' });
    symlinkSync(path.join(root, 'letters/a.hmd'), path.join(root, 'copy.hmd'));
    const run = runCli(['lint', '.'], root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('copy.hmd:1:9 warning HM001');
  });

  it('on worker threads too', () => {
    const root = tempWorkspace({ ...OK, 'b.hmd': 'Text.\n', 'c.hmd': 'Text.\n' });
    execFileSync('mkfifo', [path.join(root, 'pipe.hmd')]);
    symlinkSync('/dev/zero', path.join(root, 'zero.hmd'));
    const run = runCli(['lint', '.'], root, { HISTMARK_LINT_WORKERS: '2' });
    expect(run.stderr.split('\n').sort()).toEqual([
      '',
      'histmark: pipe.hmd: not a regular file (a pipe, device or socket): skipped.',
      'histmark: zero.hmd: a link to a file outside the workspace: not followed.',
    ]);
    expect(run.stdout).toContain(HM001);
  });
});

describe('a reader that closes the pipe early', () => {
  it('`histmark lint | head -1` ends quietly with the lint status', () => {
    // About 1 MB of output: far more than a pipe holds, so the CLI is still writing when head exits.
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.hmd`, '{@'.repeat(1000)]));
    const root = tempWorkspace(files);
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" lint . --format ${format} | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('1\n');
    }
  }, 60_000);

  it('with stderr in the same pipe, a message written after the reader left is dropped, and the status stays', () => {
    const root = tempWorkspace(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.hmd`, '{@'.repeat(1000)])));
    execFileSync('mkfifo', [path.join(root, 'pipe.hmd')]);
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" lint . 2>&1 | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('2\n');
  });
});
