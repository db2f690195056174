// `histmark export network [paths…] --format gexf|graphml|csv --out PATH`:
// the entity network of the transcripts (issue 11). Exit status as for
// `export tei`: 0 clean, 1 with warnings, 2 usage or I/O problem.

import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readFailure } from '../model/loader';
import { buildNetwork, undefinedSummary } from '../render/network/graph';
import { csvTables, gexf, graphml, NETWORK_FORMATS } from '../render/network/formats';
import { loadSingleWorkspace } from './teiWorkspaces';
import { TeiUsageError } from './teiUsage';

export const EXPORT_NETWORK_HELP = `  histmark export network [paths…] [--format gexf|graphml|csv] --out PATH
          Writes who quotes whom, who mentions whom and who is named with
          whom in the transcripts: GEXF 1.3 (Gephi, the default) or GraphML
          (Cytoscape, yEd) to the file PATH, or CSV to PATH/nodes.csv and
          PATH/edges.csv (Palladio, Gephi).
`;

function write(file: string, text: string, cwd: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new Error(`cannot write ${path.relative(cwd, file) || file}: ${readFailure(error)}`);
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export async function runExportNetwork(args: string[], cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, format: { type: 'string', short: 'f' } } });
  } catch (error) {
    throw new TeiUsageError((error as Error).message);
  }
  const { out, format: formatName = 'gexf' } = parsed.values;
  const format = NETWORK_FORMATS.find((f) => f === formatName);
  if (!format) throw new TeiUsageError(`export network writes ${NETWORK_FORMATS.join(', ')}, not "${formatName}".`);
  if (out === undefined) throw new TeiUsageError('export network needs --out PATH (a file; a folder for csv).');
  // One network is one registry: ids mean one thing in it.
  const workspace = await loadSingleWorkspace('export network', parsed.positionals, cwd);
  if (!workspace) return 2;
  const sources = workspace.indexTranscripts();
  if (sources.length === 0) {
    process.stderr.write('histmark: no transcript among the paths given (registries are not sources): nothing written.\n');
    return 1;
  }
  const network = buildNetwork(workspace.index, sources);
  const target = path.resolve(cwd, out);
  try {
    if (format === 'csv') {
      const tables = csvTables(network);
      write(path.join(target, 'nodes.csv'), tables.nodes, cwd);
      write(path.join(target, 'edges.csv'), tables.edges, cwd);
    } else {
      if (isDirectory(target)) throw new Error(`cannot write ${out}: it is a folder (--out names the ${format} file).`);
      write(target, format === 'gexf' ? gexf(network) : graphml(network), cwd);
    }
  } catch (error) {
    process.stderr.write(`histmark: ${(error as Error).message}\n`);
    return 2;
  }
  const warning = undefinedSummary(network);
  if (warning) process.stderr.write(`histmark: warning: ${warning}\n`);
  return warning ? 1 : 0;
}
