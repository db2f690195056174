// Types of report.mjs (the parts the TypeScript tests use).

import type { EditorMeasures } from './editorComparison.mjs';

export interface ComparedRow {
  size: number;
  comparison?: { histmark: EditorMeasures; markdown: EditorMeasures };
}

export function editorComparisonTable(rows: ComparedRow[]): string;
export function serverFailures(rows: { size: number; server: { failed?: string } }[]): string;
export function editorComparisonNotes(rows: ComparedRow[]): string;
