// `histmark lint [paths…]`: loads each workspace and collects diagnostics.
// A directory is a workspace root; a file is linted within the workspace of
// the nearest folder above it that has a histmark.json (else its own folder).

import * as path from 'node:path';
import { CONFIG_FILE } from '../model/config';
import type { WorkspaceFileSystem } from '../model/fileSystem';
import { loadWorkspaceFolder, uriOfPath } from '../model/loader';
import { WorkspaceIndex } from '../model/workspaceIndex';
import { diagnoseConfig, diagnoseDocument } from '../features/diagnostics';
import type { HmDiagnostic } from '../features/diagnostics/types';

export interface FileReport {
  /** Absolute path. */
  path: string;
  diagnostics: HmDiagnostic[];
}

export interface LintResult {
  reports: FileReport[];
  /** Paths that do not exist or could not be read, with the reason. */
  failures: { path: string; message: string }[];
}

async function exists(fileSystem: WorkspaceFileSystem, p: string): Promise<boolean> {
  try {
    await fileSystem.isDirectory(p);
    return true;
  } catch {
    return false;
  }
}

async function workspaceRootOf(fileSystem: WorkspaceFileSystem, file: string): Promise<string> {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (await exists(fileSystem, path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

export async function lint(fileSystem: WorkspaceFileSystem, targets: string[]): Promise<LintResult> {
  const result: LintResult = { reports: [], failures: [] };
  // Root → the files to report (undefined: all of them).
  const workspaces = new Map<string, Set<string> | undefined>();
  for (const target of targets) {
    let isDirectory: boolean;
    try {
      isDirectory = await fileSystem.isDirectory(target);
    } catch {
      result.failures.push({ path: target, message: 'no such file or folder.' });
      continue;
    }
    if (isDirectory) {
      workspaces.set(target, undefined);
    } else {
      const root = await workspaceRootOf(fileSystem, target);
      const selected = workspaces.has(root) ? workspaces.get(root) : new Set<string>();
      selected?.add(target);
      workspaces.set(root, selected);
    }
  }
  for (const [root, selected] of workspaces) {
    const index = new WorkspaceIndex();
    const loaded = await loadWorkspaceFolder(index, fileSystem, root);
    result.failures.push(...loaded.failures);
    if (loaded.configText !== undefined && !selected) {
      const diagnostics = diagnoseConfig(index, loaded.configText);
      if (diagnostics.length > 0) result.reports.push({ path: path.join(root, CONFIG_FILE), diagnostics });
    }
    for (const file of selected ?? loaded.documents) {
      if (selected && !loaded.documents.includes(file)) {
        if (file.endsWith('.hmd')) result.failures.push({ path: file, message: 'excluded by histmark.json, or in node_modules or a dot-folder.' });
        else result.failures.push({ path: file, message: 'not a Histmark document (.hmd).' });
        continue;
      }
      const diagnostics = diagnoseDocument(index, uriOfPath(file));
      if (diagnostics.length > 0) result.reports.push({ path: file, diagnostics });
    }
  }
  result.reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}
