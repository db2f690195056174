// `histmark export html [paths…] --out DIR`: the static reading edition
// (render/html/edition.ts) of one workspace's transcripts.
// Exit status: 0 written, 1 nothing to write, 2 usage or I/O problem.

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readFailure } from '../model/loader';
import { buildEdition } from '../render/html/edition';
import { loadSingleWorkspace } from './teiWorkspaces';
import { TeiUsageError } from './teiUsage';

export const EXPORT_HTML_HELP = `  histmark export html [paths…] --out DIR [--title TEXT]
          Writes a static reading edition to DIR: a page per transcript, a
          page per entity with the passages that name it, index.html (the
          transcripts and an index of names) and histmark.css.
`;

export async function runExportHtml(args: string[], cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new TeiUsageError((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(EXPORT_HTML_HELP);
    return 0;
  }
  const { out, title } = parsed.values;
  if (out === undefined) throw new TeiUsageError('export html needs --out DIR.');
  // One edition has one index of names: its transcripts share a registry.
  const workspace = await loadSingleWorkspace('export html', parsed.positionals, cwd);
  if (!workspace) return 2;
  const sources = workspace.indexTranscripts();
  if (sources.length === 0) {
    process.stderr.write('histmark: no transcript among the paths given (registries alone are not exported): nothing written.\n');
    return 1;
  }
  const outDir = path.resolve(cwd, out);
  for (const file of buildEdition(workspace.index, sources, title)) {
    const target = path.join(outDir, file.path);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    } catch (error) {
      process.stderr.write(`histmark: cannot write ${path.relative(cwd, target)}: ${readFailure(error)}\n`);
      return 2;
    }
  }
  return 0;
}
