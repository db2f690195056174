// `histmark import tei FILES… --out DIR`: TEI → transcripts and a registry.
// Exit status: 0 clean, 1 with warnings, 2 usage or I/O problem (or a file
// that is not TEI at all).

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { importTei, type TeiInput } from '../interchange/importTei';
import { readFailure } from '../model/loader';
import { TeiUsageError } from './teiUsage';

export const IMPORT_TEI_HELP = `  histmark import tei FILES… --out DIR
          Imports TEI files (or the .xml files of folders) into DIR: one
          transcript per TEI document, entities in DIR/registry/*.hmd merged
          by xml:id. What has no Histmark form is reported with its line.
`;

function xmlFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? xmlFiles(path.join(target, e.name)) : e.name.endsWith('.xml') ? [path.join(target, e.name)] : []))
    .sort();
}

export async function runImportTei(args: string[], cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (error) {
    throw new TeiUsageError((error as Error).message);
  }
  const out = parsed.values.out;
  if (out === undefined) throw new TeiUsageError('import tei needs --out DIR.');
  if (parsed.positionals.length === 0) throw new TeiUsageError('import tei needs the TEI files to read.');
  const inputs: TeiInput[] = [];
  for (const target of parsed.positionals.map((p) => path.resolve(cwd, p))) {
    try {
      for (const file of xmlFiles(target)) inputs.push({ file: path.relative(cwd, file).split(path.sep).join('/'), xml: readFileSync(file, 'utf8') });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder.' : readFailure(error);
      process.stderr.write(`histmark: ${path.relative(cwd, target) || '.'}: ${reason}\n`);
      return 2;
    }
  }
  const result = importTei(inputs);
  try {
    for (const file of result.files) {
      const target = path.resolve(cwd, out, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
  } catch (error) {
    process.stderr.write(`histmark: cannot write to ${out}: ${readFailure(error)}\n`);
    return 2;
  }
  for (const m of result.messages) process.stderr.write(`${m.file}:${m.position.line}:${m.position.column}: ${m.fatal ? 'error' : 'warning'}: ${m.message}\n`);
  if (result.messages.some((m) => m.fatal)) return 2;
  return result.messages.length > 0 ? 1 : 0;
}
