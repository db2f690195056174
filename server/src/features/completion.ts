// Completion: entities after `@`, `{@` and in mention-valued front-matter
// keys and relation fields; field keys inside a definition; front-matter
// keys; footnote labels after `[^`. The document may be mid-edit, so the
// context is read from the line typed so far; everything else comes from
// the index. Entities are filtered here (by id, preferred name and aliases)
// from a table of them kept between requests, and only the best few are
// sent: the list is incomplete, so the client asks again as the user types;
// an entity's card is added on resolve, for the one item being looked at.

import { type CompletionItem, CompletionItemKind, type CompletionList, type Position, type Range } from 'vscode-languageserver';
import { FIELD_KINDS, RELATION_TARGETS, type Entity } from '../model/entity';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { MENTION_KEYS } from '../syntax/fields';
import type { Definition, EntityKind, FrontMatter } from '../syntax/types';
import { entityCard } from './entityCard';
import { type Candidate, candidateOf, candidateTable, eachMatch, Fit, sharedWords, wordsOf } from './entityCandidates';
import { spanText } from './reading';

const ENTITY_ITEM_KINDS: Record<EntityKind, CompletionItemKind> = {
  person: CompletionItemKind.Variable,
  org: CompletionItemKind.Class,
  place: CompletionItemKind.Module,
  event: CompletionItemKind.Event,
  work: CompletionItemKind.File,
};

const MENTIONS = 'One or more mentions (`@id`).';

/** The known front-matter keys (SPEC 2) and what each takes. */
const FRONT_MATTER_KEYS: Record<string, string> = {
  title: 'Free text.',
  date: 'A Histmark date: `1960-11-16`, `1960-11`, `1960`, `c. 1960` or `1960~`, `1960?`, `1960%`, a season `1960-22` (summer), a span `1960-11-10..1960-11-25`, a window `[1960-04-23..1960-04-28]`, or `n.d.` (undated).',
  author: MENTIONS,
  recipient: MENTIONS,
  translator: MENTIONS,
  recorder: MENTIONS,
  voice: 'One mention: whose “I”, “we” and “our party” the text speaks in.',
  archive: 'Free text: the archival reference (fond, file, page).',
  source: 'Free text: the published citation.',
  url: 'An absolute http(s) URL.',
  language: 'A BCP 47 tag (`en`, `sq`, `ru`): the language of this transcript.',
  original: 'One or more mentions (`@id`) of the `@work` this transcript translates or excerpts.',
  'original-language': 'A BCP 47 tag: the language of the original.',
};

/** What each known definition field takes (SPEC 4); which kinds have it is FIELD_KINDS. */
const FIELD_VALUES: Record<string, string> = {
  aka: 'Alternative names, separated by `;`.',
  role: 'Free text (repeatable).',
  born: 'A date (`1894-04-15`, `c. 1894`, `1894?`) or a window `[1894..1895]`.',
  died: 'A date (`1971-09-11`, `c. 1971`, `1971?`) or a window `[1971..1972]`.',
  founded: 'A date (`1941-11-08`, `c. 1941`) or a window `[1941..1942]`.',
  dissolved: 'A date (`1991-11-06`, `c. 1991`) or a window `[1991..1992]`.',
  date: 'A date (`1960-06-25`, `c. 1960`, `1960-22` for summer), a span `a..b`, a window `[a..b]`, or `n.d.`.',
  author: MENTIONS,
  'member-of': 'Mentions of organisations.',
  'part-of': 'A mention of an organisation (for an organisation) or a place (for a place).',
  'located-in': 'A mention of a place.',
  wikidata: '`Q` followed by digits.',
  viaf: 'A VIAF identifier.',
  gnd: 'A GND identifier.',
  url: 'An absolute http(s) URL.',
  match: '`no`: none of this entity’s names is matched as plain text (HM005), for descriptive names like “the Soviet side”.',
  'sort-as': 'Where lists put the entity, surname first: `Hoxha, Enver`.',
};

const ID_CHARS = '\\p{L}\\p{M}\\p{Nd}_-';
const ID_RUN = new RegExp(`^[${ID_CHARS}]*`, 'u');
/** `@partial` where a bare mention may start (SPEC 5); `\@` is escaped. */
const BARE_MENTION = new RegExp(`(?:^|[^\\p{L}\\p{M}\\p{Nd}_.@\\\\-])(@[${ID_CHARS}]*)$`, 'u');
/** The content of a brace group so far: ids, then `@partial` or nothing. */
const BRACE_GROUP = new RegExp(`^\\s*(?:@[${ID_CHARS}]+\\??\\s+)*(@[${ID_CHARS}]*)?$`, 'u');
/** The value token being typed in a mention list: `@partial` or `partial`. */
const LIST_TOKEN = new RegExp(`(?:^|[\\s,;:[\\]])(@?[${ID_CHARS}]*)$`, 'u');
const KEY_SO_FAR = /^[ \t]*([A-Za-z0-9_-]*)$/;

