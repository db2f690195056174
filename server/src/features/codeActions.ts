// Code actions: quick fixes for HM001, HM002, HM005, HM006 and HM009, and a source
// action that attributes every unattributed quotation to its nearest
// mention. Spans come from the diagnostics recomputed on the index, not
// from the client's copy, which may be stale. Each edit inserts or replaces
// exactly the text it fixes.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  CreateFile,
  type Range,
  TextDocumentEdit,
  TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { ServerSettings } from '../lsp/settings';
import { isWithin, uriOfPath } from '../model/loader';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { EntityKind, Quotation } from '../syntax/types';
import { diagnoseDocument } from './diagnostics';
import { fileName } from './diagnostics/entities';
import type { HmDiagnostic } from './diagnostics/types';

/** Not `source.fixAll`: attribution by proximity is a guess, never to be applied on save. */
export const ATTRIBUTE_ALL_KIND = 'source.histmark.attributeAll';
const NEW_REGISTRY = 'registry.hmd';
const STUB_KINDS: EntityKind[] = ['person', 'org', 'place'];

export interface CodeActionOptions {
  settings: ServerSettings;
  /** Workspace folder paths: the first holds the configured registry, or a new one. */
  folders: string[];
  /** Whether the client applies CreateFile operations (needed for a new registry). */
  canCreateFiles: boolean;
}

