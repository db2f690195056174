// Runs the bundled CLI (dist/cli.js, built by `npm run build`) as a child
// process, the way CI runs it, and makes throw-away workspaces on disk.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');
export const FIXTURES = path.resolve(__dirname, '../fixtures');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `asUser`: run under another uid, so that file permissions bind even when the tests run as root. */
export function runCli(args: string[], cwd = FIXTURES, env: NodeJS.ProcessEnv = {}, asUser?: number): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    ...(asUser === undefined ? {} : { uid: asUser, gid: asUser }),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];

/** A temporary folder holding `files` (relative paths; strings or raw bytes). */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'histmark-cli-'));
  temporary.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Removes every folder `tempWorkspace` made (call in `afterAll`). */
export function removeTempWorkspaces(): void {
  for (const root of temporary.splice(0)) rmSync(root, { recursive: true, force: true });
}

export interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

export function lintJson(args: string[], cwd = FIXTURES): JsonDiagnostic[] {
  const run = runCli(['lint', ...args, '--format', 'json'], cwd);
  if (run.stderr !== '') throw new Error(run.stderr);
  return JSON.parse(run.stdout) as JsonDiagnostic[];
}
