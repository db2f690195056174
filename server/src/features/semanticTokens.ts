// Semantic tokens: what the grammar cannot know. Mentions are typed by the
// kind of the entity they resolve to (through the workspace index), and
// quotations by whether they are attributed (SPEC 6.2, HM001).
//
// What each token covers:
// - explicit mention `[text]{@id}`: the display text, typed by the first id
//   that resolves, and each `@id` in the braces, typed by its own entity;
//   bare `@id`, front-matter, field and attribution mentions: the `@id`.
//   An id that no definition has is `unknownEntity`.
// - definition: its id (entity kind + `declaration`); field keys; front-matter keys.
// - quotation: opener to closer (a block quote: every line), `unattributed`
//   when it is HM001, `notSpeech` when marked `{~}`.
// - editorial marks: the whole mark (`{pb 12}`, `[text]{sic: …}`).
// - footnotes: `[^label]`, with `declaration` where it is defined.
// Constructs nest (a mention in a quotation in a stage direction); tokens
// may not overlap, so the innermost construct wins where they do, and the
// outer one is split around it. Comments carry no token at all.

import { type SemanticTokens, SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { ApparatusKind, EntityKind, IdRef, Span } from '../syntax/types';
import { isUnattributed } from './diagnostics/quotations';

export const TOKEN_TYPES = [
  'person',
  'organization',
  'place',
  'event',
  'work',
  'unknownEntity',
  'quotation',
  'pageBreak',
  'sic',
  'unclear',
  'gap',
  'stageDirection',
  'supplied',
  'foreignWord',
  'notMention',
  'frontMatterKey',
  'fieldKey',
  'footnote',
] as const;
export const TOKEN_MODIFIERS = ['declaration', 'unattributed', 'notSpeech', 'uncertain'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const ENTITY_TOKEN_TYPES: Record<EntityKind, TokenType> = {
  person: 'person',
  org: 'organization',
  place: 'place',
  event: 'event',
  work: 'work',
};

const APPARATUS_TOKEN_TYPES: Record<ApparatusKind, TokenType> = {
  pb: 'pageBreak',
  sic: 'sic',
  unclear: 'unclear',
  gap: 'gap',
  stage: 'stageDirection',
  supplied: 'supplied',
  foreign: 'foreignWord',
  notMention: 'notMention',
};

/** A token before flattening; `type` null masks what lies under it (comments). */
interface Token extends Span {
  type: TokenType | null;
  modifiers: TokenModifier[];
}

function entityType(index: WorkspaceIndex, refs: IdRef[]): TokenType {
  for (const ref of refs) {
    const entity = index.entity(ref.id);
    if (entity) return ENTITY_TOKEN_TYPES[entity.kind];
  }
  return 'unknownEntity';
}

function uncertainty(refs: IdRef[]): TokenModifier[] {
  return refs.some((ref) => ref.uncertain) ? ['uncertain'] : [];
}

/** Every construct that gets a token, possibly nested or overlapping. */
function collectTokens(index: WorkspaceIndex, entry: DocumentEntry): Token[] {
  const { tree } = entry;
  const tokens: Token[] = [];
  const add = (span: Span, type: TokenType | null, modifiers: TokenModifier[] = []) => tokens.push({ start: span.start, end: span.end, type, modifiers });

  for (const field of tree.frontMatter?.entries ?? []) add(field.keySpan, 'frontMatterKey');
  for (const definition of tree.definitions) {
    add(definition.idSpan, ENTITY_TOKEN_TYPES[definition.kind], ['declaration']);
    for (const field of definition.fields) add(field.keySpan, 'fieldKey');
  }
  for (const q of tree.quotations) {
    const modifiers: TokenModifier[] = [];
    if (isUnattributed(q, index.config.minWords)) modifiers.push('unattributed');
    if (q.attribution?.kind === 'notSpeech') modifiers.push('notSpeech');
    add(q, 'quotation', modifiers);
  }
  for (const mark of tree.apparatus) add(mark, APPARATUS_TOKEN_TYPES[mark.kind]);
  for (const mention of tree.mentions) {
    if (mention.display) add(mention.display, entityType(index, mention.ids), uncertainty(mention.ids));
    // Every id is written after its `@`, which belongs to the token.
    for (const ref of mention.ids) add({ start: ref.span.start - 1, end: ref.span.end }, entityType(index, [ref]), uncertainty([ref]));
  }
  for (const note of tree.footnoteReferences) add(note, 'footnote');
  for (const note of tree.footnoteDefinitions) add({ start: note.labelSpan.start - 2, end: note.labelSpan.end + 1 }, 'footnote', ['declaration']);
  for (const comment of tree.comments) add(comment, null);
  return tokens;
}

/**
 * Cuts nested and overlapping tokens into disjoint pieces, sorted: at each
 * point the open token that started last (the innermost) wins.
 */
function flatten(tokens: Token[]): Token[] {
  const ordered = tokens.filter((t) => t.end > t.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Token[] = [];
  const open: Token[] = [];
  let cursor = 0;
  const emit = (token: Token | undefined, end: number) => {
    if (token && token.type !== null && end > cursor) pieces.push({ ...token, start: cursor, end });
    cursor = Math.max(cursor, end);
  };
  const closeUntil = (offset: number) => {
    while (open.length > 0 && open[open.length - 1].end <= offset) {
      const done = open.pop()!;
      emit(done, done.end);
    }
  };
  for (const token of ordered) {
    closeUntil(token.start);
    emit(open[open.length - 1], token.start);
    open.push(token);
  }
  closeUntil(Infinity);
  return pieces;
}

/**
 * The document's tokens, encoded as LSP wants them: one token per line
 * piece (a quotation over three lines is three tokens), in relative deltas.
 * With `lines`, only tokens on those lines (inclusive) are returned.
 */
export function semanticTokens(index: WorkspaceIndex, uri: string, lines?: { first: number; last: number }): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const entry = index.document(uri);
  if (!entry) return builder.build();
  const { text } = entry;
  const lineIndex = entry.lines;
  for (const token of flatten(collectTokens(index, entry))) {
    const type = TOKEN_TYPES.indexOf(token.type!);
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    let start = token.start;
    while (start < token.end) {
      const { line, character } = lineIndex.positionAt(start);
      const nextLine = line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : text.length;
      const pieceEnd = Math.min(token.end, nextLine);
      let contentEnd = pieceEnd;
      while (contentEnd > start && (text[contentEnd - 1] === '\n' || text[contentEnd - 1] === '\r')) contentEnd--;
      const inRange = !lines || (line >= lines.first && line <= lines.last);
      if (contentEnd > start && inRange) builder.push(line, character, contentEnd - start, type, modifiers);
      start = pieceEnd;
    }
  }
  return builder.build();
}
