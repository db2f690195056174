// `histmark lint --changed-since REF` in a temporary git repository: the
// documents changed since REF (committed, unstaged or untracked) and those a
// registry change reaches are linted, and only those.

import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type JsonDiagnostic, removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

// Every document has an unattributed quotation (HM001), so that each one linted shows in the output.
const QUOTE = '"an unattributed quotation here"';

function repository(): { root: string; git: (...args: string[]) => string; write: (file: string, text: string) => void } {
  const root = tempWorkspace({
    'registry/people.hmd': `@person hoxha: Enver Hoxha\n  aka: Hoxha\n\n${QUOTE}\n`,
    'registry/parties.hmd': `@org pla: Party of Labour\n\n${QUOTE}\n`,
    'letters/edited.hmd': `A letter. ${QUOTE}\n`,
    'letters/mentions-hoxha.hmd': `From @hoxha. ${QUOTE}\n`,
    'letters/names-hoxha.hmd': `Hoxha wrote. ${QUOTE}\n`,
    'letters/mentions-pla.hmd': `To the @pla. ${QUOTE}\n`,
    'letters/untouched.hmd': `Nothing of note. ${QUOTE}\n`,
  });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: root, encoding: 'utf8' });
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'first');
  return { root, git, write: (file, text) => writeFileSync(path.join(root, file), text) };
}

function changedSince(root: string, ref: string): { files: string[]; diagnostics: JsonDiagnostic[] } {
  const run = runCli(['lint', '--format', 'json', '--changed-since', ref], root);
  expect(run.stderr).toBe('');
  const diagnostics = JSON.parse(run.stdout) as JsonDiagnostic[];
  return { files: [...new Set(diagnostics.map((d) => d.file))], diagnostics };
}

function fullLintOf(root: string, files: string[]): JsonDiagnostic[] {
  return (JSON.parse(runCli(['lint', '--format', 'json'], root).stdout) as JsonDiagnostic[]).filter((d) => files.includes(d.file));
}

describe('lint --changed-since REF', () => {
  it('lints nothing when nothing changed', () => {
    const { root } = repository();
    expect(changedSince(root, 'HEAD').files).toEqual([]);
  });

  it('lints the edited, the untracked, and the documents a registry change reaches', () => {
    const { root, write, git } = repository();
    write('letters/edited.hmd', `A longer letter. ${QUOTE}\n`);
    write('letters/new.hmd', `A new letter. ${QUOTE}\n`);
    // The id is renamed (HM002 in mentions-hoxha) and the names go with it (HM005 in names-hoxha).
    write('registry/people.hmd', `@person enver: Enver Hoxha\n  aka: Hoxha\n\n${QUOTE}\n`);
    const expected = ['letters/edited.hmd', 'letters/mentions-hoxha.hmd', 'letters/names-hoxha.hmd', 'letters/new.hmd', 'registry/people.hmd'];
    const run = changedSince(root, 'HEAD');
    expect(run.files).toEqual(expected);
    expect(run.diagnostics).toEqual(fullLintOf(root, expected));
    expect(run.diagnostics.find((d) => d.file === 'letters/mentions-hoxha.hmd' && d.code === 'HM002')).toBeDefined();
    // The same once committed, against the commit before.
    git('add', '.');
    git('commit', '--quiet', '-m', 'second');
    expect(changedSince(root, 'HEAD~1').files).toEqual(expected);
    expect(changedSince(root, 'HEAD').files).toEqual([]);
  });

  it('a deleted registry reaches the documents that mention its entities', () => {
    const { root } = repository();
    rmSync(path.join(root, 'registry/parties.hmd'));
    const run = changedSince(root, 'HEAD');
    expect(run.files).toEqual(['letters/mentions-pla.hmd']);
    expect(run.diagnostics.map((d) => d.code)).toEqual(['HM002', 'HM001']);
  });

  it('a changed histmark.json lints everything', () => {
    const { root } = repository();
    writeFileSync(path.join(root, 'histmark.json'), '{ "rules": { "HM005": "off" } }\n');
    expect(changedSince(root, 'HEAD').files).toHaveLength(7);
  });

  it('outside a git repository, or with an unknown revision: a clear message, exit 2', () => {
    const outside = tempWorkspace({ 'a.hmd': 'Text.\n' });
    const notRepo = runCli(['lint', '--changed-since', 'HEAD'], outside);
    expect(notRepo.status).toBe(2);
    expect(notRepo.stderr).toMatch(/^histmark: --changed-since needs a git repository, and .* is not in one\.\n$/);
    const { root } = repository();
    for (const ref of ['no-such-branch', '--output=x']) {
      const run = runCli(['lint', '--changed-since', ref], root);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^histmark: --changed-since(: ".*" is not a known git revision\.| takes a git revision, not ".*"\.)\n$/);
    }
  });
});
