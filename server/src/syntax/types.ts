// The syntax tree of one Histmark document (SPEC.md sections 1–9).
// Every range is a half-open span of UTF-16 offsets into the document text.
// Blocks tile the text exactly, so the source can be rebuilt from the tree;
// inline constructs are flat lists (quotations may cross paragraphs, turns
// span several blocks), each sorted by start offset.

export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'org' | 'place' | 'event' | 'work';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'org', 'place', 'event', 'work'];

export type BlockKind =
  | 'blank'
  | 'frontMatter'
  | 'heading'
  | 'paragraph'
  | 'blockQuote'
  | 'definition'
  | 'footnoteDefinition';

export interface Block extends Span {
  kind: BlockKind;
}

/** A reference to an entity id: in a brace group, a bare `@id`, front matter or a field. */
export interface IdRef {
  id: string;
  /** The id itself, without `@` or a trailing `?`. */
  span: Span;
  /** `{@id?}`: the identification is uncertain. */
  uncertain: boolean;
}

export type MentionForm = 'explicit' | 'bare' | 'frontMatter' | 'field' | 'attribution';

export interface Mention extends Span {
  form: MentionForm;
  ids: IdRef[];
  /** `[display]` of an explicit mention (inner span, without brackets). */
  display?: Span;
  /** Apparatus carried in the same brace group: `{@alia sic: Ramiz Alia}`. */
  apparatus?: Apparatus;
}

/** `invalid`: a malformed suffix, reported as HM010 rather than also as HM001. */
export type AttributionKind = 'entities' | 'unknown' | 'described' | 'notSpeech' | 'invalid';

export interface Attribution extends Span {
  kind: AttributionKind;
  /** For kind 'entities'. */
  ids: IdRef[];
  /** For kind 'described': `{@?: the Polish minister}`. */
  description?: string;
}

export interface Quotation extends Span {
  /** Opening mark (or the first `>` for a block quote). */
  opener: Span;
  /** Closing mark; absent for block quotes and unclosed quotations. */
  closer?: Span;
  /** Never closed (HM004): `end` is then the end of its paragraph. */
  unclosed: boolean;
  /** The quoted text, between the marks. */
  content: Span;
  block: boolean;
  single: boolean;
  attribution?: Attribution;
  /** Words in the quoted text with markup removed, an apostrophe or hyphen between word characters joining one (SPEC 1, 6.2). */
  words: number;
  /** Index (into `quotations`) of the innermost enclosing quotation. */
  parent?: number;
}

export interface Turn extends Span {
  /** The speaker mention that opens the turn (also listed in `mentions`). */
  speaker: Mention;
  /** Blocks that are this speaker's speech (paragraphs and block quotes). */
  speech: Span[];
}

/**
 * `foreign`: `[text]{lang: ru}`, with the BCP 47 tag as `value` (1.1).
 * `notMention`: `[text]{-}`, a name used as something else (1.1).
 */
export type ApparatusKind = 'pb' | 'sic' | 'unclear' | 'gap' | 'stage' | 'supplied' | 'foreign' | 'notMention';

export interface Apparatus extends Span {
  kind: ApparatusKind;
  /** `[text]` of sic/unclear/stage/supplied (inner span). */
  text?: Span;
  /** Page number of `{pb 12}`, correction of `{sic: …}`, reason of `{gap: …}`, tag of `{lang: …}`. */
  value?: string;
}

export interface Heading extends Span {
  level: number;
  text: Span;
}

export interface KeyValue extends Span {
  key: string;
  keySpan: Span;
  value: string;
  valueSpan: Span;
}

export interface FrontMatter extends Span {
  /** The opening `---` line. */
  open: Span;
  closed: boolean;
  entries: Field[];
  /** Lines that are not `key: value`. */
  malformed: Span[];
}

/** A front-matter entry or an entity field. */
export interface Field extends KeyValue {
  /** Mentions in the value, for keys that take them. */
  refs: IdRef[];
  /** Tokens of such a value that are not `@id`. */
  badRefs: Span[];
}

export interface Definition extends Span {
  kind: EntityKind;
  kindSpan: Span;
  id: string;
  idSpan: Span;
  name?: string;
  nameSpan?: Span;
  /** The header line. */
  header: Span;
  fields: Field[];
  description?: Span;
}

export interface FootnoteDefinition extends Span {
  label: string;
  labelSpan: Span;
  content: Span;
}

export interface FootnoteReference extends Span {
  label: string;
  labelSpan: Span;
}

/** Malformed markup the parser recovered from (reported as HM010). */
export interface SyntaxProblem extends Span {
  message: string;
}

export interface SyntaxTree {
  text: string;
  blocks: Block[];
  frontMatter?: FrontMatter;
  headings: Heading[];
  definitions: Definition[];
  footnoteDefinitions: FootnoteDefinition[];
  footnoteReferences: FootnoteReference[];
  mentions: Mention[];
  quotations: Quotation[];
  turns: Turn[];
  apparatus: Apparatus[];
  comments: Span[];
  escapes: Span[];
  problems: SyntaxProblem[];
  /**
   * Plain text outside mentions, `[text]{-}`, brace groups, definitions and
   * front matter, as flat [start, end, start, end, …] pairs: where HM005
   * looks for unlinked names. A range runs on across what takes no room
   * (comments, `{pb…}`, `{gap…}`, SPEC 1) and holds it: read it with
   * `readPlain` (syntax/plain.ts), which leaves it out.
   */
  plainText: number[];
  /** True when every line is blank, a heading, a comment, a footnote or a definition. */
  isRegistry: boolean;
}
