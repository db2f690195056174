// Loads a workspace folder into an index: `histmark.json`, then every `.hmd`
// file it does not exclude. Used by the CLI and the language server alike.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE } from './config';
import { collectDocuments, type WorkspaceFileSystem } from './fileSystem';
import type { WorkspaceIndex } from './workspaceIndex';

export interface LoadResult {
  /** Absolute paths of the documents loaded. */
  documents: string[];
  /** The text of `histmark.json`, when the folder has one. */
  configText?: string;
  /** Files that could not be read: path and reason. */
  failures: { path: string; message: string }[];
}

/** A reason for a failed read that does not repeat the path. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file disappeared while it was being read.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  if (code === 'EISDIR') return 'a folder, not a file.';
  return (error as Error).message;
}

export function uriOfPath(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** How many files are read at once: enough to overlap I/O, few enough for any file-handle limit. */
const READ_CONCURRENCY = 32;

export async function readConfigText(fileSystem: WorkspaceFileSystem, root: string): Promise<string | undefined> {
  try {
    return await fileSystem.readFile(path.join(root, CONFIG_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function loadWorkspaceFolder(
  index: WorkspaceIndex,
  fileSystem: WorkspaceFileSystem,
  root: string,
  onProgress?: (done: number, total: number) => void,
): Promise<LoadResult> {
  const failures: LoadResult['failures'] = [];
  let configText: string | undefined;
  try {
    configText = await readConfigText(fileSystem, root);
  } catch (error) {
    failures.push({ path: path.join(root, CONFIG_FILE), message: readFailure(error) });
  }
  index.setConfig(configText);
  const documents = await collectDocuments(fileSystem, root, index.config.exclude);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < documents.length) {
      const file = documents[next++];
      try {
        index.setDocument(uriOfPath(file), await fileSystem.readFile(file), 0, false);
      } catch (error) {
        failures.push({ path: file, message: readFailure(error) });
      }
      onProgress?.(++done, documents.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, documents.length) }, worker));
  return { documents, configText, failures };
}
