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

// On disk, a record is a tuple and the ids documents reference are numbers
// into one list per workspace: a million references are most of what the
// cache holds at 100,000 documents, and reading it is most of a warm run.
//
//   files: [path, hash, size, mtimeMs, checkedAt, definitions, names, authorities, lint | null]
//   lint: [reference indices, [code, severity, message, start line, start character, end line, end character][]]

/** The arrangement of the file described above; a file of another is dropped like one of another version. */
const LAYOUT = 2;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function diagnosticOf(v: unknown): LintDiagnostic | undefined {
  if (!Array.isArray(v) || v.length !== 7) return undefined;
  const [code, severity, message, startLine, startCharacter, endLine, endCharacter] = v as unknown[];
  if (!(DIAGNOSTIC_CODES as readonly unknown[]).includes(code) || !(SEVERITIES as readonly unknown[]).includes(severity) || typeof message !== 'string') return undefined;
  if (!isCount(startLine) || !isCount(startCharacter) || !isCount(endLine) || !isCount(endCharacter)) return undefined;
  return { code, severity, message, range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } } } as LintDiagnostic;
}

/** The lint of a record from its tuple (undefined for null); false when it is not one. */
function lintOf(v: unknown, ids: string[]): FileRecord['lint'] | false {
  if (v === null) return undefined;
  if (!Array.isArray(v) || v.length !== 2 || !Array.isArray(v[0]) || !Array.isArray(v[1])) return false;
  const references: string[] = [];
  for (const k of v[0] as unknown[]) {
    if (!isCount(k) || k >= ids.length) return false;
    references.push(ids[k]);
  }
  const diagnostics: LintDiagnostic[] = [];
  for (const d of v[1] as unknown[]) {
    const diagnostic = diagnosticOf(d);
    if (!diagnostic) return false;
    diagnostics.push(diagnostic);
  }
  return { references, diagnostics };
}

/** A record and its path from its tuple; undefined when it is not one. */
function fileRecordOf(v: unknown, ids: string[]): [string, FileRecord] | undefined {
  if (!Array.isArray(v) || v.length !== 9) return undefined;
  const [file, hash, size, mtimeMs, checkedAt, definitions, names, authorities, lintTuple] = v as unknown[];
  if (typeof file !== 'string' || typeof hash !== 'string' || !isCount(size) || typeof mtimeMs !== 'number' || typeof checkedAt !== 'number') return undefined;
  if (!isStrings(definitions) || !isStrings(names) || !isStrings(authorities)) return undefined;
  const lint = lintOf(lintTuple, ids);
  if (lint === false) return undefined;
  return [file, { hash, size, mtimeMs, checkedAt, definitions, names, authorities, lint }];
}

/** The workspaces of a parsed cache file; a string saying what is wrong when it is not one. */
function workspacesOf(data: unknown): Map<string, WorkspaceRecord> | string {
  if (!isObject(data) || data.format !== FORMAT) return 'not a Histmark cache file';
  // Another version may diagnose differently: its cache is dropped without a note.
  if (data.version !== VERSION || data.layout !== LAYOUT) return new Map();
  if (!isObject(data.workspaces)) return 'its contents are damaged';
  const workspaces = new Map<string, WorkspaceRecord>();
  for (const [root, workspace] of Object.entries(data.workspaces)) {
    if (!isObject(workspace) || !(workspace.config === null || typeof workspace.config === 'string') || !isStrings(workspace.ids) || !Array.isArray(workspace.files)) {
      return 'its contents are damaged';
    }
    const files = new Map<string, FileRecord>();
    for (const tuple of workspace.files) {
      const entry = fileRecordOf(tuple, workspace.ids);
      if (!entry) return 'its contents are damaged';
      files.set(...entry);
    }
    workspaces.set(root, { config: workspace.config, files });
  }
  return workspaces;
}

/** A workspace as it is written: records as tuples, referenced ids as numbers into `ids`. */
function workspaceData({ config, files }: WorkspaceRecord) {
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    let k = numbers.get(id);
    if (k === undefined) numbers.set(id, (k = ids.push(id) - 1));
    return k;
  };
  const tuples = [...files].map(([file, r]) => [
    file,
    r.hash,
    r.size,
    r.mtimeMs,
    r.checkedAt,
    r.definitions,
    r.names,
    r.authorities,
    r.lint ? [r.lint.references.map(numberOf), r.lint.diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])] : null,
  ]);
  return { config, ids, files: tuples };
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
  const workspaces = Object.fromEntries([...cache.workspaces].map(([root, w]) => [root, workspaceData(w)]));
  const temporary = `${cache.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.mkdir(path.dirname(cache.file), { recursive: true });
    await fs.writeFile(temporary, JSON.stringify({ format: FORMAT, version: VERSION, layout: LAYOUT, workspaces }));
    await fs.rename(temporary, cache.file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    warn(`cannot write the cache ${path.relative(cache.cwd, cache.file)}: ${(error as Error).message}`);
  }
}
