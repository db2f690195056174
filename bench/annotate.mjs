// Turns real paragraphs into an annotated Histmark transcript: front matter,
// explicit and bare mentions, attributed quotations (and a few that are not),
// speaker turns, block quotes, page breaks, footnotes, apparatus and
// comments, at densities close to the hand-annotated samples. The only
// diagnostics a transcript should get are the ones planted on purpose:
// HM001 (an unattributed quotation) and HM005 (a registered name left
// unlinked); `planted` counts them.

import { Zipf } from './random.mjs';

/** A word of the source that can be swapped for a name: capitalised, with its surrounding punctuation. */
const NAME_SLOT = /^(\(?)(\p{Lu}[\p{L}’-]*\p{L})([.,;:!?)]*)$/u;
/** A token that `{pb}` or `[^n]` can follow directly without reading as an attribution suffix. */
const GLUEABLE = /[\p{L}\p{N}.,;:!?)]$/u;
const PLAIN_WORD = /^\p{Ll}+$/u;
const WORD = /[\p{L}\p{N}]+/gu;
const STAGE = ['(Applause)', '(Prolonged applause)', '(Laughter)', '(Noise in the hall)', '(Stormy applause)'];
const DESCRIBED = ['the delegate', 'a voice from the hall', 'the Polish minister', 'the interpreter'];

function wordCount(text) {
  return text.match(WORD)?.length ?? 0;
}

function pickDisplay(random, entity) {
  if (entity.kind === 'person' && random.chance(0.15)) return `Comrade ${entity.surname}`;
  return entity.aliases.length > 0 && random.chance(0.35) ? random.pick(entity.aliases) : entity.name;
}

function speakerLabel(random, person) {
  const r = random.next();
  if (r < 0.4) return `COMRADE ${person.name.toUpperCase()}`;
  if (r < 0.7) return `${person.first[0]}. ${person.surname.toUpperCase()}`;
  return `Comrade ${person.surname}`;
}

/** Greedy line wrapping between tokens, so that no markup is cut; `indent` starts continuation lines. */
export function wrap(tokens, width, indent = '') {
  if (!width) return tokens.join(' ');
  const lines = [];
  let line = '';
  for (const token of tokens) {
    if (line !== '' && line.length + 1 + token.length > width) {
      lines.push(line);
      line = indent + token;
    } else line = line === '' ? token : `${line} ${token}`;
  }
  lines.push(line);
  return lines.join('\n');
}

export class TranscriptWriter {
  constructor(registry) {
    this.registry = registry;
    this.zipf = { people: new Zipf(registry.people.length, 1), orgs: new Zipf(registry.orgs.length, 1), places: new Zipf(registry.places.length, 1) };
  }

  /** The entities a document talks about: a few of the famous, some of the obscure. */
  cast(random, size) {
    const cast = { people: new Set(), orgs: new Set(), places: new Set() };
    for (let i = 0; i < size || cast.people.size < 2; i++) {
      const r = random.next();
      const kind = r < 0.55 ? 'people' : r < 0.8 ? 'orgs' : 'places';
      cast[kind].add(this.registry[kind][this.zipf[kind].draw(random)]);
    }
    if (cast.orgs.size === 0) cast.orgs.add(this.registry.orgs[0]);
    if (cast.places.size === 0) cast.places.add(this.registry.places[0]);
    return { people: [...cast.people], orgs: [...cast.orgs], places: [...cast.places] };
  }

  /**
   * One transcript. `paragraphs` are lists of sentences; `mode` is 'minutes'
   * (speaker turns) or 'prose'; `plantUnattributed` adds one HM001.
   */
  transcript(random, { paragraphs, title, mode, castSize, plantUnattributed }) {
    const cast = this.cast(random, castSize);
    const state = { random, cast, planted: { HM001: 0, HM005: 0 }, footnotes: [], page: 1, sincePage: 0, width: random.chance(0.5) ? random.int(68, 80) : 0 };
    const author = cast.people[0];
    const year = random.int(1944, 1985);
    const front = ['---', `title: ${title}`, `date: ${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`];
    front.push(`author: @${author.id}`);
    if (mode === 'prose' && random.chance(0.5)) front.push(`recipient: @${cast.people[1].id}`);
    if (random.chance(0.6)) front.push(`archive: Central State Archive, fond ${random.int(10, 99)}, year ${year}, file ${random.int(1, 400)}, sheets ${random.int(1, 30)}–${random.int(31, 60)}`);
    front.push('language: en', '---');
    const out = [front.join('\n')];
    if (random.chance(0.5)) out.push(`<!-- Transcribed from the ${random.pick(['original typescript', 'printed edition', 'microfilm copy'])}; page furniture omitted. -->`);
    if (random.chance(0.6)) out.push(`# ${title}`);
    let speaking = false;
    const unattributedAt = plantUnattributed ? random.int(0, paragraphs.length - 1) : -1;
    paragraphs.forEach((sentences, k) => {
      if (k > 0 && k % 12 === 0 && random.chance(0.5)) out.push(`## ${sentences[0].split(' ').slice(0, 6).join(' ').replace(/[.,;:!?]+$/, '')}`);
      if (random.chance(0.02)) out.push('<!-- Running head and page number of the edition omitted. -->');
      const tokens = sentences.flatMap((s, i) => this.sentence(state, s, { unattributed: k === unattributedAt && i === 0 }));
      if (mode === 'minutes') {
        if (!speaking || random.chance(0.7)) {
          const speaker = random.pick(cast.people.slice(0, 4));
          tokens.unshift(`[${speakerLabel(random, speaker)}]{@${speaker.id}}:`);
          speaking = true;
        }
        if (random.chance(0.05)) tokens.push(`[${random.pick(STAGE)}]{stage}`);
        out.push(wrap(tokens, state.width));
      } else if (random.chance(0.03)) {
        const by = random.pick(cast.people);
        const attribution = random.chance(0.5) ? `@${by.id}` : `[${by.name}]{@${by.id}}`;
        out.push(`${wrap(tokens, state.width && state.width - 2).replace(/^/gm, '> ')}\n> — ${attribution}`);
      } else out.push(wrap(tokens, state.width));
    });
    for (const [label, sentence] of state.footnotes) {
      out.push(wrap([`[^${label}]:`, ...this.sentence(state, sentence, { footnote: true })], state.width, '  '));
    }
    return { text: `${out.join('\n\n')}\n`, planted: state.planted };
  }

