// Which workspace each path given to `histmark export tei` belongs to, as
// `histmark lint` reads them: a folder is a workspace root; a file belongs
// to the nearest folder above it with a histmark.json, else to the working
// folder when inside it, else to its own folder. As lint does, only the
// documents that can define entities stay indexed; each transcript is
// parsed when its turn comes and dropped after, so that a large corpus
// never has every tree in memory.

import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../model/config';
import { collectDocuments, blockingFileSystem } from '../model/fileSystem';
import { readConfigText, readDocument, readFailure, readScope, uriOfPath } from '../model/loader';
import { WorkspaceIndex } from '../model/workspaceIndex';
import type { TeiSource } from '../render/tei/document';
import { printable } from './formats';
import { indexDefinitions, readAll } from './lintFiles';
import { TeiUsageError } from './teiUsage';

export interface LoadedWorkspace {
  root: string;
  index: WorkspaceIndex;
  /** The transcripts asked for, in path order, each indexed while it is read. */
  transcripts(): Generator<TeiSource>;
  /** The transcripts asked for, in path order, all kept indexed: for outputs that count across them (an edition's index of names). */
  indexTranscripts(): TeiSource[];
}

type Failure = { path: string; message: string };

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

async function loadWorkspace(root: string, files: Set<string> | undefined, failures: Failure[]): Promise<LoadedWorkspace> {
  // The CLI reads every tree it indexes: keeping them whole spares parsing each one twice.
  const index = new WorkspaceIndex({ keepAllTrees: true });
  try {
    index.setConfig(await readConfigText(blockingFileSystem, root));
  } catch (error) {
    failures.push({ path: path.join(root, CONFIG_FILE), message: readFailure(error) });
  }
  const documents = await collectDocuments(blockingFileSystem, root, index.config.exclude);
  // Only regular files inside the workspace, of at most maxFileSize bytes, are read (as lint reads them).
  const scope = await readScope(blockingFileSystem, [root], index.config);
  const { texts, failures: unread } = await readAll(documents, (file) => readDocument(blockingFileSystem, file, scope));
  failures.push(...unread.filter((f) => !files || files.has(f.path)));
  for (const file of files ?? []) {
    if (!documents.includes(file)) failures.push({ path: file, message: file.endsWith('.hmd') ? 'excluded by histmark.json, or in node_modules or a dot-folder.' : 'not a Histmark document (.hmd).' });
  }
  indexDefinitions(index, texts);
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const order = [...texts.keys()].filter((f) => !files || files.has(f)).sort((a, b) => (relative(a) < relative(b) ? -1 : relative(a) > relative(b) ? 1 : 0));
  return {
    root,
    index,
    *transcripts() {
      for (const file of order) {
        const uri = uriOfPath(file);
        const passing = index.document(uri) === undefined;
        if (passing) index.setDocument(uri, texts.get(file)!, 0, { trackAffected: false });
        const entry = index.document(uri)!;
        if (!entry.isRegistry) yield { entry, path: relative(file) };
        if (passing) index.removeDocument(uri);
      }
    },
    indexTranscripts() {
      const sources: TeiSource[] = [];
      for (const file of order) {
        const uri = uriOfPath(file);
        if (index.document(uri) === undefined) index.setDocument(uri, texts.get(file)!, 0, { trackAffected: false });
        const entry = index.document(uri)!;
        if (!entry.isRegistry) sources.push({ entry, path: relative(file) });
      }
      return sources;
    },
  };
}

/** Loads the workspaces of `targets` (absolute paths); a target that does not exist is a failure. */
export async function loadTargets(targets: string[], cwd: string): Promise<{ workspaces: LoadedWorkspace[]; failures: Failure[] }> {
  const failures: Failure[] = [];
  const byRoot = new Map<string, Set<string> | undefined>();
  for (const target of targets) {
    let directory: boolean;
    try {
      directory = statSync(target).isDirectory();
    } catch {
      failures.push({ path: target, message: 'no such file or folder.' });
      continue;
    }
    const root = directory ? target : rootOfFile(target, cwd);
    if (directory) byRoot.set(root, undefined);
    else if (!byRoot.has(root) || byRoot.get(root)) byRoot.set(root, new Set([...(byRoot.get(root) ?? []), target]));
  }
  const workspaces: LoadedWorkspace[] = [];
  for (const [root, files] of byRoot) workspaces.push(await loadWorkspace(root, files, failures));
  return { workspaces, failures };
}

/**
 * The one workspace of `paths` (default: the working folder) for an export
 * whose output shares one registry (an edition, a network): read failures
 * are reported on stderr (then undefined: exit 2); paths of several
 * workspaces are a usage error.
 */
export async function loadSingleWorkspace(command: string, paths: string[], cwd: string): Promise<LoadedWorkspace | undefined> {
  const targets = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(cwd, p));
  const { workspaces, failures } = await loadTargets(targets, cwd);
  for (const failure of failures) process.stderr.write(`histmark: ${printable(path.relative(cwd, failure.path) || '.')}: ${printable(failure.message)}\n`);
  if (failures.length > 0) return undefined;
  if (workspaces.length > 1) throw new TeiUsageError(`${command} takes paths of one workspace; these are in ${workspaces.length}: ${workspaces.map((w) => path.relative(cwd, w.root) || '.').join(', ')}.`);
  return workspaces[0];
}
