// Types of editorComparison.mjs, for the TypeScript tests that import it.

import type { Memory } from './server.mjs';

export interface EditorMeasures {
  coldSeconds: number;
  memoryAfterIndex?: Memory;
  firstSymbols: number;
  /** Durations in ms. */
  workspaceSymbol: number[];
  documentSymbol: number[];
  documentSymbols: number;
  folding: number[];
  foldingRanges: number;
  keystroke: number[];
  /** The Markdown server's diagnostic pulls: how many, how many answered with an error, the first error. */
  pulls?: { count: number; failed: number; message?: string };
}

export function measureEditorComparison(
  dir: string,
  markdownDir: string,
  document: string,
  options?: { keystrokes?: number; requests?: number; timeoutMs?: number; nodeOptions?: string[] },
): Promise<{ histmark: EditorMeasures; markdown: EditorMeasures }>;
