// The server's cold index on worker threads, one per core. Each worker
// reads a share of the folder; the documents that may define entities go to
// the main thread, which indexes them and hands each worker the others';
// then every worker parses and diagnoses its transcripts and sends each one
// back compact (text, line index, reference spans) with its diagnostics.
// The trees, and the garbage of building them, stay in the workers, which
// end with the load: the main thread holds what it keeps and nothing more.

import { availableParallelism } from 'node:os';
import { isMainThread, type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';
import { diagnoseDocument } from '../features/diagnostics';
import type { HmDiagnostic } from '../features/diagnostics/types';
import { blockingFileSystem, nodeFileSystem } from '../model/fileSystem';
import { configureFolder, inParallel, type LoadResult, mayDefine, readDocument, readFailure, readScope, uriOfPath } from '../model/loader';
import type { CompactForm } from '../model/storedDocument';
import { WorkspaceIndex } from '../model/workspaceIndex';

/** Folders of this many documents or more are indexed on worker threads. */
const PARALLEL_FROM = 500;
/** Files a worker reads at once. */
const READ_CONCURRENCY = 16;
/** Transcripts a worker sends at once. */
const BATCH = 64;
/** Characters of transcripts a worker holds between its two passes; the rest it reads again. */
const HELD_CHARACTERS = 16_000_000;

/** `HISTMARK_INDEX_WORKERS` sets the number of threads (0 or 1: none). */
export function indexWorkerCount(documents: number): number {
  const forced = process.env.HISTMARK_INDEX_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), documents);
  return documents >= PARALLEL_FROM ? Math.min(availableParallelism(), 4) : 1;
}

interface WorkerInput {
  configText: string | undefined;
  root: string;
  files: string[];
}

type Failure = LoadResult['failures'][number];

/** A transcript as a worker sends it: compact, or (a text kept whole, e.g. one the parser failed on) its text to index here. */
interface Indexed {
  form?: CompactForm;
  uri: string;
  text?: string;
  diagnostics: HmDiagnostic[];
}

type FromWorker =
  | { kind: 'defining'; documents: [string, string][] }
  | { kind: 'batch'; documents: Indexed[]; read: number }
  | { kind: 'done'; failures: Failure[] };

export interface ParallelLoadHooks {
  onProgress?: (done: number, total: number) => void;
  /** A transcript indexed, with the diagnostics its worker found (final: see loadWorkspaceFolder). */
  onSettled?: (uri: string, diagnostics: HmDiagnostic[]) => void;
}

/**
 * Loads `root` into `index` as `loadWorkspaceFolder` does, on threads
 * running `script` (which calls `runIndexWorker`); undefined, having loaded
 * nothing, when the folder is too small for threads to pay.
 */
export async function loadInWorkers(index: WorkspaceIndex, root: string, script: string, hooks: ParallelLoadHooks = {}): Promise<(LoadResult & { threads: number }) | undefined> {
  const failures: Failure[] = [];
  const { configText, documents } = await configureFolder(index, nodeFileSystem, root, failures);
  const count = indexWorkerCount(documents.length);
  if (count <= 1) return undefined;
  // Interleaved shares: neighbouring files are often alike in size.
  const shares = Array.from({ length: count }, (_, k) => documents.filter((_, i) => i % count === k));
  const workers = shares.map((files) => new Worker(script, { workerData: { histmarkIndex: { configText, root, files } satisfies WorkerInput } }));
  let done = 0;
  try {
    const finished = workers.map(
      (worker, k) =>
        new Promise<void>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('exit', (code) => reject(new Error(`an index worker stopped (exit code ${code}).`)));
          worker.on('message', (message: FromWorker) => {
            try {
              if (message.kind === 'defining') return received(k, message.documents);
              if (message.kind === 'done') {
                failures.push(...message.failures);
                return resolve();
              }
              for (const { form, uri, text, diagnostics } of message.documents) {
                if (form) index.setCompactDocument(form);
                else index.setDocument(uri, text!, 0, { trackAffected: false });
                hooks.onSettled?.(uri, diagnostics);
              }
              done += message.read;
              hooks.onProgress?.(done, documents.length);
            } catch (error) {
              reject(error);
            }
          });
        }),
    );
    const defining: [string, string][][] = [];
    let defined = 0;
    const received = (k: number, docs: [string, string][]) => {
      defining[k] = docs;
      if (++defined < workers.length) return;
      // The workers first: they index the definitions themselves and need nothing else from here.
      workers.forEach((w, j) => w.postMessage(defining.flatMap((docs, i) => (i === j ? [] : docs))));
      for (const [file, text] of defining.flat()) index.setDocument(uriOfPath(file), text, 0, { trackAffected: false });
      done += defining.flat().length;
    };
    await Promise.all(finished);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { documents, configText, failures, threads: count };
}

/** Starts the worker side of `loadInWorkers`; false when this thread is no index worker. */
export function runIndexWorker(): boolean {
  const input = (workerData as { histmarkIndex?: WorkerInput } | null)?.histmarkIndex;
  const port = parentPort;
  if (isMainThread || !input || !port) return false;
  void indexShare(input, port);
  return true;
}

async function indexShare(input: WorkerInput, port: MessagePort): Promise<void> {
  const index = new WorkspaceIndex({ tableReferences: false });
  index.setConfig(input.configText);
  const scope = await readScope(blockingFileSystem, [input.root], index.config);
  const failures: Failure[] = [];
  const readText = async (file: string): Promise<string | undefined> => {
    try {
      return await readDocument(blockingFileSystem, file, scope);
    } catch (error) {
      failures.push({ path: file, message: readFailure(error) });
      return undefined;
    }
  };
  const defining: [string, string][] = [];
  const transcripts: { file: string; text?: string }[] = [];
  let held = 0;
  let unreadable = 0;
  await inParallel(input.files, async (file) => {
    const text = await readText(file);
    if (text === undefined) return void unreadable++;
    if (mayDefine(text)) return void defining.push([file, text]);
    const hold = held + text.length <= HELD_CHARACTERS;
    if (hold) held += text.length;
    transcripts.push({ file, text: hold ? text : undefined });
  }, READ_CONCURRENCY);
  port.postMessage({ kind: 'defining', documents: defining } satisfies FromWorker);
  const others = await new Promise<[string, string][]>((resolve) => port.once('message', resolve));
  for (const [file, text] of [...defining, ...others]) index.setDocument(uriOfPath(file), text, 0, { trackAffected: false });

  let batch: Indexed[] = [];
  /** Transcripts read (or not readable) since the last batch, for the progress count. */
  let read = unreadable;
  const send = () => {
    port.postMessage({ kind: 'batch', documents: batch, read } satisfies FromWorker);
    batch = [];
    read = 0;
  };
  await inParallel(transcripts, async (transcript) => {
    const text = transcript.text ?? (await readText(transcript.file));
    transcript.text = undefined;
    read++;
    if (text === undefined) return;
    const uri = uriOfPath(transcript.file);
    index.setDocument(uri, text, 0, { trackAffected: false });
    const form = index.document(uri)!.compactForm;
    batch.push({ uri, form, text: form ? undefined : text, diagnostics: diagnoseDocument(index, uri) });
    // This thread's index holds the definitions only: each transcript is diagnosed on its own.
    index.removeDocument(uri);
    if (batch.length >= BATCH) send();
  }, READ_CONCURRENCY);
  send();
  port.postMessage({ kind: 'done', failures } satisfies FromWorker);
}