/** The cursor and the line around it. */
interface Cursor {
  offset: number;
  lineStart: number;
  /** The line up to the cursor. */
  before: string;
  /** The line from the cursor on, without the line break. */
  after: string;
}

function cursorAt(entry: DocumentEntry, position: Position): Cursor {
  const offset = entry.lines.offsetAt(position);
  const lineStart = entry.lines.lineStart(position.line);
  const rest = entry.text.slice(offset);
  return { offset, lineStart, before: entry.text.slice(lineStart, offset), after: rest.slice(0, rest.search(/\r?\n|$/)) };
}

export function completion(index: WorkspaceIndex, uri: string, position: Position): CompletionList | null {
  const entry = index.document(uri);
  if (!entry) return null;
  const at = cursorAt(entry, position);
  if (entry.tree.comments.some((c) => c.start < at.offset && at.offset < c.end)) return null;
  const frontMatter = entry.tree.frontMatter;
  if (frontMatter && at.lineStart > frontMatter.open.end && at.lineStart < frontMatter.end) return frontMatterCompletion(index, entry, frontMatter, at);
  const definition = definitionAround(entry, at);
  const fieldResult = definition && fieldCompletion(index, entry, definition, at);
  return fieldResult !== undefined ? fieldResult : inlineCompletion(index, entry, at);
}

function frontMatterCompletion(index: WorkspaceIndex, entry: DocumentEntry, frontMatter: FrontMatter, at: Cursor): CompletionList | null {
  if (KEY_SO_FAR.test(at.before)) {
    const lineEnd = at.offset + at.after.length;
    const elsewhere = new Set(frontMatter.entries.filter((e) => e.start < at.lineStart || e.start > lineEnd).map((e) => e.key));
    const keys = Object.keys(FRONT_MATTER_KEYS).filter((key) => !elsewhere.has(key));
    return keyCompletion(entry, at, keys, FRONT_MATTER_KEYS);
  }
  const value = /^\s*([A-Za-z][A-Za-z0-9_-]*)[ \t]*:/.exec(at.before);
  if (!value || !MENTION_KEYS.has(value[1])) return null;
  return mentionListCompletion(index, entry, at, value[1] === 'original' ? (e) => e.kind === 'work' : undefined);
}

/** The definition whose field lines the cursor's (indented) line is, or directly follows. */
function definitionAround(entry: DocumentEntry, at: Cursor): Definition | undefined {
  if (!/^(?: {2}|\t)/.test(at.before + at.after)) return undefined;
  return entry.tree.definitions.find(
    (d) => d.header.end < at.lineStart && (at.lineStart <= d.end || /^\r?\n$/.test(entry.text.slice(d.end, at.lineStart))),
  );
}

/** Field keys and relation values; undefined when the line is description text. */
function fieldCompletion(index: WorkspaceIndex, entry: DocumentEntry, definition: Definition, at: Cursor): CompletionList | null | undefined {
  if (definition.description && definition.description.start < at.lineStart) return undefined;
  if (KEY_SO_FAR.test(at.before)) {
    const keys = Object.keys(FIELD_KINDS).filter((key) => FIELD_KINDS[key].includes(definition.kind));
    return keyCompletion(entry, at, keys, FIELD_VALUES);
  }
  const field = /^\s*([a-z][a-z0-9-]*):/.exec(at.before);
  if (!field) return undefined;
  if (!MENTION_KEYS.has(field[1])) return null;
  const kinds = RELATION_TARGETS[field[1]]?.(definition.kind);
  return mentionListCompletion(index, entry, at, (e) => e.id !== definition.id && (!kinds || kinds.includes(e.kind)));
}

