// The file of `histmark lint --cache`: where it lives, what it holds, and
// how it is read (never trusted before its shape and version are checked)
// and written (atomically: a temporary file renamed over it, so that a
// process sharing the location never reads half a file). It is JSON lines,
// one line a document: a run that changed a few documents writes the lines
// of the others back as it read them.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  /** How the records read from the file were written there, for writing the unchanged ones back as they were. */
  read?: WrittenRecords;
}

/** The records read and their lines, by path (a record is never changed, only replaced), and the ids their references are numbers into. */
export interface WrittenRecords {
  ids: string[];
  records: Map<string, FileRecord>;
  lines: Map<string, string>;
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

// On disk, each line is JSON: a head, then for each workspace a line of its
// own followed by one line a record, a tuple, in which the ids documents
// reference are numbers into the workspace line's list (a million
// references are most of what the cache holds at 100,000 documents):
//
//   {"format", "version", "layout", "workspaces": count}
//   {"workspace": path, "config", "ids", "files": count}
//   [path, hash, size, mtimeMs, checkedAt, definitions, names, authorities, lint | null]
//   lint: [reference indices, [code, severity, message, start line, start character, end line, end character][]]

/** The arrangement of the file described above; a file of another is dropped like one of another version. */
const LAYOUT = 3;

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

const parseLine = (line: string | undefined): unknown => {
  try {
    return line === undefined ? undefined : JSON.parse(line);
  } catch {
    return undefined;
  }
};

/** The workspaces of a cache file's lines; a string saying what is wrong when it is not one. */
function workspacesOf(lines: string[]): Map<string, WorkspaceRecord> | string {
  const head = parseLine(lines[0]);
  if (!isObject(head) || head.format !== FORMAT) return 'not a Histmark cache file';
  // Another version may diagnose differently: its cache is dropped without a note.
  if (head.version !== VERSION || head.layout !== LAYOUT) return new Map();
  if (!isCount(head.workspaces)) return 'its contents are damaged';
  const workspaces = new Map<string, WorkspaceRecord>();
  let at = 1;
  for (let w = 0; w < head.workspaces; w++) {
    const workspace = parseLine(lines[at++]);
    if (
      !isObject(workspace) ||
      typeof workspace.workspace !== 'string' ||
      !(workspace.config === null || typeof workspace.config === 'string') ||
      !isStrings(workspace.ids) ||
      !isCount(workspace.files)
    ) {
      return 'its contents are damaged';
    }
    const files = new Map<string, FileRecord>();
    const read: WrittenRecords = { ids: workspace.ids, records: files, lines: new Map() };
    for (let f = 0; f < workspace.files; f++) {
      const line = lines[at++];
      const entry = fileRecordOf(parseLine(line), workspace.ids);
      if (!entry) return 'its contents are damaged';
      files.set(...entry);
      read.lines.set(entry[0], line);
    }
    workspaces.set(workspace.workspace, { config: workspace.config, files, read });
  }
  // Nothing after the last record but the final line break.
  if (at !== lines.length - 1 || lines[at] !== '') return 'its contents are damaged';
  return workspaces;
}

/** A workspace's lines: records as tuples, referenced ids as numbers into its list (the one they were read with, grown), unchanged records as they were read. */
function workspaceLines(root: string, { config, files, read }: WorkspaceRecord): string[] {
  const ids = [...(read?.ids ?? [])];
  const numbers = new Map(ids.map((id, k) => [id, k]));
  const numberOf = (id: string) => {
    let k = numbers.get(id);
    if (k === undefined) numbers.set(id, (k = ids.push(id) - 1));
    return k;
  };
  const lines = [...files].map(([file, r]) => {
    if (read?.records.get(file) === r) return read.lines.get(file)!;
    const lint = r.lint
      ? [r.lint.references.map(numberOf), r.lint.diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])]
      : null;
    return JSON.stringify([file, r.hash, r.size, r.mtimeMs, r.checkedAt, r.definitions, r.names, r.authorities, lint]);
  });
  return [JSON.stringify({ workspace: root, config, ids, files: files.size }), ...lines];
}

/** Reads the cache at `file`; a missing one is empty, a damaged or foreign one is ignored with a note on `warn`. */
export function loadCache(file: string, cwd: string, warn: (message: string) => void): LintCache {
  let text: string;
  try {
    // Blocking, as every read of the CLI: a promised read or write of tens of megabytes goes in half-megabyte trips through libuv's pool.
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${path.relative(cwd, file)} (${(error as Error).message}); linting everything.`);
    return { file, cwd, workspaces: new Map() };
  }
  const workspaces = workspacesOf(text.split('\n'));
  if (typeof workspaces === 'string') {
    warn(`ignoring the cache ${path.relative(cwd, file)}: ${workspaces}; linting everything.`);
    return { file, cwd, workspaces: new Map() };
  }
  return { file, cwd, workspaces };
}

/** Writes the cache atomically; a failure is a note, never a failed lint. */
export function saveCache(cache: LintCache, warn: (message: string) => void): void {
  const head = JSON.stringify({ format: FORMAT, version: VERSION, layout: LAYOUT, workspaces: cache.workspaces.size });
  const lines = [head, ...[...cache.workspaces].flatMap(([root, w]) => workspaceLines(root, w)), ''];
  const temporary = `${cache.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(cache.file), { recursive: true });
    writeFileSync(temporary, lines.join('\n'));
    renameSync(temporary, cache.file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The note below says what failed.
    }
    warn(`cannot write the cache ${path.relative(cache.cwd, cache.file)}: ${(error as Error).message}`);
  }
}
