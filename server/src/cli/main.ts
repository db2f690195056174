// The `histmark` command line.

import * as path from 'node:path';
import { nodeFileSystem } from '../model/fileSystem';
import { countSeverities, formatGithub, formatJson, formatSarif, formatText, FORMATS, type Format, printable, type RelativeReport, VERSION } from './formats';
import { lint } from './lint';
import { runLintWorker } from './lintWorkers';
import { ignoreClosedPipe, writePieces } from './output';
import { runTeiCommand, TEI_HELP, TeiUsageError } from './teiCommands';

const HELP = `histmark ${VERSION} — lint Histmark transcripts (.hmd)

Usage:
  histmark lint [paths…] [--format text|json|sarif|github] [--max-warnings N]
${TEI_HELP}  histmark --help | --version

lint      Lints every .hmd file of each folder given (default: the current
          folder), honouring its histmark.json; a file is linted within the
          workspace of the nearest folder above it with a histmark.json.
--format  text (default), json, sarif (SARIF 2.1.0 for code scanning) or
          github (annotations in GitHub Actions).
--max-warnings N
          Exit 1 when there are more than N warnings.

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O problem.
`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  format: Format;
  maxWarnings?: number;
}

function parseLintArgs(args: string[]): Options {
  const options: Options = { paths: [], format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--format' || flag === '-f') {
      const format = value();
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}": use ${FORMATS.join(', ')}.`);
      options.format = format as Format;
    } else if (flag === '--max-warnings') {
      const n = value();
      if (!/^\d+$/.test(n)) throw new UsageError(`--max-warnings takes a whole number, not "${n}".`);
      options.maxWarnings = Number(n);
    } else if (flag.startsWith('-')) {
      throw new UsageError(`Unknown option ${flag}.`);
    } else {
      options.paths.push(arg);
    }
  }
  return options;
}

async function runLint(args: string[]): Promise<number> {
  const options = parseLintArgs(args);
  const cwd = process.cwd();
  const targets = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(cwd, p));
  // The bundled CLI is also the script of its lint worker threads.
  const result = await lint(nodeFileSystem, targets, cwd, { workerScript: __filename });
  const reports: RelativeReport[] = result.reports
    .map((r) => ({ ...r, file: path.relative(cwd, r.path).split(path.sep).join('/') }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const output = {
    text: () => formatText(reports, process.stdout.isTTY === true && !process.env.NO_COLOR),
    json: () => formatJson(reports),
    sarif: () => formatSarif(reports),
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
