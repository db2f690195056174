// HM005: plain text equal to a name of exactly one entity (SPEC 11).

import type { WorkspaceIndex, DocumentEntry } from '../../model/workspaceIndex';
import type { Finding } from './types';

export function unlinkedFindings(index: WorkspaceIndex, entry: DocumentEntry): Finding[] {
  const matcher = index.nameMatcher();
  if (matcher.isEmpty) return [];
  const findings: Finding[] = [];
  const plain = entry.tree.plainText;
  for (let k = 0; k < plain.length; k += 2) {
    for (const match of matcher.matches(entry.text, plain[k], plain[k + 1])) {
      findings.push({
        start: match.start,
        end: match.end,
        code: 'HM005',
        message: `“${match.name}” names @${match.entity.id} (${match.entity.displayName}) but is not linked: write [${match.name}]{@${match.entity.id}}.`,
        data: { id: match.entity.id },
      });
    }
  }
  return findings;
}
