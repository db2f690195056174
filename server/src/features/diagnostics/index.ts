// Diagnostics of one document (SPEC.md section 11): the same function serves
// the language server and the CLI, so the editor and CI always agree.

import type { DiagnosticCode } from '../../model/config';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import { LineIndex } from '../../syntax/positions';
import { definitionFindings, undefinedIdFindings } from './entities';
import { footnoteFindings } from './footnotes';
import { metadataFindings } from './metadata';
import { quotationFindings } from './quotations';
import { DEFAULT_SEVERITY, type Finding, type HmDiagnostic } from './types';
import { unlinkedFindings } from './unlinked';

export function findingsOf(index: WorkspaceIndex, entry: DocumentEntry): Finding[] {
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

/** Applies the configured severities (dropping `off` rules) and positions. */
export function toDiagnostics(index: WorkspaceIndex, findings: Finding[], lines: LineIndex): HmDiagnostic[] {
  const out: HmDiagnostic[] = [];
  for (const f of findings) {
    const configured = index.config.rules[f.code];
    if (configured === 'off') continue;
    out.push({
      code: f.code,
      severity: configured ?? DEFAULT_SEVERITY[f.code],
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
  return toDiagnostics(index, findingsOf(index, entry), entry.lines);
}

/** HM012 for `histmark.json`, whose text is given to place the problems. */
export function diagnoseConfig(index: WorkspaceIndex, configText: string): HmDiagnostic[] {
  const findings: Finding[] = index.configProblems.map((p) => ({ ...p, code: 'HM012' as DiagnosticCode }));
  return toDiagnostics(index, findings, new LineIndex(configText));
}
