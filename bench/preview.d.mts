// Types of preview.mjs, for the TypeScript tests that import it.

import type { CommandRun } from './commands.mjs';

export interface PreviewRun {
  p50: number;
  p95: number;
  keystrokes: number;
  blocks: number;
  htmlBytes: number;
  textBytes: number;
}
export type ExportHtmlRun = CommandRun & { outBytes: number; files: number };

export function measurePreview(dir: string, document: string, options?: { keystrokes?: number; warmup?: number }): Promise<PreviewRun>;
export function measureExportHtml(dir: string, options?: { repeat?: number }): Promise<ExportHtmlRun>;
export function previewTable(rows: { size: number; preview: PreviewRun | { failed: string }; exportHtml: ExportHtmlRun | { failed: string } }[]): string;
