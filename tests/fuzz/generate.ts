// Seeded generators of Histmark-ish documents and of edits to them, for the
// fuzz suite: every construct of SPEC.md (1.1 forms included), hostile
// fragments, every kind of line break, astral characters, NUL and BOM.
// The same seed gives the same documents, so a failure is reproducible.

/** A PRNG (mulberry32): deterministic from its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

export const FRAGMENTS: readonly string[] = [
  // quotation marks of every kind, apostrophes and hyphens in words
  '"', '"', "'", '“', '”', '„', '«', '»', '‘', '’', "'s ", "s' ", 'don’t', "don't go", 'Marxist-Leninist', 'Albania’s',
  '"We can come to an agreement"{@tito}', '“a long quotation of words”', '„mixed marks"', '"mixed both ways”', '‘struggle’{~}',
  // brackets, braces and the brace-group forms
  '[', ']', '{', '}', '[x]', '[Tito]{@tito}', '{@a}', '{@a @b}', '{@deng?}', '{~}', '{@?}', '{@?: the hall}',
  '{pb 3}', '{pb}', '{pb 12}"', 'Ho{pb 13}xha', 'Enver {pb}Hoxha', '{gap}', '{gap: torn}', '{sic}', '{sic: y}', '{?}', '{+}', '{stage}',
  '{@a sic: z}', '{}', '{x}', '[Moscow]{-}', '[Tirana]{-}', '{-}', '[da]{lang: ru}', '[x]{lang: sr-Latn}', '[y]{lang: ru_RU}', '{lang ru}',
  '[Boris]{@a lang: ru}', '[Boris]{@a -}', '[t]{@a +}', '\\[Nikita\\]', '[^1]', '[^n-2]', '[^1]: ', '[(Applause)]{stage}',
  // mentions and definitions
  '@a', '@tito', '@hoxha-', '@x_', 'name@host.org', '@', '@person ', '@person tito: Josip Broz Tito', '@org cpsu: CPSU', '@place x',
  '  aka: A; B', '  member-of: @cpsu', '  born: 1900', '  match: no', '@per<!-- -->son a: X', '@pers\0on b: Y', '@person 𐌰𐌱: Gothic',
  // comments, front matter, block quotes, headings, turns
  '<!--', '-->', '<!-- c -->', '<!-- multi\nline -->', '---', '---\n', '>', '> ', '> — @a', '> {~}', '> -- [A]{@a}', '#', '# ', '### ',
  ':', '[A]{@a}: ', '@tito: ',
  // escapes and punctuation that decides how `"` is read
  '\\', '\\"', '\\\\', '—', '–', '-', '/', '(', ')', '.', ',', '…',
  // line breaks and spaces
  '\n', '\n', '\n', '\r\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', ' ', ' ', ' ', '  ', '\t', '\u00a0', '\u2028', '\u2029',
  // words and Unicode: astral letters (Gothic, CJK Ext. B, mathematical), combining marks, NUL, BOM
  'word ', 'words ', 'We can come ', 'Albania', 'Hoxha', 'Tito', 'Josip Broz', 'ë', 'Łódź', '中文', 'e\u0301', '𝔸', '𝐀𝐁', '𐌰𐌱 𐌲𐌳 𐌴', '𠀀', '٣',
  '\uFEFF', '\u0000', '\uD800', '\uDC00',
];

/** Fragments that made the parser quadratic once (issue 8 item 4), repeated. */
export const HOSTILE: readonly string[] = ['[', '[a', ']', ' "a', '«…”', '[^a', '„', '{@', '“', "'a ", '[\\', '{', '"unclosed\n', '<!--', '{pb}"', '@'];

/** A document of about `parts` fragments; sometimes a hostile run. */
export function randomDocument(random: Random, parts = 60): string {
  const start = random.pick(['', '', '', '---\n', '---\ntitle: T\n---\n', '---\r\ntitle: x\r\n---\r\n', '\uFEFF', '\uFEFF---\nauthor: [@a, @b]\n---\n', '---\ntitle: T\n\ndate: 1960\n']);
  let text = start;
  const count = random.below(parts + 1);
  for (let k = 0; k < count; k++) {
    if (random.chance(0.02)) {
      text += random.pick(HOSTILE).repeat(1 + random.below(40));
    } else if (random.chance(0.03)) {
      text += String.fromCharCode(random.below(0x3000));
    } else {
      text += random.pick(FRAGMENTS);
    }
  }
  return text;
}

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export function applyEdit(text: string, edit: Edit): string {
  const at = Math.min(edit.at, text.length);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

const TYPED = ['a', 'e', ' ', ' ', '\n', '\r', '\r\n', '"', '“', '”', "'", '{pb}', '{pb 4}', '{gap}', '[', ']', '{', '}', '<!--', '-->', '---\n', '> ', '# ', '  ', '\u2028', '\uFEFF', '\0', '𐌰', '@', '-', ':'];

/** A random edit of `text`: typing, deleting, pasting; often next to markup, where edits break things. */
export function randomEdit(random: Random, text: string): Edit {
  let at = random.below(text.length + 1);
  // Half of the edits land next to a quotation mark, bracket, brace or line break.
  if (random.chance(0.5) && text.length > 0) {
    const marks = /["“”„«»'’[\]{}<>\-\n\r@]/g;
    const found: number[] = [];
    for (let m = marks.exec(text); m && found.length < 64; m = marks.exec(text)) found.push(m.index + (random.chance(0.5) ? 0 : 1));
    if (found.length > 0) at = random.pick(found);
  }
  const kind = random.below(4);
  if (kind === 0) return { at, remove: 1 + random.below(4), insert: '' };
  if (kind === 1) return { at, remove: 0, insert: random.pick(TYPED) };
  if (kind === 2) return { at, remove: random.below(3), insert: random.pick(FRAGMENTS) };
  // `{pb}` typed or deleted just before a quotation mark (issue 9).
  const quote = text.search(/["“„«]/);
  if (quote !== -1 && random.chance(0.5)) {
    return text.slice(quote - 4, quote) === '{pb}' ? { at: quote - 4, remove: 4, insert: '' } : { at: quote, remove: 0, insert: '{pb}' };
  }
  return { at, remove: 0, insert: random.pick(TYPED) + random.pick(TYPED) };
}
