// Loads a workspace folder into an index: `histmark.json`, then every `.hmd`
// file it does not exclude, those that may define entities first. Used by
// the CLI and the language server alike.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE, type HistmarkConfig } from './config';
import { collectDocuments, SkippedFileError, SymbolicLinkError, type WorkspaceFileSystem } from './fileSystem';
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

/** Where documents may be read from, and how large they may be. */
export interface ReadScope {
  /** The workspace folders, symbolic links resolved. */
  realRoots: string[];
  maxFileSize: number;
  /** Real paths of the folders documents were read from, asked once a folder. */
  realFolders: Map<string, string>;
}

export async function readScope(fileSystem: WorkspaceFileSystem, roots: string[], config: HistmarkConfig): Promise<ReadScope> {
  return { realRoots: await Promise.all(roots.map((root) => fileSystem.realPath(root))), maxFileSize: config.maxFileSize, realFolders: new Map() };
}

/** Whether `file` lies inside `folder` (not the folder itself). */
export function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * A document's text, read only from a regular file inside the workspace: a
 * link out of it is not followed (its text would be quoted in messages, SARIF
 * and annotations), and the size is limited by `maxFileSize`.
 */
export async function readDocument(fileSystem: WorkspaceFileSystem, file: string, scope: ReadScope): Promise<string> {
  const inside = (real: string) => scope.realRoots.some((root) => isWithin(root, real));
  // Most files are no links: their folder's real path and their name are their real path, checked by
  // an open that refuses a link. Only a link is resolved whole (a realpath a file costs more than its read).
  const folder = path.dirname(file);
  let realFolder = scope.realFolders.get(folder);
  if (realFolder === undefined) scope.realFolders.set(folder, (realFolder = await fileSystem.realPath(folder)));
  const direct = path.join(realFolder, path.basename(file));
  if (inside(direct)) {
    try {
      return await fileSystem.readFile(direct, scope.maxFileSize, { noFollow: true });
    } catch (error) {
      if (!(error instanceof SymbolicLinkError)) throw error;
    }
  }
  const real = await fileSystem.realPath(file);
  if (!inside(real)) throw new SkippedFileError('a link to a file outside the workspace: not followed.');
  return fileSystem.readFile(real, scope.maxFileSize);
}

/** How many files are read at once: enough to overlap I/O, few enough for any file-handle limit. */
const READ_CONCURRENCY = 32;

/** Characters of transcripts held between the two passes of a load (32 MB as UTF-16): the rest is read again, which costs less than the memory a bigger heap keeps. */
const HELD_CHARACTERS = 16_000_000;

/** Without the space that follows: a comment between them takes no room (`@person<!-- -->  p`). */
const DEFINITION_STARTS = ['@person', '@org', '@place', '@event', '@work'];

/**
 * A document can define entities only if it holds `@person` or another kind
 * at column 0 (SPEC 4) outside a comment: a cheap test that misses none. It
 * looks only at the `@`s that can start a line, and makes no copy of the
 * text. Comments take no room (`<!-- -->@person p` defines p): an `@` right
 * after `-->` may start one too.
 */
export function mayDefine(text: string): boolean {
  const comments = new CommentScan(text);
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const lineStart = at === 0 || text.charCodeAt(at - 1) === 10 || (at === 1 && text.charCodeAt(0) === 0xfeff) || text.startsWith('-->', at - 3);
    if (lineStart && DEFINITION_STARTS.some((start) => text.startsWith(start, at)) && !comments.covers(at)) return true;
  }
  return false;
}

/** The comments of a text found left to right as they are asked for (`<!--` to the first `-->` after it, as the parser reads them). */
class CommentScan {
  private next = 0;
  private end = -1;

  constructor(private readonly text: string) {}

  /** Whether `at` lies inside a comment; asked with `at` never decreasing. */
  covers(at: number): boolean {
    while (this.end <= at) {
      const open = this.text.indexOf('<!--', this.next);
      if (open === -1 || open >= at) return false;
      const close = this.text.indexOf('-->', open + 4);
      // An unclosed `<!--` is no comment.
      if (close === -1) return false;
      this.end = close + 3;
      this.next = this.end;
      if (open < at && at < this.end) return true;
    }
    return true;
  }
}

export async function readConfigText(fileSystem: WorkspaceFileSystem, root: string): Promise<string | undefined> {
  try {
    return await fileSystem.readFile(path.join(root, CONFIG_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Applies the folder's `histmark.json` (a read failure is one of `failures`) and lists the documents it does not exclude. */
export async function configureFolder(
  index: WorkspaceIndex,
  fileSystem: WorkspaceFileSystem,
  root: string,
  failures: LoadResult['failures'],
): Promise<{ configText: string | undefined; documents: string[] }> {
  let configText: string | undefined;
  try {
    configText = await readConfigText(fileSystem, root);
  } catch (error) {
    failures.push({ path: path.join(root, CONFIG_FILE), message: readFailure(error) });
  }
  index.setConfig(configText);
  return { configText, documents: await collectDocuments(fileSystem, root, index.config.exclude) };
}

/** Runs `each` over `items`, `concurrency` at a time. */
export async function inParallel<T>(items: T[], each: (item: T) => Promise<void>, concurrency = READ_CONCURRENCY): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Loads `root` in two passes: the documents that may define entities, then
 * the others. A document of the second pass depends only on the first
 * (diagnostics of a transcript read the definitions, never another
 * transcript), so `onSettled(uri)` is called as each is indexed: its
 * diagnostics can be worked out while its tree is at hand.
 */
export async function loadWorkspaceFolder(
  index: WorkspaceIndex,
  fileSystem: WorkspaceFileSystem,
  root: string,
  onProgress?: (done: number, total: number) => void,
  onSettled?: (uri: string) => void,
): Promise<LoadResult> {
  const failures: LoadResult['failures'] = [];
  const { configText, documents } = await configureFolder(index, fileSystem, root, failures);
  const scope = await readScope(fileSystem, [root], index.config);
  let done = 0;
  const read = async (file: string): Promise<string | undefined> => {
    try {
      return await readDocument(fileSystem, file, scope);
    } catch (error) {
      failures.push({ path: file, message: readFailure(error) });
      onProgress?.(++done, documents.length);
      return undefined;
    }
  };
  const add = (file: string, text: string) => {
    index.setDocument(uriOfPath(file), text, 0, { trackAffected: false });
    onProgress?.(++done, documents.length);
  };
  const later: { file: string; text?: string }[] = [];
  let held = 0;
  await inParallel(documents, async (file) => {
    const text = await read(file);
    if (text === undefined) return;
    if (mayDefine(text)) return add(file, text);
    const hold = held + text.length <= HELD_CHARACTERS;
    if (hold) held += text.length;
    later.push({ file, text: hold ? text : undefined });
  });
  await inParallel(later, async (document) => {
    const text = document.text ?? (await read(document.file));
    document.text = undefined;
    if (text === undefined) return;
    add(document.file, text);
    onSettled?.(uriOfPath(document.file));
  });
  return { documents, configText, failures };
}
