// The editor's TEI commands, done in the server so that the editor and the
// CLI share every line of the export and import: the transcripts come from
// the open workspace index, the files are written here.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseError } from 'vscode-languageserver/node';
import type { ExportTeiParams, ExportTeiResult, ImportTeiParams, ImportTeiResult } from '../lsp/protocol';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { exportDocuments, transcriptSources } from '../render/tei/exportWorkspace';
import { importTei } from './importTei';

/** The workspace folder holding `file` (the deepest), or the file's own folder. */
function rootOf(folders: readonly string[], file: string): string {
  const inside = folders.filter((f) => !path.relative(f, file).startsWith('..')).sort((a, b) => b.length - a.length);
  return inside[0] ?? path.dirname(file);
}

/** A file that cannot be read or written is the user's to fix: an error answer with the reason, not a log line. */
function fileError(error: unknown): ResponseError<void> {
  return new ResponseError(-32803, `Histmark: ${(error as Error).message}`);
}

function write(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw fileError(error);
  }
}

export function exportTeiRequest(index: WorkspaceIndex, folders: readonly string[], params: ExportTeiParams): ExportTeiResult {
  const result: ExportTeiResult = { written: [], warnings: [] };
  const byRoot = new Map<string, boolean>();
  if (params.uri) byRoot.set(rootOf(folders, fileURLToPath(params.uri)), true);
  else for (const folder of folders) byRoot.set(folder, true);
  for (const root of byRoot.keys()) {
    const inRoot = (uri: string) => rootOf(folders, fileURLToPath(uri)) === root;
    const sources = transcriptSources(index, root, params.uri ? (uri) => uri === params.uri : inRoot);
    const exported = exportDocuments(index, sources);
    for (const output of exported.outputs) {
      const file = path.join(params.outDir, output.path);
      write(file, output.xml);
      result.written.push(file);
      if (output.uri === params.uri) result.document = file;
    }
    for (const w of exported.warnings) result.warnings.push({ uri: w.uri, range: { start: w.position, end: w.position }, message: w.message });
  }
  return result;
}

export function importTeiRequest(params: ImportTeiParams): ImportTeiResult {
  let inputs;
  try {
    inputs = params.files.map((file) => ({ file, xml: readFileSync(file, 'utf8') }));
  } catch (error) {
    throw fileError(error);
  }
  const imported = importTei(inputs);
  const written = imported.files.map((f) => {
    const file = path.join(params.outDir, f.path);
    write(file, f.text);
    return file;
  });
  return { written, messages: imported.messages.map((m) => ({ file: m.file, line: m.position.line, column: m.position.column, message: m.message, fatal: m.fatal })) };
}
