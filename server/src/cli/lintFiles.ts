// How a set of documents is linted: read a few at a time, index the ones
// that define entities (every cross-document check reads only those), then
// diagnose each of the others on its own and drop its tree. Shared by the
// single-threaded CLI and its worker threads.

import { createHash } from 'node:crypto';
import { type Contribution, contributionOf, EMPTY_CONTRIBUTION } from '../model/contribution';
import { entityOf } from '../model/entity';
import { inParallel, mayDefine, readFailure, uriOfPath } from '../model/loader';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { parse } from '../syntax/parse';
import { diagnoseDocument } from '../features/diagnostics';
import type { FileReport, LintResult } from './lint';

/** Files read at once (by all threads together): enough to overlap I/O, few enough for any file-handle limit. */
export const READ_CONCURRENCY = 32;

/** Files that could not be read, with the reason. */
export type Failures = LintResult['failures'];

/** The texts of `files` (read `concurrency` at a time), and the files that could not be read. */
export async function readAll(files: string[], read: (file: string) => Promise<string>, concurrency = READ_CONCURRENCY): Promise<{ texts: Map<string, string>; failures: Failures }> {
  const texts = new Map<string, string>();
  const failures: Failures = [];
  await inParallel(
    files,
    async (file) => {
      try {
        texts.set(file, await read(file));
      } catch (error) {
        failures.push({ path: file, message: readFailure(error) });
      }
    },
    concurrency,
  );
  return { texts, failures };
}

/** The contribution of a document not in an index (model/contribution.ts). */
export function contributionOfText(file: string, text: string): Contribution {
  if (!mayDefine(text)) return EMPTY_CONTRIBUTION;
  const uri = uriOfPath(file);
  return contributionOf(parse(text).definitions.map((d) => entityOf(uri, d, text)));
}

/** Indexes (and keeps) the documents that may hold definitions, which every cross-document check reads; returns their paths. */
export function indexDefinitions(index: WorkspaceIndex, texts: Map<string, string>): string[] {
  const defining = [...texts].filter(([, text]) => mayDefine(text));
  for (const [file, text] of defining) index.setDocument(uriOfPath(file), text, 0, { trackAffected: false });
  return defining.map(([file]) => file);
}

/** What the cache keeps of a diagnosed document besides its diagnostics (cache.ts). */
export interface FileSummary {
  /** `contentHash` of the text diagnosed. */
  hash: string;
  /** The ids it references. */
  references: string[];
}

/** The key of a document's text in the cache: a file's content, not its modification time (CI checkouts reset those). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

function summaryOf(entry: DocumentEntry): FileSummary {
  return { hash: contentHash(entry.text), references: [...entry.references.keys()] };
}

export interface DiagnoseHooks {
  /** Filled with the summary of each file diagnosed. */
  summaries?: Map<string, FileSummary>;
  onDiagnosed?: () => void;
}

/** Diagnoses `files`; each one not indexed yet is indexed, diagnosed and dropped, so that one such tree at a time is alive. */
export function diagnoseFiles(index: WorkspaceIndex, texts: Map<string, string>, files: Iterable<string>, hooks: DiagnoseHooks = {}): FileReport[] {
  const reports: FileReport[] = [];
  for (const file of files) {
    const text = texts.get(file);
    if (text === undefined) continue;
    const uri = uriOfPath(file);
    const passing = index.document(uri) === undefined;
    // Not indexed before, so defining nothing (see indexDefinitions): no other document's diagnostics depend on it.
    if (passing) index.setDocument(uri, text, 0, { trackAffected: false });
    const diagnostics = diagnoseDocument(index, uri);
    hooks.summaries?.set(file, summaryOf(index.document(uri)!));
    if (passing) index.removeDocument(uri);
    if (diagnostics.length > 0) reports.push({ path: file, diagnostics });
    hooks.onDiagnosed?.();
  }
  return reports;
}
