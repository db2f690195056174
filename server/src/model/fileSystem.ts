// The small interface through which the model reads a workspace, so that
// tests run on an in-memory workspace and the CLI and server on disk.

import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_MAX_FILE_SIZE, formatSize } from './config';

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

export interface WorkspaceFileSystem {
  /**
   * The file decoded as UTF-8 (a BOM removed); throws on invalid UTF-8, I/O
   * failure, a file that is not a regular file (a pipe or device would never
   * end) or one larger than `maxBytes`.
   */
  readFile(filePath: string, maxBytes?: number): Promise<string>;
  readDirectory(dirPath: string): Promise<DirectoryEntry[]>;
  isDirectory(filePath: string): Promise<boolean>;
  /** The path with every symbolic link resolved. */
  realPath(filePath: string): Promise<string>;
}

export class InvalidUtf8Error extends Error {}

/** A file that is deliberately not read; the message says why. */
export class SkippedFileError extends Error {}

function tooLarge(bytes: number, maxBytes: number): SkippedFileError {
  return new SkippedFileError(`larger than ${formatSize(maxBytes)} (${formatSize(bytes)}): skipped; raise "maxFileSize" in histmark.json to read it.`);
}

/** Reads a regular file of at most `maxBytes`, checked on the open file itself, so that what is read is what was checked. */
async function readRegularFile(filePath: string, maxBytes: number): Promise<Buffer> {
  // Non-blocking: opening a pipe with no writer would otherwise wait forever.
  const handle = await fs.open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${filePath}`), { code: 'EISDIR' });
    if (!stat.isFile()) throw new SkippedFileError('not a regular file (a pipe, device or socket): skipped.');
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    // One byte more than allowed tells a file that grew since.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead;
    if (length > maxBytes) throw tooLarge(length, maxBytes);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 the way editors do: a BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InvalidUtf8Error('not valid UTF-8: save the file as UTF-8.');
  }
}

export const nodeFileSystem: WorkspaceFileSystem = {
  async readFile(filePath, maxBytes = DEFAULT_MAX_FILE_SIZE) {
    return decodeUtf8(await readRegularFile(filePath, maxBytes));
  },
  async readDirectory(dirPath) {
    const entries = await fs.readdir(dirPath, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
  },
  async isDirectory(filePath) {
    return (await fs.stat(filePath)).isDirectory();
  },
  realPath(filePath) {
    return fs.realpath(filePath);
  },
};

/** An in-memory workspace: file paths (with `/`) to contents. */
export function memoryFileSystem(files: Record<string, string>): WorkspaceFileSystem {
  const normalized = new Map(Object.entries(files).map(([p, text]) => [path.posix.resolve('/', p), text]));
  const missing = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  return {
    async readFile(filePath, maxBytes = DEFAULT_MAX_FILE_SIZE) {
      const text = normalized.get(path.posix.resolve('/', filePath));
      if (text === undefined) throw missing(filePath);
      const bytes = Buffer.byteLength(text);
      if (bytes > maxBytes) throw tooLarge(bytes, maxBytes);
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    },
    async readDirectory(dirPath) {
      const prefix = path.posix.resolve('/', dirPath).replace(/\/?$/, '/');
      const entries = new Map<string, boolean>();
      for (const file of normalized.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        entries.set(name, rest.length > 0 || entries.get(name) === true);
      }
      return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    async isDirectory(filePath) {
      const p = path.posix.resolve('/', filePath);
      if (normalized.has(p)) return false;
      const prefix = p.replace(/\/?$/, '/');
      for (const file of normalized.keys()) if (file.startsWith(prefix)) return true;
      throw missing(filePath);
    },
    async realPath(filePath) {
      return path.posix.resolve('/', filePath);
    },
  };
}

type Matcher = (relative: string) => boolean;

function excludeMatcher(exclude: string[]): Matcher {
  return exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
}

/** Whether a folder (its name, its path relative to the root) is left out with all it holds. */
function isExcludedFolder(name: string, relative: string, isExcluded: Matcher): boolean {
  return name === 'node_modules' || name.startsWith('.') || isExcluded(relative) || isExcluded(relative + '/');
}

/**
 * Whether a file under `root` is outside the workspace: in `node_modules`, a
 * dot-folder, or matched by an `exclude` glob, itself or a folder above it
 * (SPEC 1) — the same rule `collectDocuments` applies while walking.
 */
export function isExcludedFile(root: string, filePath: string, exclude: string[]): boolean {
  const relative = path.relative(root, filePath).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return true;
  const isExcluded = excludeMatcher(exclude);
  const folders = relative.split('/').slice(0, -1);
  if (folders.some((name, i) => isExcludedFolder(name, folders.slice(0, i + 1).join('/'), isExcluded))) return true;
  return isExcluded(relative);
}

/**
 * Every `.hmd` file under `root`, minus `exclude` globs (relative to root);
 * `node_modules` and dot-folders are always skipped (SPEC 1). Directories
 * are read one at a time, so a large tree never exhausts file handles.
 */
export async function collectDocuments(fileSystem: WorkspaceFileSystem, root: string, exclude: string[]): Promise<string[]> {
  const isExcluded = excludeMatcher(exclude);
  const found: string[] = [];
  // Folders with their workspace-relative paths (with `/`), built as the walk goes down.
  const pending: [string, string][] = [[root, '']];
  while (pending.length > 0) {
    const [dir, relativeDir] = pending.pop()!;
    const entries = await fileSystem.readDirectory(dir);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory) {
        if (!isExcludedFolder(entry.name, relative, isExcluded)) pending.push([full, relative]);
      } else if (entry.name.endsWith('.hmd') && !isExcluded(relative)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}
