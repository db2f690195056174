// The entities completion offers, kept between requests: a table of
// candidates by document, each part searchable as one string of ids and
// one of names, so that a partial id is looked for without visiting each
// entity. Matching writes into arrays reused between requests and calls
// back for each match: a request allocates what it answers, not a record a
// matching entity (a two-letter partial matches hundreds).

import type { CompletionItem } from 'vscode-languageserver';
import type { Entity } from '../model/entity';
import { entitySnapshot, isCurrent } from '../model/entitySnapshot';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { lastAtOrBefore } from '../syntax/positions';
import { datesOf } from './entityCard';

const NON_WORD = /[^\p{L}\p{M}\p{Nd}]+/u;

/** Lowercase words without accents, for comparing names. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w.length > 1);
}

/** What completion reads of an entity, worked out once per definition (an edited definition is a new entity). */
export interface Candidate {
  entity: Entity;
  lowerId: string;
  /** The claimed names, in claim order. */
  names: string[];
  labelDetails: CompletionItem['labelDetails'];
  detail: string;
  /** The words of every name, for ranking by display text; worked out on first use. */
  nameWords?: Set<string>;
  /** What the entity's item repeats in every answer, made once: its edit's text, its data, its sort text and filter texts when the id matched. */
  item: { newText: string; data: { entityId: string }; sortText: string; filterTexts: Map<string, string> };
}

const candidates = new WeakMap<Entity, Candidate>();

/** `entity`'s candidate; `previous`, a candidate of the same id before an edit, is taken over when what completion reads is the same. */
export function candidateOf(entity: Entity, previous?: Candidate): Candidate {
  let candidate = candidates.get(entity);
  if (candidate) return candidate;
  if (previous && readsAlike(previous.entity, entity)) {
    candidate = { ...previous, entity };
  } else {
    const dates = datesOf(entity);
    candidate = {
      entity,
      lowerId: entity.id.toLowerCase(),
      names: entity.names.map((claim) => claim.name),
      labelDetails: { detail: ` ${entity.displayName}`, description: dates.join('; ') || undefined },
      // Preferred name and dates in words: `Nikita Khrushchev, 15 April 1894 – 11 September 1971`.
      detail: [entity.displayName, ...dates].join(', '),
      // Set from the start, so that candidates keep one shape.
      nameWords: undefined,
      item: { newText: `@${entity.id}`, data: { entityId: entity.id }, sortText: `99 ${entity.id}`, filterTexts: new Map() },
    };
  }
  candidates.set(entity, candidate);
  return candidate;
}

/** Whether two definitions agree in all that completion reads: id, kind, names and dates. */
function readsAlike(a: Entity, b: Entity): boolean {
  const dates = (e: Entity) => [e.dates.born, e.dates.died, e.dates.founded, e.dates.dissolved, e.dates.date];
  const names = (e: Entity) => e.names.map((claim) => claim.name);
  const same = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.id === b.id && a.kind === b.kind && a.displayName === b.displayName && same(names(a), names(b)) && same(dates(a), dates(b));
}

/** Lowercase names and words of names that start with one character, each after a `\n`. */
interface NameSegments {
  text: string;
  /** Where each segment's `\n` is in `text`. */
  starts: number[];
  /** For each segment: its candidate (position in the part's `byId`), which of its claims, whether the whole name. */
  positions: number[];
  claims: number[];
  whole: boolean[];
}

/**
 * The entities of one document in id order, searchable without visiting
 * each: a partial is looked for in one string of all lowercase ids, and
 * `\n` + partial in one string of the lowercase names and name words that
 * start as it does (ids, names and partials hold no `\n`).
 */
export interface CandidatePart {
  /** As the index gave them, to tell when they change. */
  entities: Entity[];
  byId: Candidate[];
  /** `\n` + lowercase id, for each candidate in id order. */
  ids: string;
  /** Where each candidate's `\n` is in `ids`. */
  idStarts: number[];
  /** By first character (code unit). */
  names: Map<string, NameSegments>;
}

/** The index's entities by document: an edit builds again only the part of the document edited. */
interface CandidateTable {
  entities: Entity[];
  parts: Map<string, CandidatePart>;
}

const tables = new WeakMap<WorkspaceIndex, CandidateTable>();

export function candidateTable(index: WorkspaceIndex): CandidateTable {
  const table = tables.get(index);
  if (table && isCurrent(index, table.entities)) return table;
  const entities = entitySnapshot(index);
  const byDocument = new Map<string, Entity[]>();
  for (const entity of entities) {
    const list = byDocument.get(entity.uri);
    if (list) list.push(entity);
    else byDocument.set(entity.uri, [entity]);
  }
  const parts = new Map<string, CandidatePart>();
  for (const [uri, list] of byDocument) {
    const old = table?.parts.get(uri);
    parts.set(uri, old && old.entities.length === list.length && old.entities.every((e, i) => e === list[i]) ? old : candidatePart(list, old));
  }
  const built = { entities, parts };
  tables.set(index, built);
  return built;
}

