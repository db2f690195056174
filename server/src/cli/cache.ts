// `histmark lint --cache`: re-diagnoses only the documents whose diagnostics
// can have changed since the run that wrote the cache. A document is known
// by a hash of its text; one whose text changed (or that came or went) is
// diagnosed again, with every document its change can reach through the
// registry — found by diffing its contribution (model/contribution.ts) the
// way the language server does on an edit. The output is the one a full
// lint gives.

import { statSync } from 'node:fs';
import * as path from 'node:path';
import { affectedBy, changeBetween, claimedName, type Contribution, type CrossReferences, definedId, heldAuthority, mergeChanges, wordsOfNames } from '../model/contribution';
import { readFailure } from '../model/loader';
import { containsWord } from '../model/nameMatcher';
import type { FileRecord, LintCache } from './cacheFile';
import type { Diagnose, FileReport, LintResult } from './lint';
import { contentHash, contributionOfText, type FileSummary } from './lintFiles';
import { relativePath } from './relativePath';

export { cacheFileOf, type LintCache, loadCache, saveCache } from './cacheFile';

/**
 * Modification times this close to when a file was checked may hide a later
 * write within the file system's timestamp granularity: such a file is
 * hashed again, whatever its size and time say.
 */
const RACY_MS = 2000;
const READ_CONCURRENCY = 32;
/** Enough for the texts of the edits between two runs; a first run over an archive would otherwise hold all of it while the workers read it again. */
const KEPT_TEXT_CHARACTERS = 32 * 2 ** 20;

function isUnchangedOnDisk(record: FileRecord, size: number, mtimeMs: number): boolean {
  return record.size === size && record.mtimeMs === mtimeMs && mtimeMs < record.checkedAt - RACY_MS;
}

const toSets = (r: Pick<FileRecord, 'definitions' | 'names' | 'authorities'>): Contribution => ({
  definitions: new Set(r.definitions),
  names: new Set(r.names),
  authorities: new Set(r.authorities),
});

async function forEachConcurrently<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, items.length) }, worker));
}

/** Lookups over the records (by absolute path), each table built on first use; `holdingWords`: the documents holding the words asked for. */
function crossReferences(records: Map<string, FileRecord>, holdingWords: string[]): CrossReferences {
  const tables = new Map<string, Map<string, string[]>>();
  const lookup = (name: string, keysOf: (r: FileRecord) => Iterable<string>) => (key: string) => {
    let byKey = tables.get(name);
    if (!byKey) {
      tables.set(name, (byKey = new Map()));
      for (const [file, record] of records) {
        for (const k of new Set(keysOf(record))) {
          const list = byKey.get(k);
          if (list) list.push(file);
          else byKey.set(k, [file]);
        }
      }
    }
    return byKey.get(key) ?? [];
  };
  return {
    referencing: lookup('references', (r) => r.lint?.references ?? []),
    defining: lookup('definitions', (r) => r.definitions.map(definedId)),
    claiming: lookup('names', (r) => r.names.map(claimedName)),
    holding: lookup('authorities', (r) => r.authorities.map(heldAuthority)),
    containingAnyWord: () => holdingWords,
  };
}

interface Checked {
  /** Absolute path → record, for the documents as they are now (those that could be read). */
  records: Map<string, FileRecord>;
  /** Texts read of the documents that changed, up to `KEPT_TEXT_CHARACTERS`: the rest are read again when diagnosed. */
  texts: Map<string, string>;
  /** Documents whose text changed, came or went, with their record before. */
  changed: { file: string; before?: FileRecord }[];
  failures: LintResult['failures'];
  hashed: number;
}

/** Compares each document with its record in `old` (by workspace-relative path), hashing those whose size and time do not vouch for them. */
async function checkDocuments(root: string, documents: string[], old: Map<string, FileRecord>, readFile: (file: string) => Promise<string>): Promise<Checked> {
  const checked: Checked = { records: new Map(), texts: new Map(), changed: [], failures: [], hashed: 0 };
  let kept = 0;
  // How many cached documents are recorded again: when all of them are, none is gone, and the cached paths need not be joined and looked up.
  let recordedAgain = 0;
  // Taken once, before any stat: a file modified within RACY_MS of the start is hashed (see isUnchangedOnDisk).
  const checkedAt = Date.now();
  // One synchronous stat after another: a warm run is all stats, and a promise for each costs more than the call.
  const toHash: { file: string; before?: FileRecord; size: number; mtimeMs: number }[] = [];
  for (const file of documents) {
    const before = old.get(relativePath(root, file));
    try {
      const { size, mtimeMs } = statSync(file);
      if (before && isUnchangedOnDisk(before, size, mtimeMs)) {
        checked.records.set(file, before);
        recordedAgain++;
      } else {
        toHash.push({ file, before, size, mtimeMs });
      }
    } catch (error) {
      checked.failures.push({ path: file, message: readFailure(error) });
    }
  }
  await forEachConcurrently(toHash, async ({ file, before, size, mtimeMs }) => {
    try {
      const text = await readFile(file);
      checked.hashed++;
      const hash = contentHash(text);
      if (before) recordedAgain++;
      if (before?.hash === hash) return void checked.records.set(file, { ...before, size, mtimeMs, checkedAt });
      const { definitions, names, authorities } = contributionOfText(file, text);
      checked.records.set(file, { hash, size, mtimeMs, checkedAt, definitions: [...definitions], names: [...names], authorities: [...authorities] });
      if ((kept += text.length) <= KEPT_TEXT_CHARACTERS) checked.texts.set(file, text);
      checked.changed.push({ file, before });
    } catch (error) {
      checked.failures.push({ path: file, message: readFailure(error) });
    }
  });
  // Gone, or no longer readable.
  if (recordedAgain < old.size) {
    for (const [relative, before] of old) {
      const file = path.join(root, relative);
      if (!checked.records.has(file)) checked.changed.push({ file, before });
    }
  }
  return checked;
}

