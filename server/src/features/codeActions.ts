// Code actions: quick fixes for HM001, HM002, HM005, HM006 and HM009, "Add
// as alias" on a linked mention, and a source action that attributes every
// unattributed quotation to its nearest mention. Spans come from the
// diagnostics recomputed on the index, not from the client's copy, which
// may be stale. Each edit inserts or replaces exactly the text it fixes.

import { type CodeAction, CodeActionKind, type CodeActionParams, TextEdit } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { sameRange } from '../syntax/positions';
import { ATTRIBUTE_ALL_KIND, attributeAllAction, attributionFixes } from './attribution';
import { aliasFixes, createEntityFixes } from './createEntity';
import { diagnoseDocument } from './diagnostics';
import type { HmDiagnostic } from './diagnostics/types';
import { appendBlock, type CodeActionOptions, documentEdit, type Fix } from './edits';

export { ATTRIBUTE_ALL_KIND } from './attribution';
export type { CodeActionOptions } from './edits';

export function codeActions(index: WorkspaceIndex, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const uri = params.textDocument.uri;
  const entry = index.document(uri);
  if (!entry) return [];
  const only = params.context.only;
  const wanted = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const diagnostics = diagnoseDocument(index, uri);
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    const from = entry.lines.offsetAt(params.range.start);
    const to = entry.lines.offsetAt(params.range.end);
    for (const d of diagnostics) {
      if (d.span.start > to || d.span.end < from) continue;
      if (d.code === 'HM005' && !options.settings.showUnlinkedMentions) continue;
      const shown = params.context.diagnostics.filter((c) => c.code === d.code && sameRange(c.range, d.range));
      for (const fix of quickFixes(index, entry, d, diagnostics, options)) actions.push({ ...fix, kind: CodeActionKind.QuickFix, diagnostics: shown });
    }
    for (const fix of aliasFixes(index, entry, from, to)) actions.push({ ...fix, kind: CodeActionKind.QuickFix });
  }
  const attributeAll = wanted(ATTRIBUTE_ALL_KIND) ? attributeAllAction(index, entry, diagnostics) : undefined;
  if (attributeAll) actions.push(attributeAll);
  // Several diagnostics in the range can offer the same fix (one footnote referenced twice).
  const seen = new Set<string>();
  return actions.filter((a) => {
    const key = a.title + JSON.stringify(a.edit);
    return !seen.has(key) && (seen.add(key), true);
  });
}

function quickFixes(index: WorkspaceIndex, entry: DocumentEntry, d: HmDiagnostic, all: HmDiagnostic[], options: CodeActionOptions): Fix[] {
  switch (d.code) {
    case 'HM001':
      return attributionFixes(index, entry, d);
    case 'HM002':
      return d.data?.id ? createEntityFixes(index, entry, d.span, d.data.id, options) : [];
    case 'HM005':
      return d.data?.id ? linkFixes(entry, d, d.data.id, all) : [];
    case 'HM006':
      return d.data?.label ? footnoteFixes(entry, d.data.label) : [];
    case 'HM009':
      return d.data?.correction ? [{ title: `Write the date as ${d.data.correction}`, isPreferred: true, edit: documentEdit(entry, [TextEdit.replace(d.range, d.data.correction)]) }] : [];
    default:
      return [];
  }
}

// HM005 and HM006 ----------------------------------------------------------

function linkFixes(entry: DocumentEntry, d: HmDiagnostic, id: string, all: HmDiagnostic[]): Fix[] {
  const wrap = (x: HmDiagnostic, braces: string) => TextEdit.replace(x.range, `[${entry.text.slice(x.span.start, x.span.end).replace(/[[\]]/g, '\\$&')}]{${braces}}`);
  const link = (x: HmDiagnostic) => wrap(x, `@${id}`);
  const name = entry.text.slice(d.span.start, d.span.end);
  const fixes: Fix[] = [
    { title: `Link “${name}” to @${id}`, isPreferred: true, edit: documentEdit(entry, [link(d)]) },
    // A name used as something else: a title, a place of publication (SPEC 5).
    { title: `Mark “${name}” as not a mention: [${name}]{-}`, edit: documentEdit(entry, [wrap(d, '-')]) },
  ];
  const occurrences = all.filter((x) => x.code === 'HM005' && x.data?.id === id);
  if (occurrences.length > 1) {
    fixes.push({ title: `Link all ${occurrences.length} unlinked mentions of @${id} in this document`, edit: documentEdit(entry, occurrences.map(link)) });
  }
  return fixes;
}

/** A reference without definition gets one; an unreferenced definition has no mechanical fix. */
function footnoteFixes(entry: DocumentEntry, label: string): Fix[] {
  if (entry.tree.footnoteDefinitions.some((f) => f.label === label)) return [];
  return [{ title: `Add the footnote definition [^${label}]`, isPreferred: true, edit: documentEdit(entry, [appendBlock(entry, [`[^${label}]: `])]) }];
}
