// The small interface through which the model reads a workspace, so that
// tests run on an in-memory workspace and the CLI and server on disk.

import * as fs from 'node:fs';
import { promisify } from 'node:util';
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
   * end) or one larger than `maxBytes`. With `noFollow`, throws
   * `SymbolicLinkError` when the path's last part is a symbolic link.
   */
  readFile(filePath: string, maxBytes?: number, options?: { noFollow?: boolean }): Promise<string>;
  readDirectory(dirPath: string): Promise<DirectoryEntry[]>;
  isDirectory(filePath: string): Promise<boolean>;
  /** The path with every symbolic link resolved. */
  realPath(filePath: string): Promise<string>;
}

export class InvalidUtf8Error extends Error {}

/** A file that is deliberately not read; the message says why. */
export class SkippedFileError extends Error {}

/** A read that was not to follow a symbolic link met one. */
export class SymbolicLinkError extends Error {}

function tooLarge(bytes: number, maxBytes: number): SkippedFileError {
  return new SkippedFileError(`larger than ${formatSize(maxBytes)} (${formatSize(bytes)}): skipped; raise "maxFileSize" in histmark.json to read it.`);
}

/** The file operations a read needs, as promises (libuv's pool) or done at once (blocking the thread). */
interface FileOperations {
  open(filePath: string, flags: number): number | Promise<number>;
  fstat(fd: number): fs.Stats | Promise<fs.Stats>;
  read(fd: number, buffer: Buffer, offset: number, length: number, position: number): number | Promise<number>;
  close(fd: number): void | Promise<void>;
  readdir(dirPath: string): fs.Dirent[] | Promise<fs.Dirent[]>;
  stat(filePath: string): fs.Stats | Promise<fs.Stats>;
  realpath(filePath: string): string | Promise<string>;
}

const readAsync = promisify(fs.read);
const waitingOperations: FileOperations = {
  open: promisify(fs.open),
  fstat: promisify(fs.fstat),
  read: async (fd, buffer, offset, length, position) => (await readAsync(fd, buffer, offset, length, position)).bytesRead,
  close: promisify(fs.close),
  readdir: (dirPath) => fs.promises.readdir(dirPath, { withFileTypes: true }),
  stat: promisify(fs.stat),
  realpath: (filePath) => fs.promises.realpath(filePath),
};

const blockingOperations: FileOperations = {
  open: fs.openSync,
  fstat: (fd) => fs.fstatSync(fd),
  read: fs.readSync,
  close: fs.closeSync,
  readdir: (dirPath) => fs.readdirSync(dirPath, { withFileTypes: true }),
  stat: (filePath) => fs.statSync(filePath),
  realpath: (filePath) => fs.realpathSync.native(filePath),
};

/** Reads a regular file of at most `maxBytes`, checked on the open file itself, so that what is read is what was checked. */
async function readRegularFile(ops: FileOperations, filePath: string, maxBytes: number, noFollow: boolean): Promise<Buffer> {
  // Where the system cannot refuse a link at open, the caller resolves the path itself.
  if (noFollow && !fs.constants.O_NOFOLLOW) throw new SymbolicLinkError(filePath);
  // Non-blocking: opening a pipe with no writer would otherwise wait forever.
  const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (noFollow ? fs.constants.O_NOFOLLOW : 0);
  let fd: number;
  try {
    fd = await ops.open(filePath, flags);
  } catch (error) {
    if (noFollow && (error as NodeJS.ErrnoException).code === 'ELOOP') throw new SymbolicLinkError(filePath);
    throw error;
  }
  try {
    const stat = await ops.fstat(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${filePath}`), { code: 'EISDIR' });
    if (!stat.isFile()) throw new SkippedFileError('not a regular file (a pipe, device or socket): skipped.');
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    // One byte more than allowed tells a file that grew since.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = await ops.read(fd, buffer, length, buffer.length - length, length);
    if (length > maxBytes) throw tooLarge(length, maxBytes);
    return buffer.subarray(0, length);
  } finally {
    await ops.close(fd);
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

function diskFileSystem(ops: FileOperations): WorkspaceFileSystem {
  return {
    async readFile(filePath, maxBytes = DEFAULT_MAX_FILE_SIZE, options) {
      return decodeUtf8(await readRegularFile(ops, filePath, maxBytes, options?.noFollow === true));
    },
    async readDirectory(dirPath) {
      const entries = await ops.readdir(dirPath);
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    },
    async isDirectory(filePath) {
      return (await ops.stat(filePath)).isDirectory();
    },
    async realPath(filePath) {
      return ops.realpath(filePath);
    },
  };
}

/** The disk, read without blocking the thread: for the language server's main thread, which must keep answering. */
export const nodeFileSystem = diskFileSystem(waitingOperations);

/**
 * The disk, read by blocking calls: for a thread that does nothing else while
 * it reads (the CLI, index and lint workers), where a promise per file costs
 * more than the read.
 */
export const blockingFileSystem = diskFileSystem(blockingOperations);

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
