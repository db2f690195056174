// `histmark lint [paths…]`: loads each workspace and collects diagnostics.
// A directory is a workspace root. A file inside a directory given is linted
// with it; any other file within the workspace of the nearest folder above it
// that has a histmark.json, else of the working folder (the default
// workspace, SPEC 12) when it lies inside it, else of its own folder.

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

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function workspaceRootOf(fileSystem: WorkspaceFileSystem, file: string, cwd: string): Promise<string> {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (await exists(fileSystem, path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return isInside(cwd, file) ? cwd : path.dirname(file);
  }
}

/** Lints `targets` (absolute paths); `cwd` is the default workspace. */
export async function lint(fileSystem: WorkspaceFileSystem, targets: string[], cwd: string): Promise<LintResult> {
  const result: LintResult = { reports: [], failures: [] };
  const directories: string[] = [];
  const files: string[] = [];
  for (const target of targets) {
    let isDirectory: boolean;
    try {
      isDirectory = await fileSystem.isDirectory(target);
    } catch {
      result.failures.push({ path: target, message: 'no such file or folder.' });
      continue;
    }
    (isDirectory ? directories : files).push(target);
  }
  // Root → the files to report (undefined: all of them). What a directory
  // given covers is linted once, within it.
  const covered = (p: string) => directories.some((d) => isInside(d, p));
  const workspaces = new Map<string, Set<string> | undefined>(directories.filter((d) => !covered(d)).map((d) => [d, undefined]));
  for (const file of files) {
    if (covered(file)) continue;
    const root = await workspaceRootOf(fileSystem, file, cwd);
    const selected = workspaces.has(root) ? workspaces.get(root) : new Set<string>();
    selected?.add(file);
    workspaces.set(root, selected);
  }
  for (const [root, selected] of workspaces) {
    const index = new WorkspaceIndex();
    const loaded = await loadWorkspaceFolder(index, fileSystem, root);
    // Around a file given, only its own read and the configuration's matter.
    const configPath = path.join(root, CONFIG_FILE);
    result.failures.push(...loaded.failures.filter((f) => !selected || selected.has(f.path) || f.path === configPath));
    if (loaded.configText !== undefined && !selected) {
      const diagnostics = diagnoseConfig(index, loaded.configText);
      if (diagnostics.length > 0) result.reports.push({ path: configPath, diagnostics });
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
  return result;
}
