// Types of generate.mjs, for the TypeScript tests that import it.

export interface CorpusManifest {
  version: number;
  /** generatorFingerprint() when the corpus was written. */
  generator: string;
  seed: string;
  documents: number;
  book: boolean;
  entities: number;
  bytes: number;
  /** Diagnostics put there on purpose: the only ones the corpus has. */
  planted: { HM001: number; HM005: number };
}

export interface CorpusOptions {
  seed?: string;
  book?: boolean;
  sourceDir?: string;
}

export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: string;
export const CORPORA_DIR: string;
export const MANIFEST: string;
export const BOOK_DOCUMENT: string;
export const MIN_FREE_BYTES: number;
export function registrySize(documents: number): number;
export function generatorFingerprint(): string;
export function transcriptPath(i: number): string;
export function checkFreeSpace(dir: string, documents: number, freeBytes?: number): void;
export function generateCorpus(dir: string, documents: number, options?: CorpusOptions): CorpusManifest;
export function ensureCorpus(root: string, documents: number, options?: CorpusOptions): { dir: string; manifest: CorpusManifest; reused: boolean };
export function markdownDir(dir: string): string;
export function markdownCopy(dir: string): string;
