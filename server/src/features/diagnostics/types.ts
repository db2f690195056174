import type { DiagnosticCode, Severity } from '../../model/config';
import type { Range } from '../../syntax/positions';
import type { Field, Span } from '../../syntax/types';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  HM001: 'warning',
  HM002: 'error',
  HM003: 'error',
  HM004: 'error',
  HM005: 'information',
  HM006: 'warning',
  HM007: 'warning',
  HM008: 'warning',
  HM009: 'warning',
  HM010: 'error',
  HM011: 'information',
  HM012: 'error',
  HM013: 'warning',
  HM014: 'warning',
};

export const RULE_TITLES: Record<DiagnosticCode, string> = {
  HM001: 'Unattributed quotation',
  HM002: 'Mention of an undefined entity',
  HM003: 'Entity defined twice',
  HM004: 'Unclosed quotation',
  HM005: 'Unlinked mention',
  HM006: 'Footnote without definition or reference',
  HM007: 'Missing or invalid front matter',
  HM008: 'Ambiguous alias',
  HM009: 'Invalid date',
  HM010: 'Malformed markup',
  HM011: 'Unknown field key',
  HM012: 'Invalid histmark.json',
  HM013: 'Invalid field value',
  HM014: 'Authority id on two entities',
};

export interface RelatedLocation {
  uri: string;
  span: Span;
  message: string;
}

/** Where a problem with a field's value is shown: an empty value has no text, so its key. */
export function valueRange(field: Field): Span {
  return field.value === '' ? field.keySpan : field.valueSpan;
}

/** A finding before severities and positions are applied. */
export interface Finding extends Span {
  code: DiagnosticCode;
  message: string;
  related?: RelatedLocation[];
  /** What a quick fix needs (the entity id, the footnote label, …). */
  data?: Record<string, string>;
}

export interface HmDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  span: Span;
  related?: { uri: string; range: Range; message: string }[];
  data?: Record<string, string>;
}
