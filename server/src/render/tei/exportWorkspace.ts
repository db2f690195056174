// Exports the transcripts of a loaded workspace: one TEI document per
// transcript at `<path relative to the root>.xml`, or one teiCorpus. Shared
// by the CLI and the language server.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import { definitionProblems } from '../walk';
import { type ExportWarning, exportWarning, teiCorpus, teiDocument, type TeiSource } from './document';

export type { ExportWarning } from './document';

export interface TeiOutput {
  /** Relative to the output folder, with `/`. */
  path: string;
  xml: string;
  /** The transcript it comes from (undefined for a corpus). */
  uri?: string;
}

function relativePath(root: string, uri: string): string {
  return path.relative(root, fileURLToPath(uri)).split(path.sep).join('/');
}

/** The transcripts (not registries) of the index, in path order; `selected` limits them to those uris. */
export function transcriptSources(index: WorkspaceIndex, root: string, selected?: (uri: string) => boolean): TeiSource[] {
  const entries: DocumentEntry[] = [...index.documents()].filter((e) => !e.isRegistry && (selected?.(e.uri) ?? true));
  return entries.map((entry) => ({ entry, path: relativePath(root, entry.uri) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function exportDocuments(index: WorkspaceIndex, sources: Iterable<TeiSource>, write?: (output: TeiOutput) => void): { outputs: TeiOutput[]; warnings: ExportWarning[] } {
  const outputs: TeiOutput[] = [];
  const warnings: ExportWarning[] = [];
  for (const source of sources) {
    const result = teiDocument(index, source);
    const output = { path: source.path.replace(/\.hmd$/, '') + '.xml', xml: result.xml, uri: source.entry.uri };
    // With `write`, each file is handed over as it is made and not kept.
    if (write) write(output);
    else outputs.push(output);
    warnings.push(...result.warnings);
  }
  return { outputs, warnings: dedupe([...warnings, ...registryWarnings(index)]) };
}

export function exportCorpus(index: WorkspaceIndex, sources: Iterable<TeiSource>, title: string): { xml: string; warnings: ExportWarning[] } {
  const result = teiCorpus(index, sources, title);
  return { xml: result.xml, warnings: dedupe([...result.warnings, ...registryWarnings(index)]) };
}

/** A registry exports as its entities; a footnote defined there has no place in any TEI document. */
function registryWarnings(index: WorkspaceIndex): ExportWarning[] {
  const out: ExportWarning[] = [];
  for (const entry of index.documents()) {
    if (!entry.isRegistry) continue;
    for (const d of entry.tree.footnoteDefinitions) out.push(exportWarning(index, entry.uri, d.start, `footnote [^${d.label}] of a registry file is not exported`));
    for (const block of entry.tree.blocks) {
      if (block.kind === 'definition') for (const w of definitionProblems(entry.tree, block)) out.push(exportWarning(index, entry.uri, w.at, w.message));
    }
  }
  return out;
}

/** A registry entity's warning repeats in every document naming it: say it once. */
function dedupe(warnings: ExportWarning[]): ExportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.uri} ${w.offset} ${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
