// Which workspace each path given to `histmark export`/`import` belongs to,
// as `histmark lint` reads them: a folder is a workspace root; a file
// belongs to the nearest folder above it with a histmark.json, else to the
// working folder when inside it, else to its own folder.

import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../model/config';
import { nodeFileSystem } from '../model/fileSystem';
import { loadWorkspaceFolder, uriOfPath } from '../model/loader';
import { WorkspaceIndex } from '../model/workspaceIndex';

export interface LoadedWorkspace {
  root: string;
  index: WorkspaceIndex;
  /** The transcripts asked for: every one of the workspace when a folder was given. */
  selected: (uri: string) => boolean;
  failures: { path: string; message: string }[];
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function rootOfFile(file: string, cwd: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return isInside(cwd, file) ? cwd : path.dirname(file);
  }
}

/** Loads the workspaces of `targets` (absolute paths); a target that does not exist is a failure. */
export async function loadTargets(targets: string[], cwd: string): Promise<{ workspaces: LoadedWorkspace[]; failures: { path: string; message: string }[] }> {
  const failures: { path: string; message: string }[] = [];
  const byRoot = new Map<string, { all: boolean; files: Set<string> }>();
  for (const target of targets) {
    let directory: boolean;
    try {
      directory = statSync(target).isDirectory();
    } catch {
      failures.push({ path: target, message: 'no such file or folder.' });
      continue;
    }
    const root = directory ? target : rootOfFile(target, cwd);
    const entry = byRoot.get(root) ?? { all: false, files: new Set<string>() };
    if (directory) entry.all = true;
    else entry.files.add(uriOfPath(target));
    byRoot.set(root, entry);
  }
  const workspaces: LoadedWorkspace[] = [];
  for (const [root, { all, files }] of byRoot) {
    const index = new WorkspaceIndex();
    const loaded = await loadWorkspaceFolder(index, nodeFileSystem, root);
    failures.push(...loaded.failures);
    for (const uri of files) {
      if (!index.document(uri)) failures.push({ path: new URL(uri).pathname, message: uri.endsWith('.hmd') ? 'excluded by histmark.json, or in node_modules or a dot-folder.' : 'not a Histmark document (.hmd).' });
    }
    workspaces.push({ root, index, selected: all ? () => true : (uri) => files.has(uri), failures: [] });
  }
  return { workspaces, failures };
}
