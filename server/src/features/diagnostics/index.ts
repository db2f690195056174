// Diagnostics of one document (SPEC.md section 11): the same function serves
// the language server and the CLI, so the editor and CI always agree.

import type { DiagnosticCode } from '../../model/config';
import { type DocumentEntry, internalError, type WorkspaceIndex } from '../../model/workspaceIndex';
import { LineIndex } from '../../syntax/positions';
import { definitionFindings, undefinedIdFindings } from './entities';
import { footnoteFindings } from './footnotes';
import { metadataFindings } from './metadata';
import { quotationFindings } from './quotations';
import { DEFAULT_SEVERITY, type Finding, type HmDiagnostic } from './types';
import { unlinkedFindings } from './unlinked';

/** A document-level error (at its start) for an internal failure: a bug in Histmark, not in the document. */
function internalFailure(what: string, reason: string): Finding {
  return { start: 0, end: 0, code: 'HM010', message: `Histmark could not ${what} this document (internal error: ${reason}); the rest of the workspace is checked. Please report this with the document.` };
}

export function findingsOf(index: WorkspaceIndex, entry: DocumentEntry): Finding[] {
  if (entry.failure) return [internalFailure('read', entry.failure)];
  const problems: Finding[] = entry.tree.problems.map((p) => ({ ...p, code: 'HM010' }));
  const rules = index.config.rules;
  return [
    ...quotationFindings(entry, index.config.minWords),
    ...undefinedIdFindings(index, entry),
    ...definitionFindings(index, entry),
    ...(rules.HM005 === 'off' ? [] : unlinkedFindings(index, entry)),
    ...footnoteFindings(entry),
    ...metadataFindings(index, entry),
    ...problems,
  ];
}

/**
 * At most this many diagnostics of one code per document; the rest become one
 * summary. No one reads further than that (and VS Code shows at most 1,000
 * problems per file), while 4 MB of `{@` would otherwise make 2 million.
 */
export const MAX_DIAGNOSTICS_PER_CODE = 1000;

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

/** The first `MAX_DIAGNOSTICS_PER_CODE` findings of each code, and for a code with more, one summary in place of the rest. */
function capped(findings: Finding[]): Finding[] {
  const counts = new Map<DiagnosticCode, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const flooded = [...counts].filter(([, n]) => n > MAX_DIAGNOSTICS_PER_CODE);
  if (flooded.length === 0) return findings;
  const out = findings.filter((f) => counts.get(f.code)! <= MAX_DIAGNOSTICS_PER_CODE);
  for (const [code, n] of flooded) {
    const ofCode = findings.filter((f) => f.code === code);
    // Each rule finds in document order, as a rule: then no sort of millions is needed.
    if (!ofCode.every((f, i) => i === 0 || byPosition(ofCode[i - 1], f) <= 0)) ofCode.sort(byPosition);
    for (let i = 0; i < MAX_DIAGNOSTICS_PER_CODE; i++) out.push(ofCode[i]);
    const more = n - MAX_DIAGNOSTICS_PER_CODE;
    const { start, end } = ofCode[MAX_DIAGNOSTICS_PER_CODE];
    out.push({ start, end, code, message: `… and ${more.toLocaleString('en-US')} more ${code} in this file, from here on: only the first ${MAX_DIAGNOSTICS_PER_CODE.toLocaleString('en-US')} are reported.` });
  }
  return out;
}

/** Applies the configured severities (dropping `off` rules), the cap per code and positions. */
export function toDiagnostics(index: WorkspaceIndex, findings: Finding[], lines: LineIndex): HmDiagnostic[] {
  const out: HmDiagnostic[] = [];
  for (const f of capped(findings.filter((f) => index.config.rules[f.code] !== 'off'))) {
    const configured = index.config.rules[f.code];
    out.push({
      code: f.code,
      severity: configured === undefined || configured === 'off' ? DEFAULT_SEVERITY[f.code] : configured,
      message: f.message,
      range: lines.range(f.start, f.end),
      span: { start: f.start, end: f.end },
      related: f.related?.map((r) => {
        const other = index.document(r.uri);
        return { uri: r.uri, message: r.message, range: (other?.lines ?? lines).range(r.span.start, r.span.end) };
      }),
      data: f.data,
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}

export function diagnoseDocument(index: WorkspaceIndex, uri: string): HmDiagnostic[] {
  const entry = index.document(uri);
  if (!entry) return [];
  let findings: Finding[];
  try {
    findings = findingsOf(index, entry);
  } catch (error) {
    findings = [internalFailure('check', internalError(error))];
  }
  return toDiagnostics(index, findings, entry.lines);
}

/** HM012 for `histmark.json`, whose text is given to place the problems. */
export function diagnoseConfig(index: WorkspaceIndex, configText: string): HmDiagnostic[] {
  const findings: Finding[] = index.configProblems.map((p) => ({ ...p, code: 'HM012' as DiagnosticCode }));
  return toDiagnostics(index, findings, new LineIndex(configText));
}
