// The small interface through which the model reads a workspace, so that
// tests run on an in-memory workspace and the CLI and server on disk.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

export interface WorkspaceFileSystem {
  /** The file decoded as UTF-8 (a BOM removed); throws on invalid UTF-8 or I/O failure. */
  readFile(filePath: string): Promise<string>;
  readDirectory(dirPath: string): Promise<DirectoryEntry[]>;
  isDirectory(filePath: string): Promise<boolean>;
}

export class InvalidUtf8Error extends Error {}

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
  async readFile(filePath) {
    return decodeUtf8(await fs.readFile(filePath));
  },
  async readDirectory(dirPath) {
    const entries = await fs.readdir(dirPath, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
  },
  async isDirectory(filePath) {
    return (await fs.stat(filePath)).isDirectory();
  },
};

/** An in-memory workspace: file paths (with `/`) to contents. */
export function memoryFileSystem(files: Record<string, string>): WorkspaceFileSystem {
  const normalized = new Map(Object.entries(files).map(([p, text]) => [path.posix.resolve('/', p), text]));
  const missing = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  return {
    async readFile(filePath) {
      const text = normalized.get(path.posix.resolve('/', filePath));
      if (text === undefined) throw missing(filePath);
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
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = await fileSystem.readDirectory(dir);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory) {
        if (!isExcludedFolder(entry.name, relative, isExcluded)) pending.push(full);
      } else if (entry.name.endsWith('.hmd') && !isExcluded(relative)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}
