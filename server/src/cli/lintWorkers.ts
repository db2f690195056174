// Linting a large workspace on worker threads, one per core: each thread
// reads and indexes a share of the documents; the documents that define
// entities are exchanged so that every thread can diagnose its share.

import { availableParallelism } from 'node:os';
import { isMainThread, type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';
import { blockingFileSystem } from '../model/fileSystem';
import { mayDefine, readDocument, readScope } from '../model/loader';
import { WorkspaceIndex } from '../model/workspaceIndex';
import type { FileReport, LintResult } from './lint';
import { diagnoseFiles, type FileSummary, indexDefinitions, READ_CONCURRENCY, readAll } from './lintFiles';

/** Workspaces of this many documents or more are linted on worker threads, one per core. */
const PARALLEL_FROM = 500;

interface WorkerInput {
  configText: string | undefined;
  /** The workspace folder: no document is read from outside it. */
  root: string;
  /** Files this thread reads at once: its share of READ_CONCURRENCY. */
  concurrency: number;
  /** The files this worker reads (indexing those that may define entities)… */
  files: string[];
  /** …and the ones of them it diagnoses. */
  targets: string[];
  summarize: boolean;
  /** One counter of files diagnosed, shared by all workers, for the progress line. */
  progress: Int32Array;
  /** Characters of transcripts held between the two passes. */
  heldCharacters: number;
}

interface WorkerResult extends LintResult {
  summaries?: Map<string, FileSummary>;
}

export interface WorkerOptions {
  /** Collects the summary of each file diagnosed (for the cache). */
  summaries?: Map<string, FileSummary>;
  onProgress?: (done: number, total: number) => void;
}

/** How often the main thread, idle while the workers run, reads their progress counter. */
const PROGRESS_POLL_MS = 100;

/** `HISTMARK_LINT_WORKERS` sets the number of threads (0 or 1: this one only). */
export function workerCount(documents: number): number {
  const forced = process.env.HISTMARK_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), documents);
  return documents >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 1;
}

function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      done();
    };
    const onMessage = (message: T) => settle(() => resolve(message));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`a lint worker stopped (exit code ${code}).`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * Diagnoses `targets` on `count` worker threads running `script`, within
 * the workspace of `documents` (which holds them): each worker reads a
 * share of the documents and indexes those that may define entities, then
 * indexes those the other shares found and diagnoses its share of targets.
 */
export async function lintInWorkers(script: string, configText: string | undefined, root: string, documents: string[], targets: Set<string>, count: number, options: WorkerOptions = {}): Promise<LintResult> {
  // Interleaved shares: neighbouring files are often alike in size.
  const deal = (files: string[]) => Array.from({ length: count }, (_, k) => files.filter((_, i) => i % count === k));
  const targetShares = deal(documents.filter((d) => targets.has(d)));
  const readShares = deal(documents.filter((d) => !targets.has(d)));
  const concurrency = Math.max(1, Math.floor(READ_CONCURRENCY / count));
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const workers = targetShares.map(
    (share, k) =>
      new Worker(script, {
        workerData: { histmarkLint: { configText, root, concurrency, files: [...share, ...readShares[k]], targets: share, summarize: options.summaries !== undefined, progress, heldCharacters: heldCharacters() } satisfies WorkerInput },
      }),
  );
  const onProgress = options.onProgress;
  const poll = onProgress && setInterval(() => onProgress(Atomics.load(progress, 0), targets.size), PROGRESS_POLL_MS);
  try {
    const defining = await Promise.all(workers.map((w) => nextMessage<string[]>(w)));
    workers.forEach((w, k) => w.postMessage(defining.flatMap((files, j) => (j === k ? [] : files))));
    const results = await Promise.all(workers.map((w) => nextMessage<WorkerResult>(w)));
    for (const r of results) for (const [file, summary] of r.summaries ?? []) options.summaries?.set(file, summary);
    return { reports: results.flatMap((r) => r.reports), failures: results.flatMap((r) => r.failures) };
  } finally {
    if (poll) clearInterval(poll);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Starts the worker side of `lintInWorkers`; false when this thread is no lint worker. */
export function runLintWorker(): boolean {
  const input = (workerData as { histmarkLint?: WorkerInput } | null)?.histmarkLint;
  const port = parentPort;
  if (isMainThread || !input || !port) return false;
  void lintShare(input, port);
  return true;
}

/**
 * Characters of transcripts a worker holds between reading its share and
 * diagnosing it (about 64 MB as UTF-16); the rest it reads again.
 * `HISTMARK_LINT_HELD_CHARACTERS` sets it (the tests read everything twice).
 */
function heldCharacters(): number {
  const forced = process.env.HISTMARK_LINT_HELD_CHARACTERS;
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : 32_000_000;
}
/** Transcripts read again and diagnosed at a time. */
const BATCH = 64;

/**
 * A worker's share, read from disk: the main thread exchanges the documents
 * with definitions between the shares. Transcripts beyond a budget are read
 * again when their turn comes rather than held: a share of a 1 GB archive
 * held whole made a heap of gigabytes, whose collections cost a fifth of the
 * run, and a blocking read costs less.
 */
async function lintShare(input: WorkerInput, port: MessagePort): Promise<void> {
  // The CLI reads every tree it indexes: keeping them whole spares parsing each one twice.
  // This thread's index diagnoses and nothing else: it keeps no tables of references.
  const index = new WorkspaceIndex({ keepAllTrees: true, tableReferences: false });
  index.setConfig(input.configText);
  const scope = await readScope(blockingFileSystem, [input.root], index.config);
  const read = (file: string) => readDocument(blockingFileSystem, file, scope);
  const targets = new Set(input.targets);
  const failures: LintResult['failures'] = [];
  const defining = new Map<string, string>();
  const held = new Map<string, string>();
  let heldSoFar = 0;
  for (let i = 0; i < input.files.length; i += BATCH) {
    const batch = await readAll(input.files.slice(i, i + BATCH), read, input.concurrency);
    failures.push(...batch.failures);
    for (const [file, text] of batch.texts) {
      if (mayDefine(text)) defining.set(file, text);
      else if (targets.has(file) && heldSoFar + text.length <= input.heldCharacters) {
        held.set(file, text);
        heldSoFar += text.length;
      }
    }
  }
  port.postMessage(indexDefinitions(index, defining));
  const others = await new Promise<string[]>((resolve) => port.once('message', resolve));
  // A document that cannot be read is reported by the worker that was to diagnose it.
  indexDefinitions(index, (await readAll(others, read, input.concurrency)).texts);
  const unread = new Set(failures.map((f) => f.path));
  const summaries = input.summarize ? new Map<string, FileSummary>() : undefined;
  const reports: FileReport[] = [];
  for (let i = 0; i < input.targets.length; i += BATCH) {
    const files = input.targets.slice(i, i + BATCH).filter((file) => !unread.has(file));
    const again = await readAll(files.filter((file) => !defining.has(file) && !held.has(file)), read, input.concurrency);
    failures.push(...again.failures);
    const texts = new Map<string, string>();
    for (const file of files) {
      const text = defining.get(file) ?? held.get(file) ?? again.texts.get(file);
      if (text !== undefined) texts.set(file, text);
      held.delete(file);
    }
    reports.push(...diagnoseFiles(index, texts, files, { summaries, onDiagnosed: () => Atomics.add(input.progress, 0, 1) }));
  }
  port.postMessage({ reports, failures: failures.filter((f) => targets.has(f.path)), summaries } satisfies WorkerResult);
}
