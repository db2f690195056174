// Registering entities: the HM002 "Create entity" fixes (one per kind, each
// in the registry file that already holds most entities of that kind, named
// by the mention's display text), "Create Entity from Selection", and
// "Add as alias", which teaches the registry a name a linked mention uses.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateFile, type Range, ResponseError, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Entity } from '../model/entity';
import { isWithin, uriOfPath } from '../model/loader';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { isValidId } from '../syntax/chars';
import { ENTITY_KINDS, type EntityKind, type Mention, type Span } from '../syntax/types';
import { fileName } from './diagnostics/entities';
import { appendBlock, type CodeActionOptions, documentEdit, eolOf, type Fix } from './edits';
import { spanText } from './reading';

const NEW_REGISTRY = 'registry.hmd';
const STUB_KINDS: EntityKind[] = ['person', 'org', 'place'];

/** Why a registry cannot take the new entity, shown to the user. */
interface Refusal {
  refused: string;
}

/** The document holding most definitions (of `kind`, when given); ties go to the first path. */
function mostDefinitions(index: WorkspaceIndex, kind?: EntityKind): DocumentEntry | undefined {
  let best: DocumentEntry | undefined;
  let bestCount = 0;
  for (const doc of index.documents()) {
    const count = kind ? doc.entities.filter((e) => e.kind === kind).length : doc.entities.length;
    if (count > bestCount || (best && count === bestCount && count > 0 && doc.uri < best.uri)) {
      best = doc;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Where a new entity of `kind` goes: the document that already holds most
 * entities of that kind (people where people are registered), else the
 * configured registry, else the document with most definitions, else a new
 * `registry.hmd` at the root. A configured path outside the workspace
 * folders (`../../.bashrc`), or not a `.hmd` file, is refused for every
 * kind: the setting is wrong, and the user is told so rather than guessed for.
 */
function registryTarget(index: WorkspaceIndex, options: CodeActionOptions, kind?: EntityKind): { uri: string; entry?: DocumentEntry } | Refusal | undefined {
  const root = options.folders[0];
  const configured = options.settings.defaultRegistryFile;
  let configuredUri: string | undefined;
  if (configured && root) {
    const file = path.resolve(root, configured);
    if (!options.folders.some((folder) => isWithin(folder, file)) || !file.endsWith('.hmd')) {
      return { refused: `histmark.defaultRegistryFile (${configured}) must be a .hmd file inside the workspace folder${options.folders.length > 1 ? 's' : ''}.` };
    }
    configuredUri = uriOfPath(file);
  }
  const sameKind = kind && mostDefinitions(index, kind);
  if (sameKind) return { uri: sameKind.uri, entry: sameKind };
  if (configuredUri) return { uri: configuredUri, entry: index.document(configuredUri) };
  const best = mostDefinitions(index);
  if (best) return { uri: best.uri, entry: best };
  if (!root) return undefined;
  const uri = uriOfPath(path.join(root, NEW_REGISTRY));
  return { uri, entry: index.document(uri) };
}

/**
 * The edit that appends `@kind id[: name]` to the registry for that kind,
 * plus `extra` edits of another document; undefined when there is nowhere
 * to put it.
 */
function entityStubEdit(
  index: WorkspaceIndex,
  options: CodeActionOptions,
  kind: EntityKind,
  stub: string,
  extra?: { uri: string; edits: TextEdit[] },
): { edit: WorkspaceEdit; registry: string } | Refusal | undefined {
  const target = registryTarget(index, options, kind);
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

/** A document's path relative to the workspace folder holding it, with `/`: the user sees which file an edit changes. */
function workspacePath(uri: string, folders: string[]): string {
  const file = fileURLToPath(uri);
  const folder = folders.find((f) => isWithin(f, file));
  return folder ? path.relative(folder, file).split(path.sep).join('/') : fileName(uri);
}

/** A name as a definition header holds it: one line, no markup. */
function headerName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** The explicit mention whose id reference `span` is, for its display text. */
function mentionOfRef(entry: DocumentEntry, span: Span): Mention | undefined {
  return entry.tree.mentions.find((m) => m.start <= span.start && span.end <= m.end && m.ids.some((r) => r.span.start === span.start));
}

/** HM002: `@kind id: Display Text`, one fix per kind, each in the registry for that kind. */
export function createEntityFixes(index: WorkspaceIndex, entry: DocumentEntry, span: Span, id: string, options: CodeActionOptions): Fix[] {
  const mention = mentionOfRef(entry, span);
  const display = mention?.display && mention.ids.length === 1 ? headerName(spanText(index, entry, mention.display)) : '';
  return STUB_KINDS.flatMap((kind) => {
    const stub = `@${kind} ${id}${display ? `: ${display}` : ''}`;
    const created = entityStubEdit(index, options, kind, stub);
    return created && 'edit' in created ? [{ title: `Create ${stub} in ${workspacePath(created.registry, options.folders)}`, edit: created.edit }] : [];
  });
}

export interface CreateEntityParams {
  textDocument: { uri: string };
  range: Range;
  kind: EntityKind;
  id: string;
  name: string;
}

export function createEntityFromSelection(index: WorkspaceIndex, params: CreateEntityParams, options: CodeActionOptions): WorkspaceEdit {
  const entry = index.document(params.textDocument.uri);
  if (!entry) throw new ResponseError(1, 'This document is not part of the Histmark workspace.');
  if (!ENTITY_KINDS.includes(params.kind)) throw new ResponseError(1, `“${params.kind}” is not an entity kind.`);
  if (!isValidId(params.id)) throw new ResponseError(1, `“${params.id}” is not a valid id: letters, digits, _ and -, starting with a letter or digit.`);
  if (index.definitions(params.id).length > 0) throw new ResponseError(1, `@${params.id} is already defined.`);
  const selected = entry.text.slice(entry.lines.offsetAt(params.range.start), entry.lines.offsetAt(params.range.end));
  const name = headerName(params.name);
  const link = TextEdit.replace(params.range, `[${selected.replace(/[[\]]/g, '\\$&')}]{@${params.id}}`);
  const created = entityStubEdit(index, options, params.kind, `@${params.kind} ${params.id}${name ? `: ${name}` : ''}`, { uri: entry.uri, edits: [link] });
  if (!created) throw new ResponseError(1, 'There is no registry to add the entity to: set histmark.defaultRegistryFile.');
  if ('refused' in created) throw new ResponseError(1, created.refused);
  return created.edit;
}

// Add as alias -------------------------------------------------------------

/** Whether `name` is already one of the entity's names (case and accents aside). */
function isNameOf(entity: Entity, name: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return entity.names.some((claim) => fold(claim.name) === fold(name));
}

/** The edit that adds `alias` to the entity's `aka` line, or a new `aka:` line after the header. */
function aliasEdit(index: WorkspaceIndex, entity: Entity, alias: string): WorkspaceEdit | undefined {
  const registry = index.document(entity.uri);
  if (!registry) return undefined;
  const aka = entity.definition.fields.find((f) => f.key === 'aka');
  if (aka) {
    const value = registry.text.slice(aka.valueSpan.start, aka.valueSpan.end);
    const separator = value.trim() === '' ? '' : value.trimEnd().endsWith(';') ? ' ' : '; ';
    return documentEdit(registry, [TextEdit.insert(registry.lines.positionAt(aka.valueSpan.start + value.trimEnd().length), separator + alias)]);
  }
  const first = entity.definition.fields[0];
  const indent = first ? /^[ \t]*/.exec(registry.text.slice(registry.lines.lineStart(registry.lines.positionAt(first.start).line)))![0] : '  ';
  const headerEnd = entity.definition.header.end;
  const lineEnd = registry.text.slice(0, headerEnd).replace(/\r?\n$/, '').length;
  return documentEdit(registry, [TextEdit.insert(registry.lines.positionAt(lineEnd), `${eolOf(registry.text)}${indent || '  '}aka: ${alias}`)]);
}

/**
 * On a linked mention whose display text is not yet a name of its entity
 * (`[Comrade Mehmet]{@shehu}`), "Add as alias": the registry learns the
 * name, so that its next unlinked use is found (HM005). Offered for a
 * display that reads as a name (it starts with a capital letter), not for
 * `[he]{@mikoyan}`.
 */
export function aliasFixes(index: WorkspaceIndex, entry: DocumentEntry, from: number, to: number): Fix[] {
  const fixes: Fix[] = [];
  for (const m of entry.tree.mentions) {
    if (m.form !== 'explicit' || !m.display || m.ids.length !== 1 || m.end < from || m.start > to) continue;
    const entity = index.entity(m.ids[0].id);
    const alias = headerName(spanText(index, entry, m.display));
    if (!entity || alias === '' || !/^\p{Lu}/u.test(alias) || alias.includes(';') || isNameOf(entity, alias)) continue;
    const edit = aliasEdit(index, entity, alias);
    if (edit) fixes.push({ title: `Add “${alias}” as an alias of ${entity.displayName}`, edit });
  }
  return fixes;
}
