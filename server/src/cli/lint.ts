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
import { type LintCache, lintWithCache } from './cache';
import { changedSince } from './changedSince';
import { diagnoseFiles, type FileSummary, indexDefinitions, readAll } from './lintFiles';
import { lintInWorkers, workerCount } from './lintWorkers';
import { inShard, type Shard } from './shard';

/** What the output formats show of a diagnostic (and the cache keeps). */
export type LintDiagnostic = Pick<HmDiagnostic, 'code' | 'severity' | 'message' | 'range'>;

export interface FileReport {
  /** Absolute path. */
  path: string;
  diagnostics: LintDiagnostic[];
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
  /** Re-diagnose only what can have changed since the run that filled it (`--cache`). */
  cache?: LintCache;
  /** Report only this slice of each workspace's documents (`--shard`). */
  shard?: Shard;
  /** Report only the documents a change since this git ref can affect (`--changed-since`). */
  changedSince?: string;
  onProgress?: (done: number, total: number) => void;
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

/** One workspace: every document, or only the `selected` files (each within the whole workspace), as the options narrow them. */
async function lintWorkspace(fileSystem: WorkspaceFileSystem, root: string, selected: Set<string> | undefined, options: LintOptions): Promise<LintResult> {
  const result: LintResult = { reports: [], failures: [] };
  const configPath = path.join(root, CONFIG_FILE);
  let configText: string | undefined;
  try {
    configText = await readConfigText(fileSystem, root);
  } catch (error) {
    result.failures.push({ path: configPath, message: readFailure(error) });
  }
  // The CLI reads every tree it indexes: keeping them whole spares parsing each one twice.
  const index = new WorkspaceIndex({ keepAllTrees: true });
  index.setConfig(configText);
  const documents = await collectDocuments(fileSystem, root, index.config.exclude);
  // Only regular files inside the workspace, of at most maxFileSize bytes, are read.
  const scope = await readScope(fileSystem, [root], index.config);
  const readFile = (file: string) => readDocument(fileSystem, file, scope);
  for (const file of selected ?? []) {
    if (documents.includes(file)) continue;
    if (file.endsWith('.hmd')) result.failures.push({ path: file, message: 'excluded by histmark.json, or in node_modules or a dot-folder.' });
    else result.failures.push({ path: file, message: 'not a Histmark document (.hmd).' });
  }
  let targets = documents.filter((d) => (!selected || selected.has(d)) && (!options.shard || inShard(options.shard, root, d)));
  let reportConfig = !selected && (!options.shard || options.shard.index === 1);
  if (options.changedSince !== undefined) {
    const changed = await changedSince(options.changedSince, root, documents, index.config.exclude, readFile);
    targets = targets.filter((d) => changed.documents.has(d));
    reportConfig &&= changed.config;
  }
  if (configText !== undefined && reportConfig) {
    const diagnostics = diagnoseConfig(index, configText);
    if (diagnostics.length > 0) result.reports.push({ path: configPath, diagnostics });
  }
  const diagnose: Diagnose = (toRead, toDiagnose, texts, summaries) =>
    diagnoseWithin(readFile, root, configText, toRead, toDiagnose, texts, { ...options, summaries });
  const linted = options.cache
    ? await lintWithCache(options.cache, root, configText, documents, targets, readFile, diagnose)
    : await diagnose(documents, targets, new Map());
  return { reports: [...result.reports, ...linted.reports], failures: [...result.failures, ...linted.failures] };
}

/** The diagnosis of documents asked for by the cache, or by a lint without one. */
export type Diagnose = (toRead: string[], toDiagnose: string[], texts: Map<string, string>, summaries?: Map<string, FileSummary>) => Promise<LintResult>;

/**
 * Diagnoses `targets` within a workspace: every one of `documents` (which
 * holds them) is read, except those in `texts`, and those that may define
 * entities indexed. Read failures of targets are reported.
 */
async function diagnoseWithin(
  readFile: (file: string) => Promise<string>,
  root: string,
  configText: string | undefined,
  documents: string[],
  targets: string[],
  texts: Map<string, string>,
  options: LintOptions & { summaries?: Map<string, FileSummary> },
): Promise<LintResult> {
  const threads = workerCount(targets.length);
  if (options.workerScript && threads > 1) {
    return lintInWorkers(options.workerScript, configText, root, documents, new Set(targets), threads, options);
  }
  const read = await readAll(documents.filter((d) => !texts.has(d)), readFile);
  const all = new Map([...texts, ...read.texts]);
  // The CLI reads every tree it indexes: keeping them whole spares parsing each one twice.
  const index = new WorkspaceIndex({ keepAllTrees: true });
  index.setConfig(configText);
  indexDefinitions(index, all);
  let done = 0;
  const onDiagnosed = options.onProgress && (() => options.onProgress!(++done, targets.length));
  const reports = diagnoseFiles(index, all, targets, { summaries: options.summaries, onDiagnosed });
  const wanted = new Set(targets);
  return { reports, failures: read.failures.filter((f) => wanted.has(f.path)) };
}
