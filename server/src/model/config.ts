// `histmark.json` (SPEC.md section 10): parsed with positions so that every
// problem (HM012) points at the offending text; defaults apply for the rest.

import { createScanner, type Node, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
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
  /** Documents larger than this many bytes are skipped with a message. */
  maxFileSize: number;
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** 10 MB: ten times the largest transcript of a real corpus (a whole volume of minutes is about 1 MB). */
export const DEFAULT_MAX_FILE_SIZE = 10 * UNITS.mb;

export const DEFAULT_CONFIG: HistmarkConfig = { exclude: [], requiredMetadata: [], minWords: 3, rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE };

/** A size in bytes as people write it: `1048576`, `"512KB"`, `"10 MB"` (binary multiples). */
export function formatSize(bytes: number): string {
  for (const unit of ['GB', 'MB', 'KB']) {
    const size = UNITS[unit.toLowerCase()];
    if (bytes >= size && bytes % (size / 16) === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes.toLocaleString('en-US')} bytes`;
}

function parseSize(node: Node): number | undefined {
  if (node.type === 'number') return Number.isInteger(node.value) && node.value >= 1 ? node.value : undefined;
  const match = node.type === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)\s*$/i.exec(node.value) : null;
  const bytes = match ? Math.round(Number(match[1]) * UNITS[match[2].toLowerCase()]) : 0;
  return bytes >= 1 ? bytes : undefined;
}

/** Deeper than any real configuration (which nests three levels), shallow enough for any stack. */
export const MAX_CONFIG_DEPTH = 100;

/** Where the text first nests deeper than MAX_CONFIG_DEPTH: found with the scanner, which keeps no stack, before a tree is built. */
function tooDeep(text: string): Span | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  // A token's first character tells a bracket (a string starts with `"`); SyntaxKind is a const enum the bundler cannot see.
  for (scanner.scan(); scanner.getTokenLength() > 0; scanner.scan()) {
    const first = text[scanner.getTokenOffset()];
    if (first === '{' || first === '[') {
      if (++depth > MAX_CONFIG_DEPTH) return { start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + 1 };
    } else if (first === '}' || first === ']') {
      depth--;
    }
  }
  return undefined;
}

/** The properties of an object node, a key given twice kept once (its first time), and the later ones to report. */
function propertiesOf(node: Node, duplicates: Node[]): [Node, Node][] {
  const seen = new Set<string>();
  const out: [Node, Node][] = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    if (seen.has(keyNode.value)) duplicates.push(keyNode);
    else out.push([keyNode, value]);
    seen.add(keyNode.value);
  }
  return out;
}

/** Every key given a second time in its object, at any depth (the tree is at most MAX_CONFIG_DEPTH deep). */
function duplicateKeys(root: Node): Node[] {
  const duplicates: Node[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'object') propertiesOf(node, duplicates);
    for (const child of node.children ?? []) pending.push(child);
  }
  return duplicates.sort((a, b) => a.offset - b.offset);
}

export interface ConfigProblem extends Span {
  message: string;
}

export const CONFIG_FILE = 'histmark.json';

export function parseConfig(text: string): { config: HistmarkConfig; problems: ConfigProblem[] } {
  const deep = tooDeep(text);
  if (deep) {
    const line = text.slice(0, deep.start).split('\n').length;
    return { config: { ...DEFAULT_CONFIG }, problems: [{ ...deep, message: `histmark.json nests more than ${MAX_CONFIG_DEPTH} levels deep (on line ${line}); the defaults apply.` }] };
  }
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
  for (const keyNode of duplicateKeys(root)) at(keyNode, `"${keyNode.value}" is given twice in this object: the first one applies and this one is ignored; remove one.`);
  for (const [keyNode, value] of propertiesOf(root, [])) {
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
      case 'maxFileSize': {
        const bytes = parseSize(value);
        if (bytes) config.maxFileSize = bytes;
        else at(value, `"maxFileSize" is a size in bytes (e.g. 10485760) or a string such as "10MB" or "512KB"; the default is ${formatSize(DEFAULT_MAX_FILE_SIZE)}.`);
        break;
      }
      default:
        at(keyNode, `Unknown key "${key}" in histmark.json: the known keys are exclude, requiredMetadata, quotations, rules and maxFileSize.`);
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
  for (const [keyNode, value] of propertiesOf(node, [])) {
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
  for (const [keyNode, value] of propertiesOf(node, [])) {
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