type Fix = Omit<CodeAction, 'kind' | 'diagnostics'>;

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
  }
  const attributeAll = wanted(ATTRIBUTE_ALL_KIND) ? attributeAllAction(entry, diagnostics) : undefined;
  if (attributeAll) actions.push(attributeAll);
  // Several diagnostics in the range can offer the same fix (one footnote referenced twice).
  const seen = new Set<string>();
  return actions.filter((a) => {
    const key = a.title + JSON.stringify(a.edit);
    return !seen.has(key) && (seen.add(key), true);
  });
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function quickFixes(index: WorkspaceIndex, entry: DocumentEntry, d: HmDiagnostic, all: HmDiagnostic[], options: CodeActionOptions): Fix[] {
  switch (d.code) {
    case 'HM001':
      return attributionFixes(entry, d);
    case 'HM002':
      return d.data?.id ? createEntityFixes(index, d.data.id, options) : [];
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

function documentEdit(entry: DocumentEntry, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [entry.uri]: edits } };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Appends lines as a new block at the end of a document, after a blank line. */
function appendBlock(entry: DocumentEntry, lines: string[]): TextEdit {
  const text = entry.text;
  const eol = eolOf(text);
  const separator = text.trim() === '' || text.endsWith('\n\n') || text.endsWith('\n\r\n') ? '' : text.endsWith('\n') ? eol : eol + eol;
  return TextEdit.insert(entry.lines.positionAt(text.length), separator + lines.join(eol) + eol);
}

// HM001 --------------------------------------------------------------------

function quotationOf(entry: DocumentEntry, d: HmDiagnostic): Quotation | undefined {
  return entry.tree.quotations.find((q) => q.start === d.span.start && q.end === d.span.end);
}

/**
 * Whom to attribute a quotation to: the nearest mention before it in its
 * paragraph (for a block quote, in the paragraph that leads into it), or
 * else the speaker of the turn it is in.
 */
function attributionCandidate(entry: DocumentEntry, q: Quotation): { ids: string[]; source: string } | undefined {
  const { blocks, mentions, turns } = entry.tree;
  let at = blocks.findIndex((b) => b.start <= q.start && q.start < b.end);
  if (q.block) {
    at--;
    while (at >= 0 && blocks[at].kind === 'blank') at--;
  }
  const region = blocks[at];
  let nearest: (typeof mentions)[number] | undefined;
  if (region && (region.kind === 'paragraph' || !q.block)) {
    for (const m of mentions) {
      const inline = m.form === 'explicit' || m.form === 'bare' || m.form === 'attribution';
      if (inline && m.start >= region.start && m.end <= q.start && m.start >= (nearest?.start ?? -1)) nearest = m;
    }
  }
  if (nearest) return { ids: [...new Set(nearest.ids.map((r) => r.id))], source: 'nearest mention' };
  const turn = turns.find((t) => t.speech.some((s) => s.start <= q.start && q.start < s.end));
  return turn && { ids: [...new Set(turn.speaker.ids.map((r) => r.id))], source: 'speaker of this turn' };
}

/** `{…}` after the closing mark, or a last line `> — …` / `> {~}` for a block quote. */
function attributionEdit(entry: DocumentEntry, q: Quotation, suffix: string): TextEdit {
  const at = entry.lines.positionAt(q.end);
  if (!q.block) return TextEdit.insert(at, `{${suffix}}`);
  const line = suffix === '~' ? '> {~}' : suffix.startsWith('@?') ? `> — {${suffix}}` : `> — ${suffix}`;
  return TextEdit.insert(at, eolOf(entry.text) + line);
}

function attributionFixes(entry: DocumentEntry, d: HmDiagnostic): Fix[] {
  const q = quotationOf(entry, d);
  if (!q) return [];
  const fixes: Fix[] = [];
  const candidate = attributionCandidate(entry, q);
  if (candidate) {
    const ids = candidate.ids.map((id) => `@${id}`).join(' ');
    fixes.push({ title: `Attribute to ${ids} (${candidate.source})`, isPreferred: true, edit: documentEdit(entry, [attributionEdit(entry, q, ids)]) });
  }
  fixes.push({ title: 'Mark the speaker as unknown: {@?}', edit: documentEdit(entry, [attributionEdit(entry, q, '@?')]) });
  fixes.push({ title: 'Mark as not speech (a term, scare quote or title): {~}', edit: documentEdit(entry, [attributionEdit(entry, q, '~')]) });
  return fixes;
}

function attributeAllAction(entry: DocumentEntry, diagnostics: HmDiagnostic[]): CodeAction | undefined {
  const fixes: { q: Quotation; edit: TextEdit }[] = [];
  for (const d of diagnostics) {
    const q = d.code === 'HM001' ? quotationOf(entry, d) : undefined;
    const candidate = q && attributionCandidate(entry, q);
    if (q && candidate) fixes.push({ q, edit: attributionEdit(entry, q, candidate.ids.map((id) => `@${id}`).join(' ')) });
  }
  if (fixes.length === 0) return undefined;
  // Where a quotation ends a block quote, its suffix goes before the block quote's attribution line.
  fixes.sort((a, b) => a.q.end - b.q.end || Number(a.q.block) - Number(b.q.block));
  return {
    title: 'Fix all HM001 in this document by nearest mention',
    kind: ATTRIBUTE_ALL_KIND,
    edit: documentEdit(entry, fixes.map((f) => f.edit)),
  };
}

// HM002 --------------------------------------------------------------------

/** Why a registry cannot take the new entity, shown to the user. */
interface Refusal {
  refused: string;
}

/**
 * The configured registry, else the document with most definitions, else a
 * new `registry.hmd` at the root. A configured path outside the workspace
 * folders (`../../.bashrc`), or not a `.hmd` file, is refused: an edit there
 * would change a file that is no part of the corpus.
 */
function registryTarget(index: WorkspaceIndex, options: CodeActionOptions): { uri: string; entry?: DocumentEntry } | Refusal | undefined {
  const root = options.folders[0];
  const configured = options.settings.defaultRegistryFile;
  if (configured && root) {
    const file = path.resolve(root, configured);
    if (!options.folders.some((folder) => isWithin(folder, file)) || !file.endsWith('.hmd')) {
      return { refused: `histmark.defaultRegistryFile (${configured}) must be a .hmd file inside the workspace folder${options.folders.length > 1 ? 's' : ''}.` };
    }
    const uri = uriOfPath(file);
    return { uri, entry: index.document(uri) };
  }
  let best: DocumentEntry | undefined;
  for (const doc of index.documents()) {
    const count = doc.entities.length;
    if (count > (best?.entities.length ?? 0) || (best && count === best.entities.length && doc.uri < best.uri)) best = doc;
  }
  if (best) return { uri: best.uri, entry: best };
  if (!root) return undefined;
  const uri = uriOfPath(path.join(root, NEW_REGISTRY));
  return { uri, entry: index.document(uri) };
}

/**
 * The edit that appends `@kind id[: name]` to the registry, plus `extra`
 * edits of another document; undefined when there is nowhere to put it.
 */
export function entityStubEdit(
  index: WorkspaceIndex,
  options: CodeActionOptions,
  stub: string,
  extra?: { uri: string; edits: TextEdit[] },
): { edit: WorkspaceEdit; registry: string } | Refusal | undefined {
  const target = registryTarget(index, options);
  if (!target || 'refused' in target) return target;
  if (!target.entry && !options.canCreateFiles) return undefined;
  const registryEdits = target.entry ? [appendBlock(target.entry, [stub])] : [TextEdit.insert({ line: 0, character: 0 }, `${stub}\n`)];
  if (target.entry) {
    const changes: Record<string, TextEdit[]> = { [target.uri]: registryEdits };
    if (extra) changes[extra.uri] = [...(changes[extra.uri] ?? []), ...extra.edits];
    return { edit: { changes }, registry: target.uri };
  }
  const documentChanges: WorkspaceEdit['documentChanges'] = [
    CreateFile.create(target.uri, { ignoreIfExists: true }),
    TextDocumentEdit.create({ uri: target.uri, version: null }, registryEdits),
  ];
  if (extra) documentChanges.push(TextDocumentEdit.create({ uri: extra.uri, version: null }, extra.edits));
  return { edit: { documentChanges }, registry: target.uri };
}

function createEntityFixes(index: WorkspaceIndex, id: string, options: CodeActionOptions): Fix[] {
  return STUB_KINDS.flatMap((kind) => {
    const stub = `@${kind} ${id}`;
    const created = entityStubEdit(index, options, stub);
    return created && 'edit' in created ? [{ title: `Create ${stub} in ${workspacePath(created.registry, options.folders)}`, edit: created.edit }] : [];
  });
}

/** A document's path relative to the workspace folder holding it, with `/`: the user sees which file an edit changes. */
function workspacePath(uri: string, folders: string[]): string {
  const file = fileURLToPath(uri);
  const folder = folders.find((f) => isWithin(f, file));
  return folder ? path.relative(folder, file).split(path.sep).join('/') : fileName(uri);
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