function inlineCompletion(index: WorkspaceIndex, entry: DocumentEntry, at: Cursor): CompletionList | null {
  const footnote = /\[\^([A-Za-z0-9_-]*)$/.exec(at.before);
  if (footnote) return footnoteCompletion(index, entry, at, footnote[1]);
  const open = at.before.lastIndexOf('{');
  if (open !== -1 && at.before[open - 1] !== '\\' && !at.before.includes('}', open)) {
    const group = BRACE_GROUP.exec(at.before.slice(open + 1));
    if (!group || (group[1] === undefined && group[0] !== '')) return null;
    return entityCompletion(index, entry, at, at.offset - (group[1] ?? '').length, { display: displayBefore(at.before.slice(0, open)) });
  }
  const bare = BARE_MENTION.exec(at.before);
  return bare ? entityCompletion(index, entry, at, at.offset - bare[1].length, { bare: true }) : null;
}

/** The display text of `[Comrade Mehmet Shehu]` ending `line`, when it ends with one. */
function displayBefore(line: string): string | undefined {
  if (!line.endsWith(']') || line.endsWith('\\]')) return undefined;
  let depth = 0;
  for (let i = line.length - 1; i >= 0; i--) {
    if (line[i - 1] === '\\') continue;
    if (line[i] === ']') depth++;
    else if (line[i] === '[' && --depth === 0) return line.slice(i + 1, -1);
  }
  return undefined;
}

/** The value token of `author: @a @b`, `[@a, @b]` or `member-of: @a; @b`. */
function mentionListCompletion(index: WorkspaceIndex, entry: DocumentEntry, at: Cursor, accept?: (entity: Entity) => boolean): CompletionList | null {
  const token = LIST_TOKEN.exec(at.before);
  return token ? entityCompletion(index, entry, at, at.offset - token[1].length, { accept }) : null;
}

interface EntityContext {
  accept?: (entity: Entity) => boolean;
  /** The bracketed display text the mention will have: entities sharing its words rank first. */
  display?: string;
  /** A bare `@partial` in running text: a name typed there may become the display text. */
  bare?: boolean;
}

/**
 * At most this many items in one answer. The list is incomplete, so the
 * client asks again as the user types; the best matches come first.
 */
export const MAX_COMPLETION_ITEMS = 50;

interface Found {
  candidate: Candidate;
  matched: string;
  shared: number;
}

/**
 * One request's matches, part after part (each part's in id order), in
 * arrays reused between requests: a record a match would be hundreds a
 * request, and only the few taken become one. Entries past `count` are
 * left from an earlier request.
 */
const matches = { count: 0, ranks: [] as number[], candidates: [] as Candidate[], names: [] as string[], shared: [] as number[], partEnds: [] as number[] };

/**
 * Entities for the `@partial` (or `partial`) typed from `start`, which the
 * chosen `@id` replaces. Each item shows the name and dates in the list
 * (label details). After `[display]{@` the list is ranked by the words the
 * display shares with each entity's names; after a bare `@Nikita` that
 * matches a name, not the id, a second item writes `[Nikita]{@khrushchev}`,
 * keeping the text as the source has it. Only the best
 * MAX_COMPLETION_ITEMS are sent: an exact id first, then by shared display
 * words, then by how the partial fits (Fit), then by id.
 */
function entityCompletion(index: WorkspaceIndex, entry: DocumentEntry, at: Cursor, start: number, context: EntityContext = {}): CompletionList {
  const typed = entry.text.slice(start, at.offset);
  const lead = typed.startsWith('@') ? '@' : '';
  const partial = typed.slice(lead.length).normalize('NFC').toLowerCase();
  const rest = ID_RUN.exec(at.after)![0];
  const range = entry.lines.range(start, at.offset + rest.length);
  const display = context.display === undefined ? [] : wordsOf(context.display);
  const ranks = new Set<number>();
  matches.count = 0;
  matches.partEnds.length = 0;
  for (const part of candidateTable(index).parts.values()) {
    eachMatch(part, partial, (position, fit, matched) => {
      const candidate = part.byId[position];
      if (context.accept && !context.accept(candidate.entity)) return;
      const shared = sharedWords(candidate, display);
      const rank = fit === Fit.ExactId ? 0 : 1 + (99 - Math.min(shared, 99)) * 5 + fit;
      ranks.add(rank);
      const i = matches.count++;
      matches.ranks[i] = rank;
      matches.candidates[i] = candidate;
      matches.names[i] = matched;
      matches.shared[i] = shared;
    });
    matches.partEnds.push(matches.count);
  }
  const items: CompletionItem[] = [];
  for (const rank of [...ranks].sort((a, b) => a - b)) {
    for (const i of inIdOrder(rank, MAX_COMPLETION_ITEMS - items.length)) {
      const found = { candidate: matches.candidates[i], matched: matches.names[i], shared: matches.shared[i] };
      const shown = context.bare && partial !== '' && found.matched !== found.candidate.entity.id ? nameTyped(typed.slice(lead.length) + rest, found.matched) : undefined;
      items.push(...entityItems(found, lead, range, shown));
    }
    if (items.length >= MAX_COMPLETION_ITEMS) break;
  }
  items.splice(MAX_COMPLETION_ITEMS);
  items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : a.label < b.label ? -1 : 1));
  return { isIncomplete: true, items };
}

/** The first `count` matches of `rank`, merged in id order from the parts' (each in id order). */
function inIdOrder(rank: number, count: number): number[] {
  const { ranks, candidates, partEnds } = matches;
  const heads = partEnds.map((_, k) => (k === 0 ? 0 : partEnds[k - 1]));
  const advance = (k: number) => {
    while (heads[k] < partEnds[k] && ranks[heads[k]] !== rank) heads[k]++;
  };
  heads.forEach((_, k) => advance(k));
  const taken: number[] = [];
  while (taken.length < count) {
    let next = -1;
    for (let k = 0; k < heads.length; k++) {
      if (heads[k] < partEnds[k] && (next === -1 || candidates[heads[k]].entity.id < candidates[heads[next]].entity.id)) next = k;
    }
    if (next === -1) break;
    taken.push(heads[next]++);
    advance(next);
  }
  return taken;
}