/** The documents whose diagnostics can differ from their record's: the changed ones and those their changes reach. */
async function dirtyDocuments({ records, texts, changed }: Checked, readFile: (file: string) => Promise<string>): Promise<Set<string>> {
  const none = { definitions: [], names: [], authorities: [] };
  const change = mergeChanges(changed.map(({ file, before }) => changeBetween(toSets(before ?? none), toSets(records.get(file) ?? none))));
  // Where a changed name can match: the texts not in memory are read only then, and not kept.
  const words = wordsOfNames(change.names);
  const holdingWords: string[] = [];
  if (words.length > 0) {
    await forEachConcurrently([...records.keys()], async (file) => {
      const text = texts.get(file) ?? (await readFile(file).catch(() => undefined));
      if (text !== undefined && words.some((w) => containsWord(text, w))) holdingWords.push(file);
    });
  }
  return new Set([...changed.map((c) => c.file), ...affectedBy(change, crossReferences(records, holdingWords))]);
}

/**
 * Lints `targets` (of the workspace `documents` at `root`) with `cache`,
 * which is updated: the documents not diagnosed keep their cached
 * diagnostics. `diagnose` is how lint.ts diagnoses documents.
 */
export async function lintWithCache(
  cache: LintCache,
  root: string,
  configText: string | undefined,
  documents: string[],
  targets: string[],
  readFile: (file: string) => Promise<string>,
  diagnose: Diagnose,
): Promise<LintResult> {
  const key = relativePath(cache.cwd, root) || '.';
  const previous = cache.workspaces.get(key);
  const old = previous && previous.config === (configText ?? null) ? previous.files : new Map<string, FileRecord>();
  const checked = await checkDocuments(root, documents, old, readFile);
  const { records } = checked;
  const dirty = await dirtyDocuments(checked, readFile);
  const failed = new Set(checked.failures.map((f) => f.path));
  const toDiagnose = targets.filter((d) => !failed.has(d) && (dirty.has(d) || !records.get(d)?.lint));
  const diagnosed = new Set(toDiagnose);
  // Every document that defines entities is read, for what the others' diagnostics read of them.
  const toRead = documents.filter((d) => diagnosed.has(d) || (records.get(d)?.definitions.length ?? 0) > 0);
  const summaries = new Map<string, FileSummary>();
  const linted = toDiagnose.length > 0 ? await diagnose(toRead, toDiagnose, checked.texts, summaries) : { reports: [], failures: [] };

  const fresh = new Map(linted.reports.map((r) => [r.path, r.diagnostics]));
  let consistent = true;
  for (const [file, { hash, references }] of summaries) {
    const record = records.get(file);
    // A file written while it was linted: what was diagnosed is not what was hashed.
    if (record?.hash !== hash) consistent = false;
    const diagnostics = (fresh.get(file) ?? []).map(({ code, severity, message, range }) => ({ code, severity, message, range }));
    if (record) records.set(file, { ...record, lint: { references, diagnostics } });
  }
  // A document that can have changed and was not diagnosed (outside the targets, or unreadable now) keeps no diagnostics.
  for (const file of dirty) {
    const record = records.get(file);
    if (record?.lint && !summaries.has(file)) records.set(file, { ...record, lint: undefined });
  }
  const asBefore = old === previous?.files && checked.hashed === 0 && checked.changed.length === 0 && toDiagnose.length === 0;
  if (!asBefore) cache.modified = true;
  if (consistent) {
    const files = new Map([...records].map(([file, record]) => [relativePath(root, file), record]));
    // With the lines the records were read from: those left alone are written back as they were.
    cache.workspaces.set(key, { config: configText ?? null, files, read: previous?.read });
  } else {
    cache.workspaces.delete(key);
  }
  if (process.env.HISTMARK_DEBUG_CACHE) process.stderr.write(`histmark: cache: ${toDiagnose.length} of ${targets.length} documents diagnosed, ${checked.hashed} hashed (${key}).\n`);

  const reports: FileReport[] = [];
  for (const file of targets) {
    const diagnostics = fresh.get(file) ?? records.get(file)?.lint?.diagnostics ?? [];
    if (diagnostics.length > 0) reports.push({ path: file, diagnostics });
  }
  const wanted = new Set(targets);
  return { reports, failures: [...checked.failures.filter((f) => wanted.has(f.path)), ...linted.failures] };
}
