// Output formats of `histmark lint` (SPEC.md section 12): text, json,
// sarif (2.1.0, for GitHub code scanning) and github (workflow commands).

import { DIAGNOSTIC_CODES, type Severity } from '../model/config';
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

export function formatText(reports: RelativeReport[], colour: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const where = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const severity = colour ? `${COLOURS[d.severity]}${d.severity}${RESET}` : d.severity;
      lines.push(`${colour ? DIM + where + RESET : where} ${severity} ${d.code} ${d.message}`);
    }
  }
  const c = countSeverities(reports);
  const total = c.error + c.warning + c.information + c.hint;
  const files = reports.length;
  lines.push(
    total === 0
      ? 'No problems found.'
      : `${plural(total, 'problem')} in ${plural(files, 'file')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.information} information, ${plural(c.hint, 'hint')})`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(reports: RelativeReport[]): string {
  const items = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({ file: r.file, range: d.range, severity: d.severity, code: d.code, message: d.message })),
  );
  return JSON.stringify(items, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `automationId`: the run's `automationDetails.id`, which tells code scanning the uploads of several shards apart. */
export function formatSarif(reports: RelativeReport[], automationId?: string): string {
  const rules = DIAGNOSTIC_CODES.map((code) => ({
    id: code,
    name: RULE_TITLES[code].replace(/(^|\s)(\w)/g, (_, _s, c: string) => c.toUpperCase()).replace(/\W/g, ''),
    shortDescription: { text: RULE_TITLES[code] },
    defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[code]] },
  }));
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: DIAGNOSTIC_CODES.indexOf(d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(r.file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'histmark', version: VERSION, semanticVersion: VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        ...(automationId === undefined ? {} : { automationDetails: { id: automationId } }),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: RelativeReport[]): string {
  const lines = reports.flatMap((r) =>
    r.diagnostics.map((d) => {
      const props = [
        `file=${escapeProperty(r.file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`${d.code} ${RULE_TITLES[d.code]}`)}`,
      ];
      return `::${GITHUB_COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${d.code} ${d.message}`)}`;
    }),
  );
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