/** The item of a found entity; when a name was typed as `shown`, the `[shown]{@id}` item first. */
function entityItems({ candidate, matched, shared }: Found, lead: string, range: Range, shown: string | undefined): CompletionItem[] {
  const { entity, item: made } = candidate;
  // The name that matched comes first, for clients that filter by prefix.
  const filterTextOf = () => [...new Set([matched, entity.id, ...candidate.names])].map((name) => lead + name).join(' ');
  let filterText = matched === entity.id ? made.filterTexts.get(lead) : filterTextOf();
  if (filterText === undefined) made.filterTexts.set(lead, (filterText = filterTextOf()));
  const item: CompletionItem = {
    label: entity.id,
    labelDetails: candidate.labelDetails,
    kind: ENTITY_ITEM_KINDS[entity.kind],
    detail: candidate.detail,
    filterText,
    sortText: shared === 0 ? made.sortText : `${String(99 - Math.min(shared, 99)).padStart(2, '0')} ${entity.id}`,
    textEdit: { range, newText: made.newText },
    data: made.data,
  };
  if (shown === undefined) return [item];
  const named: CompletionItem = {
    ...item,
    label: `[${shown}]{@${entity.id}}`,
    filterText: `@${shown}`,
    // Typed as the source writes the name: keeping that text reads best, so it comes first.
    sortText: `00 ${entity.id}`,
    textEdit: { range, newText: `[${shown.replace(/[[\]\\]/g, '\\$&')}]{@${entity.id}}` },
  };
  return [named, item];
}

/** The typed text completed to the end of the word of `name` it starts: `Nik` of "Nikita Khrushchev" → `Nikita`. */
function nameTyped(typed: string, name: string): string | undefined {
  const lower = typed.toLowerCase();
  const word = name.split(/\s+/).find((w) => w.toLowerCase().startsWith(lower));
  return word ? typed + word.slice(typed.length) : undefined;
}

/** Builds the table of entities completion searches (it is kept, and rebuilt in part as registries change). */
export function prepareCompletion(index: WorkspaceIndex): void {
  candidateTable(index);
}

/** The entity card as documentation, and the detail a list may leave out (completionList.ts), computed only for the item the user looks at. */
export function resolveCompletion(index: WorkspaceIndex, item: CompletionItem): CompletionItem {
  const id = (item.data as { entityId?: string } | undefined)?.entityId;
  const entity = id === undefined ? undefined : index.entity(id);
  if (!entity) return item;
  return { ...item, detail: item.detail ?? candidateOf(entity).detail, documentation: { kind: 'markdown', value: entityCard(index, entity).source } };
}

/** Keys at the start of a line: the typed key (and the rest of it) is replaced by `key: `. */
function keyCompletion(entry: DocumentEntry, at: Cursor, keys: string[], help: Record<string, string>): CompletionList {
  const typed = KEY_SO_FAR.exec(at.before)![1];
  const rest = /^[A-Za-z0-9_-]*/.exec(at.after)![0];
  const hasColon = /^[ \t]*:/.test(at.after.slice(rest.length));
  const range = entry.lines.range(at.offset - typed.length, at.offset + rest.length);
  const items = keys.map<CompletionItem>((key, i) => ({
    label: key,
    kind: CompletionItemKind.Property,
    documentation: { kind: 'markdown', value: help[key] },
    sortText: String(i).padStart(2, '0'),
    textEdit: { range, newText: hasColon ? key : `${key}: ` },
  }));
  return { isIncomplete: false, items };
}

/** Labels defined in this document; the closing `]` is added when missing. */
function footnoteCompletion(index: WorkspaceIndex, entry: DocumentEntry, at: Cursor, typed: string): CompletionList {
  const rest = /^[A-Za-z0-9_-]*/.exec(at.after)![0];
  const closed = at.after[rest.length] === ']';
  const range = entry.lines.range(at.offset - typed.length, at.offset + rest.length);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const note of entry.tree.footnoteDefinitions) {
    if (seen.has(note.label)) continue;
    seen.add(note.label);
    const content = spanText(index, entry, note.content);
    items.push({
      label: note.label,
      kind: CompletionItemKind.Reference,
      detail: content.length > 60 ? `${content.slice(0, 60).trimEnd()}…` : content,
      textEdit: { range, newText: closed ? note.label : `${note.label}]` },
    });
  }
  return { isIncomplete: false, items };
}
