// Output formats of `histmark lint` (SPEC.md section 12): text, json,
// sarif (2.1.0, for GitHub code scanning) and github (workflow commands).

import { DIAGNOSTIC_CODES, type Severity, SEVERITIES } from '../model/config';
import { DEFAULT_SEVERITY, RULE_TITLES } from '../features/diagnostics/types';
import type { FileReport } from './lint';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

declare const __HISTMARK_VERSION__: string;
export const VERSION = typeof __HISTMARK_VERSION__ === 'string' ? __HISTMARK_VERSION__ : '0.0.0-dev';

/** One report per file, with paths relative to the working folder and `/`. */
export interface RelativeReport extends FileReport {
  file: string;
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countSeverities(reports: FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const d of r.diagnostics) counts[d.severity]++;
  return counts;
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;
}

/**
 * Characters a terminal or an annotation would act on rather than show: C0
 * controls but tab, DEL, C1 controls, line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates (which can reorder what a
 * reader sees). A transcript must not retitle or recolour the user's terminal.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Document text made safe to print: each unsafe character written as `\x1b` or `\u202e`. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** What JSON.stringify leaves unescaped of UNSAFE (it escapes C0 controls itself; its own line breaks are layout). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with every unsafe character as a `\u` escape: the same value when parsed, harmless when printed. */
const escapedUnsafe = (json: string) => json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function safeJson(value: unknown): string {
  return escapedUnsafe(JSON.stringify(value, null, 2));
}

// Every format is produced as a sequence of pieces, one per diagnostic, so
// that no output, however large, is ever one string (V8 caps a string at
// 512 MB).

export function* formatText(reports: RelativeReport[], colour: boolean): Iterable<string> {
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const where = `${printable(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const severity = colour ? `${COLOURS[d.severity]}${d.severity}${RESET}` : d.severity;
      yield `${colour ? DIM + where + RESET : where} ${severity} ${d.code} ${printable(d.message)}\n`;
    }
  }
  const c = countSeverities(reports);
  const total = c.error + c.warning + c.information + c.hint;
  const files = reports.length;
  yield total === 0
    ? 'No problems found.\n'
    : `${plural(total, 'problem')} in ${plural(files, 'file')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.information} information, ${plural(c.hint, 'hint')})\n`;
}

/** `items` as `JSON.stringify(items, null, 2)` would print them with each line indented by `indent`, one item at a time. */
function* jsonArray(items: Iterable<unknown>, indent: string): Iterable<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n${indent}  ${safeJson(item).replace(/\n/g, `\n${indent}  `)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

function* diagnosticsOf<T>(reports: RelativeReport[], item: (r: RelativeReport, d: RelativeReport['diagnostics'][number]) => T): Iterable<T> {
  for (const r of reports) for (const d of r.diagnostics) yield item(r, d);
}

/** A string as `safeJson` writes it. */
function safeJsonString(text: string): string {
  return escapedUnsafe(JSON.stringify(text));
}

/** The codes and severities as JSON strings, made once: they are a few, written a hundred thousand times. */
const JSON_NAMES = new Map([...DIAGNOSTIC_CODES, ...SEVERITIES].map((name) => [name, safeJsonString(name)]));

/**
 * What `jsonArray` writes of `{ file, range, severity, code, message }`,
 * written out directly: a lint of an archive prints a hundred thousand of
 * them, and stringifying each object and re-indenting it took most of a
 * warm cached run. `file` is already JSON.
 */
function jsonDiagnostic(file: string, { range: { start, end }, severity, code, message }: RelativeReport['diagnostics'][number]): string {
  return `{
    "file": ${file},
    "range": {
      "start": {
        "line": ${start.line},
        "character": ${start.character}
      },
      "end": {
        "line": ${end.line},
        "character": ${end.character}
      }
    },
    "severity": ${JSON_NAMES.get(severity)},
    "code": ${JSON_NAMES.get(code)},
    "message": ${safeJsonString(message)}
  }`;
}

export function* formatJson(reports: RelativeReport[]): Iterable<string> {
  let first = true;
  for (const r of reports) {
    const file = safeJsonString(r.file);
    for (const d of r.diagnostics) {
      yield `${first ? '[' : ','}\n  ${jsonDiagnostic(file, d)}`;
      first = false;
    }
  }
  yield first ? '[]\n' : '\n]\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A relative path as a relative URI reference: each segment percent-encoded (`#`, `?`, `%` and spaces too), `/` kept. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** A placeholder for the results in the SARIF log, which are written one at a time in its place. */
const RESULTS = '\u0000results';

/** `automationId`: the run's `automationDetails.id`, which tells code scanning the uploads of several shards apart. */
export function* formatSarif(reports: RelativeReport[], automationId?: string): Iterable<string> {
  const rules = DIAGNOSTIC_CODES.map((code) => ({
    id: code,
    name: RULE_TITLES[code].replace(/(^|\s)(\w)/g, (_, _s, c: string) => c.toUpperCase()).replace(/\W/g, ''),
    shortDescription: { text: RULE_TITLES[code] },
    defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[code]] },
  }));
  const results = diagnosticsOf(reports, (r, d) => ({
    ruleId: d.code,
    ruleIndex: DIAGNOSTIC_CODES.indexOf(d.code),
    level: SARIF_LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(r.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'histmark', version: VERSION, semanticVersion: VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        ...(automationId === undefined ? {} : { automationDetails: { id: automationId } }),
        results: RESULTS,
      },
    ],
  };
  const [before, after] = JSON.stringify(log, null, 2).split(JSON.stringify(RESULTS));
  yield before;
  // The indentation of the line `"results": ` ends.
  yield* jsonArray(results, /^ */.exec(before.slice(before.lastIndexOf('\n') + 1))![0]);
  yield `${after}\n`;
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function* formatGithub(reports: RelativeReport[]): Iterable<string> {
  yield* diagnosticsOf(reports, (r, d) => {
    const props = [
      `file=${escapeProperty(printable(r.file))}`,
      `line=${d.range.start.line + 1}`,
      `col=${d.range.start.character + 1}`,
      `endLine=${d.range.end.line + 1}`,
      `endColumn=${d.range.end.character + 1}`,
      `title=${escapeProperty(`${d.code} ${RULE_TITLES[d.code]}`)}`,
    ];
    return `::${GITHUB_COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${d.code} ${printable(d.message)}`)}\n`;
  });
}
