// Helpers for model tests: a workspace held in memory (`memoryFileSystem`),
// loaded the way the CLI and the server load one, and its diagnostics written
// compactly as `line:character-line:character severity code` (0-based, UTF-16,
// as LSP counts) so that expectations read like the fixture.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diagnoseConfig, diagnoseDocument } from '../../server/src/features/diagnostics';
import type { HmDiagnostic } from '../../server/src/features/diagnostics/types';
import { memoryFileSystem } from '../../server/src/model/fileSystem';
import { type LoadResult, loadWorkspaceFolder, uriOfPath } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

/** Every file under `dir` (dot-folders included), by path relative to it with `/`. */
export function readFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
  }
  return files;
}

export interface LoadedWorkspace {
  index: WorkspaceIndex;
  loaded: LoadResult;
  /** The URI of a workspace-relative path. */
  uri(file: string): string;
}

/** Loads an in-memory workspace rooted at `/`. */
export async function loadWorkspace(files: Record<string, string>): Promise<LoadedWorkspace> {
  const index = new WorkspaceIndex();
  const loaded = await loadWorkspaceFolder(index, memoryFileSystem(files), '/');
  return { index, loaded, uri: (file) => uriOfPath(path.posix.join('/', file)) };
}

export function loadFixture(name: string): Promise<LoadedWorkspace> {
  return loadWorkspace(readFolder(path.join(FIXTURES, name)));
}

export function brief(d: Pick<HmDiagnostic, 'range' | 'severity' | 'code'>): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.severity} ${d.code}`;
}

/** Diagnostics of every loaded file (and histmark.json) that has some, by relative path. */
export function diagnosticsByFile(workspace: LoadedWorkspace, describe: (d: HmDiagnostic) => string = brief): Record<string, string[]> {
  const { index, loaded } = workspace;
  const out: Record<string, string[]> = {};
  if (loaded.configText !== undefined) {
    const config = diagnoseConfig(index, loaded.configText);
    if (config.length > 0) out['histmark.json'] = config.map(describe);
  }
  for (const file of loaded.documents) {
    const diagnostics = diagnoseDocument(index, uriOfPath(file));
    if (diagnostics.length > 0) out[file.slice(1)] = diagnostics.map(describe);
  }
  return out;
}

/** Diagnostics of a single document built from `files`, by relative path. */
export async function diagnose(files: Record<string, string>, file: string): Promise<string[]> {
  const workspace = await loadWorkspace(files);
  return diagnoseDocument(workspace.index, workspace.uri(file)).map(brief);
}