function candidatePart(entities: Entity[], old: CandidatePart | undefined): CandidatePart {
  const previous = new Map(old?.byId.map((c) => [c.entity.id, c]));
  const byId = entities.map((e) => candidateOf(e, previous.get(e.id))).sort((a, b) => (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0));
  const idStarts: number[] = [];
  let idLength = 0;
  for (const candidate of byId) {
    idStarts.push(idLength);
    idLength += candidate.lowerId.length + 1;
  }
  const segments = new Map<string, NameSegments & { texts: string[]; length: number }>();
  const addName = (text: string, position: number, claim: number, whole: boolean) => {
    if (text === '') return;
    let group = segments.get(text[0]);
    if (!group) segments.set(text[0], (group = { text: '', starts: [], positions: [], claims: [], whole: [], texts: [], length: 0 }));
    group.starts.push(group.length);
    group.positions.push(position);
    group.claims.push(claim);
    group.whole.push(whole);
    group.texts.push(text);
    group.length += text.length + 1;
  };
  byId.forEach((candidate, position) => {
    candidate.names.forEach((name, claim) => {
      addName(name.toLowerCase(), position, claim, true);
      for (const word of name.split(NON_WORD)) addName(word.toLowerCase(), position, claim, false);
    });
  });
  const names = new Map<string, NameSegments>();
  for (const [first, { texts, starts, positions, claims, whole }] of segments) names.set(first, { text: texts.map((t) => `\n${t}`).join(''), starts, positions, claims, whole });
  return { entities, byId, ids: byId.map((c) => `\n${c.lowerId}`).join(''), idStarts, names };
}


/** How well `partial` matches, lower is better: the id exactly, the id's start, a name's start, a name word's start, inside the id. */
export const enum Fit {
  ExactId,
  IdStart,
  NameStart,
  WordStart,
  InId,
}

/** Marks a position no partial matched in this request. */
const NO_FIT = 127;

/** Per candidate position, reused between requests: the id's fit, the names' fit and first claim. */
let idFits = new Int8Array(0);
let nameFits = new Int8Array(0);
let nameClaims = new Int32Array(0);

function scratchFor(size: number): void {
  if (idFits.length < size) {
    idFits = new Int8Array(size * 2);
    nameFits = new Int8Array(size * 2);
    nameClaims = new Int32Array(size * 2);
  }
  idFits.fill(NO_FIT, 0, size);
  nameFits.fill(NO_FIT, 0, size);
}

/** Records how well a name or a word of a name starting with `partial` fits each candidate, and the first such claim. */
function fitNames(names: NameSegments | undefined, partial: string): void {
  if (!names) return;
  const wordStart = `\n${partial}`;
  for (let at = names.text.indexOf(wordStart); at !== -1; at = names.text.indexOf(wordStart, at + 1)) {
    const segment = lastAtOrBefore(names.starts, at);
    const position = names.positions[segment];
    const fit = names.whole[segment] ? Fit.NameStart : Fit.WordStart;
    const claim = names.claims[segment];
    if (nameFits[position] === NO_FIT) {
      nameFits[position] = fit;
      nameClaims[position] = claim;
    } else {
      nameFits[position] = Math.min(fit, nameFits[position]);
      nameClaims[position] = Math.min(claim, nameClaims[position]);
    }
  }
}

/**
 * Calls `each` for the part's entities that `partial` (lowercase) matches, in
 * id order: in the id anywhere, or at the start of a name or a word of one.
 * `matched` is the id when it contains the partial, else the first preferred
 * name or alias (claim order) that a word of starts with it.
 */
export function eachMatch(part: CandidatePart, partial: string, each: (position: number, fit: Fit, matched: string) => void): void {
  const size = part.byId.length;
  if (partial === '') {
    for (let position = 0; position < size; position++) each(position, Fit.IdStart, part.byId[position].entity.id);
    return;
  }
  scratchFor(size);
  for (let at = part.ids.indexOf(partial); at !== -1; at = part.ids.indexOf(partial, at + 1)) {
    const position = lastAtOrBefore(part.idStarts, at);
    const start = part.idStarts[position] + 1;
    const fit = at > start ? Fit.InId : start + partial.length === (part.idStarts[position + 1] ?? part.ids.length) ? Fit.ExactId : Fit.IdStart;
    idFits[position] = Math.min(fit, idFits[position]);
  }
  fitNames(part.names.get(partial[0]), partial);
  for (let position = 0; position < size; position++) {
    const idFit = idFits[position];
    const nameFit = nameFits[position];
    if (idFit !== NO_FIT) each(position, idFit === Fit.InId && nameFit !== NO_FIT ? nameFit : idFit, part.byId[position].entity.id);
    else if (nameFit !== NO_FIT) each(position, nameFit, part.byId[position].names[nameClaims[position]]);
  }
}

/** How many words of `display` are words of one of the entity's names. */
export function sharedWords(candidate: Candidate, display: string[]): number {
  if (display.length === 0) return 0;
  candidate.nameWords ??= new Set(candidate.names.flatMap(wordsOf));
  const names = candidate.nameWords;
  return display.filter((word) => names.has(word)).length;
}

