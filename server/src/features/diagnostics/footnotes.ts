// HM006: footnote references and definitions belong to one file (SPEC 8).

import type { DocumentEntry } from '../../model/workspaceIndex';
import type { Finding } from './types';

export function footnoteFindings(entry: DocumentEntry): Finding[] {
  const defined = new Set(entry.tree.footnoteDefinitions.map((d) => d.label));
  const referenced = new Set(entry.tree.footnoteReferences.map((r) => r.label));
  const findings: Finding[] = [];
  for (const ref of entry.tree.footnoteReferences) {
    if (!defined.has(ref.label)) {
      findings.push({ ...ref, code: 'HM006', message: `Footnote [^${ref.label}] has no definition: add a line \`[^${ref.label}]: …\` to this file.`, data: { label: ref.label } });
    }
  }
  for (const def of entry.tree.footnoteDefinitions) {
    if (!referenced.has(def.label)) {
      findings.push({ ...def.labelSpan, code: 'HM006', message: `Footnote [^${def.label}] is defined but never referenced in this file.`, data: { label: def.label } });
    }
  }
  return findings;
}
