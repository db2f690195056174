// `histmark.json` (SPEC.md section 10): parsed with positions so that every
// problem (HM012) points at the offending text; defaults apply for the rest.

import { type Node, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Span } from '../syntax/types';

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DIAGNOSTIC_CODES = ['HM001', 'HM002', 'HM003', 'HM004', 'HM005', 'HM006', 'HM007', 'HM008', 'HM009', 'HM010', 'HM011', 'HM012', 'HM013', 'HM014'] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export interface HistmarkConfig {
  exclude: string[];
  requiredMetadata: string[];
  minWords: number;
  rules: Partial<Record<DiagnosticCode, Severity | 'off'>>;
}

export const DEFAULT_CONFIG: HistmarkConfig = { exclude: [], requiredMetadata: [], minWords: 3, rules: {} };

export interface ConfigProblem extends Span {
  message: string;
}

export const CONFIG_FILE = 'histmark.json';

export function parseConfig(text: string): { config: HistmarkConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const line = text.slice(0, offset).split('\n').length;
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'empty file';
    return {
      config: { ...DEFAULT_CONFIG },
      problems: [{ start: offset, end: offset + (first?.length ?? 0), message: `histmark.json is not valid JSON (${what} on line ${line}); the defaults apply.` }],
    };
  }
  const config: HistmarkConfig = { ...DEFAULT_CONFIG, rules: {} };
  const problems: ConfigProblem[] = [];
  const at = (node: Node, message: string) => problems.push({ start: node.offset, end: node.offset + node.length, message });
  if (root.type !== 'object') {
    at(root, 'histmark.json must hold one JSON object; the defaults apply.');
    return { config, problems };
  }
  for (const property of root.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const key = keyNode.value as string;
    switch (key) {
      case 'exclude':
      case 'requiredMetadata': {
        const strings = stringArray(value);
        if (strings) config[key] = strings;
        else at(value, `"${key}" must be an array of strings.`);
        break;
      }
      case 'quotations':
        readQuotations(value, config, at);
        break;
      case 'rules':
        readRules(value, config, at);
        break;
      default:
        at(keyNode, `Unknown key "${key}" in histmark.json: the known keys are exclude, requiredMetadata, quotations and rules.`);
    }
  }
  return { config, problems };
}

function stringArray(node: Node): string[] | undefined {
  if (node.type !== 'array') return undefined;
  const items = node.children ?? [];
  return items.every((n) => n.type === 'string') ? items.map((n) => n.value as string) : undefined;
}

type Report = (node: Node, message: string) => void;

function readQuotations(node: Node, config: HistmarkConfig, at: Report): void {
  if (node.type !== 'object') return at(node, '"quotations" must be an object, e.g. { "minWords": 3 }.');
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    if (keyNode.value !== 'minWords') {
      at(keyNode, `Unknown key "${keyNode.value}" in "quotations": the known key is minWords.`);
    } else if (value.type !== 'number' || !Number.isInteger(value.value) || value.value < 1) {
      at(value, '"minWords" must be a whole number of at least 1.');
    } else {
      config.minWords = value.value;
    }
  }
}

function readRules(node: Node, config: HistmarkConfig, at: Report): void {
  if (node.type !== 'object') return at(node, '"rules" must be an object mapping codes to severities, e.g. { "HM005": "off" }.');
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const code = keyNode.value as DiagnosticCode;
    if (!DIAGNOSTIC_CODES.includes(code)) {
      at(keyNode, `Unknown rule "${keyNode.value}": the codes are HM001 to HM014.`);
    } else if (value.type !== 'string' || ![...SEVERITIES, 'off'].includes(value.value)) {
      at(value, `The rule ${code} takes one of "error", "warning", "information", "hint" or "off".`);
    } else {
      config.rules[code] = value.value;
    }
  }
}
