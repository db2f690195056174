// `histmark lint [paths…]`: loads each workspace and collects diagnostics.
// A directory is a workspace root. A file inside a directory given is linted
// with it; any other file within the workspace of the nearest folder above it
// that has a histmark.json, else of the working folder (the default
// workspace, SPEC 12) when it lies inside it, else of its own folder.

import * as path from 'node:path';
import { CONFIG_FILE } from '../model/config';
import { collectDocuments, type WorkspaceFileSystem } from '../model/fileSystem';
import { isWithin, readConfigText, readDocument, readFailure, readScope } from '../model/loader';
import { WorkspaceIndex } from '../model/workspaceIndex';
import { diagnoseConfig } from '../features/diagnostics';
import type { HmDiagnostic } from '../features/diagnostics/types';
import { diagnoseFiles, indexDefinitions, readAll } from './lintFiles';
import { lintInWorkers, workerCount } from './lintWorkers';

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

async function workspaceRootOf(fileSystem: WorkspaceFileSystem, file: string, cwd: string): Promise<string> {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (await exists(fileSystem, path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return isWithin(cwd, file) ? cwd : path.dirname(file);
  }
}

export interface LintOptions {
  /** The script worker threads run (the bundled CLI, which calls `runLintWorker`); without it, one thread does all. */
  workerScript?: string;
}

/** Lints `targets` (absolute paths); `cwd` is the default workspace. */
export async function lint(fileSystem: WorkspaceFileSystem, targets: string[], cwd: string, options: LintOptions = {}): Promise<LintResult> {
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
  const covered = (p: string) => directories.some((d) => isWithin(d, p));
  const workspaces = new Map<string, Set<string> | undefined>(directories.filter((d) => !covered(d)).map((d) => [d, undefined]));
  for (const file of files) {
    if (covered(file)) continue;
    const root = await workspaceRootOf(fileSystem, file, cwd);
    const selected = workspaces.has(root) ? workspaces.get(root) : new Set<string>();
    selected?.add(file);
    workspaces.set(root, selected);
  }
  for (const [root, selected] of workspaces) {
    const linted = await lintWorkspace(fileSystem, root, selected, options);
    result.reports.push(...linted.reports);
    result.failures.push(...linted.failures);
  }
  return result;
}

/** One workspace: every document, or only the `selected` files (each within the whole workspace). */
async function lintWorkspace(fileSystem: WorkspaceFileSystem, root: string, selected: Set<string> | undefined, options: LintOptions): Promise<LintResult> {
  const result: LintResult = { reports: [], failures: [] };
  const configPath = path.join(root, CONFIG_FILE);
  let configText: string | undefined;
  try {
    configText = await readConfigText(fileSystem, root);
  } catch (error) {
    result.failures.push({ path: configPath, message: readFailure(error) });
  }
  const index = new WorkspaceIndex();
  index.setConfig(configText);
  if (configText !== undefined && !selected) {
    const diagnostics = diagnoseConfig(index, configText);
    if (diagnostics.length > 0) result.reports.push({ path: configPath, diagnostics });
  }
  const documents = await collectDocuments(fileSystem, root, index.config.exclude);
  const threads = workerCount(documents.length);
  if (!selected && options.workerScript && threads > 1) {
    const linted = await lintInWorkers(options.workerScript, configText, root, documents, threads);
    return { reports: [...result.reports, ...linted.reports], failures: [...result.failures, ...linted.failures] };
  }
  const scope = await readScope(fileSystem, [root], index.config);
  const { texts, failures } = await readAll(documents, (file) => readDocument(fileSystem, file, scope));
  // Around a file given, only its own read matters.
  result.failures.push(...failures.filter((f) => !selected || selected.has(f.path)));
  indexDefinitions(index, texts);
  for (const file of selected ?? []) {
    if (documents.includes(file)) continue;
    if (file.endsWith('.hmd')) result.failures.push({ path: file, message: 'excluded by histmark.json, or in node_modules or a dot-folder.' });
    else result.failures.push({ path: file, message: 'not a Histmark document (.hmd).' });
  }
  result.reports.push(...diagnoseFiles(index, texts, selected ?? documents));
  return result;
}
