// The `histmark` command line.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { blockingFileSystem } from '../model/fileSystem';
import { cacheFileOf, loadCache, saveCache } from './cache';
import { countSeverities, formatGithub, formatJson, formatSarif, formatText, FORMATS, type Format, printable, type RelativeReport, VERSION } from './formats';
import { lint } from './lint';
import { runLintWorker } from './lintWorkers';
import { ignoreClosedPipe, writePieces } from './output';
import { ProgressLine } from './progress';
import { relativePath } from './relativePath';
import { parseShard, type Shard, shardAutomationId } from './shard';
import { EXPORT_HTML_HELP, runExportHtml } from './exportHtml';
import { runTeiCommand, TEI_HELP, TeiUsageError } from './teiCommands';
import { EXPORT_NETWORK_HELP, runExportNetwork } from './exportNetwork';

const HELP = `histmark ${VERSION} — lint Histmark transcripts (.hmd)

Usage:
  histmark lint [paths…] [--format text|json|sarif|github] [--max-warnings N]
                [--cache [--cache-location FILE]] [--shard I/N] [--changed-since REF]
${TEI_HELP}${EXPORT_HTML_HELP}${EXPORT_NETWORK_HELP}  histmark --help | --version

lint      Lints every .hmd file of each folder given (default: the current
          folder), honouring its histmark.json; a file is linted within the
          workspace of the nearest folder above it with a histmark.json.
--format  text (default), json, sarif (SARIF 2.1.0 for code scanning) or
          github (annotations in GitHub Actions).
--max-warnings N
          Exit 1 when there are more than N warnings.
--cache   Re-lint only the files that changed since the last run with
          --cache, and those a change reaches through the registry; the
          output is the same as without it.
--cache-location FILE
          Where the cache is kept (default: node_modules/.cache/histmark/,
          or .histmark-cache without a node_modules folder).
--shard I/N
          Report only the I-th of N slices of the documents (each reads the
          whole registry), to split an archive over CI machines.
--changed-since REF
          Report only the documents changed since the git revision REF
          (untracked ones included) and those the change can affect.

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O problem.
`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  format: Format;
  maxWarnings?: number;
  cache: boolean;
  cacheLocation?: string;
  shard?: Shard;
  changedSince?: string;
}

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  'changed-since': { type: 'string' },
} as const;

function parseLintArgs(args: string[]): Options {
  const options: Options = { paths: [], format: 'text', cache: false };
  // Not strict: the messages name the option as the user wrote it.
  const { tokens } = parseArgs({ args, options: LINT_OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') options.paths.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName, value } = token;
    if (!Object.hasOwn(LINT_OPTIONS, name)) throw new UsageError(`Unknown option ${rawName}.`);
    if (name === 'cache') {
      if (value !== undefined) throw new UsageError(`${rawName} takes no value.`);
      options.cache = true;
      continue;
    }
    if (value === undefined) throw new UsageError(`${rawName} needs a value.`);
    if (name === 'format') {
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`Unknown format "${value}": use ${FORMATS.join(', ')}.`);
      options.format = value as Format;
    } else if (name === 'max-warnings') {
      if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
      options.maxWarnings = Number(value);
    } else if (name === 'cache-location') {
      options.cacheLocation = value;
    } else if (name === 'shard') {
      options.shard = parseShard(value);
      if (!options.shard) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N (e.g. 2/4), not "${value}".`);
    } else {
      options.changedSince = value;
    }
  }
  if (options.cacheLocation !== undefined && !options.cache) throw new UsageError('--cache-location goes with --cache.');
  return options;
}

async function runLint(args: string[]): Promise<number> {
  const options = parseLintArgs(args);
  const cwd = process.cwd();
  const targets = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(cwd, p));
  const warn = (message: string) => process.stderr.write(`histmark: ${message}\n`);
  const cache = options.cache ? loadCache(cacheFileOf(cwd, options.cacheLocation), cwd, warn) : undefined;
  const progress = new ProgressLine(process.stderr);
  let result: Awaited<ReturnType<typeof lint>>;
  try {
    // The bundled CLI is also the script of its lint worker threads.
    result = await lint(blockingFileSystem, targets, cwd, {
      workerScript: __filename,
      cache,
      shard: options.shard,
      changedSince: options.changedSince,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.clear();
  }
  if (cache?.modified) saveCache(cache, warn);
  const reports: RelativeReport[] = result.reports
    .map((r) => ({ ...r, file: relativePath(cwd, r.path) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const output = {
    text: () => formatText(reports, process.stdout.isTTY === true && !process.env.NO_COLOR),
    json: () => formatJson(reports),
    sarif: () => formatSarif(reports, options.shard && shardAutomationId(options.shard)),
    github: () => formatGithub(reports),
  }[options.format]();
  await writePieces(process.stdout, output);
  for (const failure of result.failures) process.stderr.write(`histmark: ${printable(path.relative(cwd, failure.path) || '.')}: ${printable(failure.message)}\n`);
  if (result.failures.length > 0) return 2;
  const counts = countSeverities(reports);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    process.stderr.write(`histmark: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'export' && rest[0] === 'network') return runExportNetwork(rest.slice(1));
  if (command === 'export' && rest[0] === 'html') return runExportHtml(rest.slice(1));
  if (command === 'export' || command === 'import') return runTeiCommand(command, rest);
  if (command !== 'lint') throw new UsageError(`Unknown command "${command}".`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  return runLint(rest);
}

if (!runLintWorker()) {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof TeiUsageError) {
        process.stderr.write(`histmark: ${error.message}\nRun \`histmark --help\` for usage.\n`);
      } else {
        process.stderr.write(`histmark: ${(error as Error).message ?? String(error)}\n`);
      }
      process.exitCode = 2;
    },
  );
}
