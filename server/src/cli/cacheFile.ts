// The file of `histmark lint --cache`: where it lives, what it holds, and
// how it is read (never trusted before its shape and version are checked)
// and written (atomically: a temporary file renamed over it, so that a
// process sharing the location never reads half a file).

import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, SEVERITIES } from '../model/config';
import { VERSION } from './formats';
import type { LintDiagnostic } from './lint';

const FORMAT = 'histmark-lint-cache';
const FILE_NAME = 'lint-cache.json';

/** What the cache knows of one document, by its workspace-relative path. */
export interface FileRecord {
  /** `contentHash` of the text. */
  hash: string;
  size: number;
  mtimeMs: number;
  /** When the size and modification time were read, before the text was (see `isUnchangedOnDisk`). */
  checkedAt: number;
  /** Its contribution (model/contribution.ts), as lists. */
  definitions: string[];
  names: string[];
  authorities: string[];
  /** Absent when the document was not diagnosed (outside a shard or the paths given). */
  lint?: { references: string[]; diagnostics: LintDiagnostic[] };
}

export interface WorkspaceRecord {
  /** The text of `histmark.json`, null when there is none: any change re-diagnoses everything. */
  config: string | null;
  files: Map<string, FileRecord>;
}

export interface LintCache {
  file: string;
  /** The working folder: workspaces are keyed by their path relative to it. */
  cwd: string;
  workspaces: Map<string, WorkspaceRecord>;
  /** Whether a lint changed what the file holds: a run that found everything as it was leaves the file alone. */
  modified?: boolean;
}

/** `--cache-location`, or `node_modules/.cache/histmark/` (`.histmark-cache` without a `node_modules` folder); a folder gets a file inside. */
export function cacheFileOf(cwd: string, location?: string): string {
  const isFolder = (p: string) => existsSync(p) && statSync(p).isDirectory();
  if (location === undefined) {
    const modules = path.join(cwd, 'node_modules');
    return isFolder(modules) ? path.join(modules, '.cache/histmark', FILE_NAME) : path.join(cwd, '.histmark-cache');
  }
  const resolved = path.resolve(cwd, location);
  return /[\\/]$/.test(location) || isFolder(resolved) ? path.join(resolved, FILE_NAME) : resolved;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isPosition = (v: unknown) => isObject(v) && isCount(v.line) && isCount(v.character);

function isDiagnostic(v: unknown): v is LintDiagnostic {
  return (
    isObject(v) &&
    (DIAGNOSTIC_CODES as readonly unknown[]).includes(v.code) &&
    (SEVERITIES as readonly unknown[]).includes(v.severity) &&
    typeof v.message === 'string' &&
    isObject(v.range) &&
    isPosition(v.range.start) &&
    isPosition(v.range.end)
  );
}

function isFileRecord(v: unknown): v is FileRecord {
  if (!isObject(v) || typeof v.hash !== 'string' || !isCount(v.size) || typeof v.mtimeMs !== 'number' || typeof v.checkedAt !== 'number') return false;
  if (!isStrings(v.definitions) || !isStrings(v.names) || !isStrings(v.authorities)) return false;
  return v.lint === undefined || (isObject(v.lint) && isStrings(v.lint.references) && Array.isArray(v.lint.diagnostics) && v.lint.diagnostics.every(isDiagnostic));
}

/** The workspaces of a parsed cache file; a string saying what is wrong when it is not one. */
function workspacesOf(data: unknown): Map<string, WorkspaceRecord> | string {
  if (!isObject(data) || data.format !== FORMAT) return 'not a Histmark cache file';
  // Another version may diagnose differently: its cache is dropped without a note.
  if (data.version !== VERSION) return new Map();
  if (!isObject(data.workspaces)) return 'its contents are damaged';
  const workspaces = new Map<string, WorkspaceRecord>();
  for (const [root, workspace] of Object.entries(data.workspaces)) {
    if (!isObject(workspace) || !(workspace.config === null || typeof workspace.config === 'string') || !isObject(workspace.files)) return 'its contents are damaged';
    const files = new Map<string, FileRecord>();
    for (const [file, record] of Object.entries(workspace.files)) {
      if (!isFileRecord(record)) return 'its contents are damaged';
      files.set(file, record);
    }
    workspaces.set(root, { config: workspace.config, files });
  }
  return workspaces;
}

/** Reads the cache at `file`; a missing one is empty, a damaged or foreign one is ignored with a note on `warn`. */
export async function loadCache(file: string, cwd: string, warn: (message: string) => void): Promise<LintCache> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${path.relative(cwd, file)} (${(error as Error).message}); linting everything.`);
    return { file, cwd, workspaces: new Map() };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const workspaces = data === undefined ? 'it is not valid JSON' : workspacesOf(data);
  if (typeof workspaces === 'string') {
    warn(`ignoring the cache ${path.relative(cwd, file)}: ${workspaces}; linting everything.`);
    return { file, cwd, workspaces: new Map() };
  }
  return { file, cwd, workspaces };
}

/** Writes the cache atomically; a failure is a note, never a failed lint. */
export async function saveCache(cache: LintCache, warn: (message: string) => void): Promise<void> {
  const workspaces = Object.fromEntries([...cache.workspaces].map(([root, w]) => [root, { config: w.config, files: Object.fromEntries(w.files) }]));
  const temporary = `${cache.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.mkdir(path.dirname(cache.file), { recursive: true });
    await fs.writeFile(temporary, JSON.stringify({ format: FORMAT, version: VERSION, workspaces }));
    await fs.rename(temporary, cache.file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    warn(`cannot write the cache ${path.relative(cache.cwd, cache.file)}: ${(error as Error).message}`);
  }
}
