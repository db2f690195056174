// `histmark export tei [paths…] --out DIR | --corpus FILE` (SPEC.md 14).
// Exit status: 0 clean, 1 with warnings, 2 usage or I/O problem.

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFailure } from '../model/loader';
import { type ExportWarning, exportCorpus, exportDocuments } from '../render/tei/exportWorkspace';
import { printable } from './formats';
import { loadTargets } from './teiWorkspaces';

export const EXPORT_TEI_HELP = `  histmark export tei [paths…] (--out DIR | --corpus FILE)
          Exports each transcript to TEI P5 at DIR/<path in its workspace>.xml,
          or all of them as one teiCorpus FILE. Warnings (what the export
          could not place) go to stderr as file:line:col; exit 1 with warnings.
`;

import { TeiUsageError } from './teiUsage';

function relativeFile(cwd: string, uri: string): string {
  return (path.relative(cwd, fileURLToPath(uri)) || '.').split(path.sep).join('/');
}

export function formatWarning(cwd: string, warning: ExportWarning): string {
  return `${relativeFile(cwd, warning.uri)}:${warning.position.line + 1}:${warning.position.character + 1}: warning: ${warning.message}`;
}

function* prepend<T>(first: T, rest: Iterator<T>): Generator<T> {
  yield first;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}

function write(file: string, text: string, cwd: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new Error(`cannot write ${path.relative(cwd, file)}: ${readFailure(error)}`);
  }
}

export async function runExportTei(args: string[], cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, corpus: { type: 'string' } } });
  } catch (error) {
    throw new TeiUsageError((error as Error).message);
  }
  const { out, corpus } = parsed.values;
  if ((out === undefined) === (corpus === undefined)) throw new TeiUsageError('export tei needs --out DIR (one file per transcript) or --corpus FILE (one teiCorpus).');
  const targets = (parsed.positionals.length > 0 ? parsed.positionals : ['.']).map((p) => path.resolve(cwd, p));
  const { workspaces, failures } = await loadTargets(targets, cwd);
  for (const failure of failures) process.stderr.write(`histmark: ${printable(path.relative(cwd, failure.path) || '.')}: ${printable(failure.message)}\n`);
  if (failures.length > 0) return 2;
  const warnings: ExportWarning[] = [];
  let written = 0;
  try {
    if (corpus !== undefined) {
      // A corpus shares one registry: its transcripts come from one workspace.
      if (workspaces.length > 1) throw new TeiUsageError(`--corpus takes paths of one workspace; these are in ${workspaces.length}: ${workspaces.map((w) => path.relative(cwd, w.root) || '.').join(', ')}.`);
      const [{ index, transcripts }] = workspaces;
      const sources = transcripts();
      const first = sources.next();
      if (!first.done) {
        const result = exportCorpus(index, prepend(first.value, sources), 'Transcripts exported from Histmark');
        write(path.resolve(cwd, corpus), result.xml, cwd);
        warnings.push(...result.warnings);
        written = 1;
      }
    } else {
      for (const w of workspaces) {
        const result = exportDocuments(w.index, w.transcripts(), (output) => {
          write(path.resolve(cwd, out!, output.path), output.xml, cwd);
          written++;
        });
        warnings.push(...result.warnings);
      }
    }
  } catch (error) {
    if (error instanceof TeiUsageError) throw error;
    process.stderr.write(`histmark: ${(error as Error).message}\n`);
    return 2;
  }
  if (written === 0) {
    process.stderr.write('histmark: no transcript among the paths given (registries alone are not exported): nothing written.\n');
    return 1;
  }
  for (const warning of warnings) process.stderr.write(formatWarning(cwd, warning) + '\n');
  return warnings.length > 0 ? 1 : 0;
}