  /** The tokens of one annotated sentence. */
  sentence(state, sentence, { unattributed = false, footnote = false }) {
    const { random, cast } = state;
    const tokens = sentence.split(' ');
    // Not the sentence's first word: "They said" would read "[Name] said".
    const slots = [];
    tokens.forEach((t, i) => {
      if (i > 0 && t !== 'I' && NAME_SLOT.test(t)) slots.push(i);
    });
    const take = () => (slots.length === 0 ? -1 : slots.splice(random.int(0, slots.length - 1), 1)[0]);
    const marked = new Set();
    const replace = (i, make) => {
      const [, lead, , trail] = NAME_SLOT.exec(tokens[i]);
      tokens[i] = `${lead}${make()}${trail}`;
      marked.add(i);
    };
    const entity = () => {
      const r = random.next();
      return random.pick(r < 0.6 ? cast.people : r < 0.85 ? cast.orgs : cast.places);
    };
    const mentions = random.chance(0.85) ? 1 + Number(random.chance(0.5)) + Number(random.chance(0.3)) : 0;
    for (let n = mentions; n > 0; n--) {
      const i = take();
      if (i === -1) break;
      const e = entity();
      if (random.chance(0.01) && cast.people.length > 2) {
        const [a, b] = [cast.people[1], cast.people[2]];
        replace(i, () => `[${a.surname} and ${b.surname}]{@${a.id} @${b.id}}`);
      } else replace(i, () => `[${pickDisplay(random, e)}]{@${e.id}${random.chance(0.03) ? '?' : ''}}`);
    }
    if (random.chance(0.04)) {
      const i = take();
      if (i !== -1) replace(i, () => `@${entity().id}`);
    }
    if (!footnote && random.chance(0.03)) {
      const i = take();
      if (i !== -1) {
        replace(i, () => entity().name);
        state.planted.HM005++;
      }
    }
    this.apparatus(state, tokens, marked);
    if (footnote) return tokens;
    this.quotation(state, tokens, marked, unattributed);
    this.glue(state, tokens, sentence);
    return tokens;
  }

  apparatus(state, tokens, marked) {
    const { random } = state;
    if (random.chance(0.02)) {
      const i = tokens.findIndex((t, k) => !marked.has(k) && PLAIN_WORD.test(t));
      if (i !== -1) {
        tokens[i] = `[${tokens[i]}]{${random.pick(['sic', '?', `sic: ${tokens[i]}`, '+'])}}`;
        marked.add(i);
      }
    }
    if (random.chance(0.004)) tokens.push(random.chance(0.5) ? '{gap}' : '{gap: illegible}');
  }

  /** Wraps a run of tokens in quotation marks, with an attribution suffix (or, when asked, none). */
  quotation(state, tokens, marked, unattributed) {
    const { random, cast } = state;
    if (!unattributed && !random.chance(0.08)) return;
    const r = random.next();
    const short = !unattributed && r >= 0.75;
    const length = short ? random.int(1, 2) : random.int(3, Math.min(14, tokens.length));
    if (tokens.length < length) return;
    const a = random.int(0, tokens.length - length);
    const b = a + length - 1;
    const content = tokens.slice(a, b + 1);
    if (short && content.some((t, k) => marked.has(a + k) || wordCount(t) !== 1)) return;
    if (!short && wordCount(content.join(' ')) < 3) return;
    // A straight mark after a dash opens a quotation (SPEC 6.1): never end one there.
    if (/[-–—/]$/.test(tokens[b])) return;
    const [open, close] = random.chance(0.7) ? ['“', '”'] : ['"', '"'];
    let suffix = '';
    if (unattributed) state.planted.HM001++;
    else if (r < 0.6) suffix = `{@${random.pick(cast.people).id}}`;
    else if (r < 0.67) suffix = '{@?}';
    else if (r < 0.72) suffix = `{@?: ${random.pick(DESCRIBED)}}`;
    else if (r < 0.75) suffix = '{~}';
    else suffix = random.chance(0.5) ? '{~}' : ''; // a term: too short to need one
    tokens[a] = open + tokens[a];
    tokens[b] = tokens[b] + close + suffix;
  }

  /** Page breaks every few thousand characters, and footnote references, glued to a word. */
  glue(state, tokens, sentence) {
    const { random } = state;
    for (const t of tokens) state.sincePage += t.length + 1;
    const glueable = () => {
      for (let tries = 0; tries < 4; tries++) {
        const i = random.int(0, tokens.length - 1);
        if (GLUEABLE.test(tokens[i])) return i;
      }
      return -1;
    };
    if (state.sincePage > 2800) {
      const i = glueable();
      if (i !== -1) {
        tokens[i] += random.chance(0.8) ? `{pb ${++state.page}}` : '{pb}';
        state.sincePage = 0;
      }
    }
    if (random.chance(0.04)) {
      const i = glueable();
      if (i !== -1) {
        const label = String(state.footnotes.length + 1);
        tokens[i] += `[^${label}]`;
        state.footnotes.push([label, sentence]);
      }
    }
  }
}
