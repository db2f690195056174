// The synthetic entity registry of a benchmark corpus: people, organisations,
// places, events and works with plausible names, aliases, roles, dates,
// relations and authority ids. Every name is claimed by one entity only
// (no HM008), every authority id is unique (no HM014), relations name the
// right kinds (no HM013), and no name is made only of words the source
// texts contain, so that the only unlinked names (HM005) are those the
// transcript generator plants.

import { wrap } from './annotate.mjs';
import { Random } from './random.mjs';

const FIRST_NAMES = [
  'Arben', 'Besnik', 'Dritan', 'Fatmir', 'Gjergj', 'Ilir', 'Kujtim', 'Lulzim', 'Mentor', 'Nexhat', 'Petrit', 'Qemal',
  'Rexhep', 'Sokol', 'Teuta', 'Vera', 'Zana', 'Liri', 'Drita', 'Mira', 'Ivan', 'Pyotr', 'Sergei', 'Anatoly', 'Grigori',
  'Olga', 'Yelena', 'Stefan', 'Milan', 'Dušan', 'Bogdan', 'Todor', 'Georgi', 'Nicolae', 'Ion', 'Walter', 'Erich',
  'János', 'Pál', 'Ludvík', 'Wei', 'Enver', 'Mehmet', 'Hysni', 'Ramiz', 'Nikolai', 'Andrei', 'Vasil', 'Koço', 'Liri',
];
const ONSETS = ['B', 'D', 'Dr', 'G', 'Gj', 'K', 'Kr', 'L', 'M', 'N', 'P', 'Pr', 'R', 'S', 'Sh', 'T', 'V', 'Xh', 'Z', 'Zh', 'Ç', 'H', 'F', 'Br'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ë', 'a', 'e', 'o'];
const MIDDLES = ['', '', 'ra', 'li', 'ne', 'ka', 'ro', 'vi', 'ta', 'me', 'sa', 'do', 'ku', 'ni', 'lo', 'ga'];
const SURNAME_ENDINGS = ['aj', 'i', 'a', 'ov', 'ova', 'evski', 'escu', 'ić', 'enko', 'ani', 'ushi', 'eri', 'aku', 'oli', 'ndo'];
const PLACE_ENDINGS = ['ë', 'ova', 'grad', 'ec', 'an', 'ina', 'ishtë', 'opol', 'ice', 'avë', 'ik'];
const ORG_TEMPLATES = [
  (p) => `${p} District Committee`,
  (p) => `Party Committee of ${p}`,
  (p) => `${p} Workers’ Council`,
  (p) => `Union of ${p} Cooperatives`,
  (p) => `${p} Textile Combine`,
  (p) => `${p} Front Committee`,
  (p) => `${p} Youth Union`,
  (p) => `Editorial Board of Zëri i ${p}`,
];
const ROLES = ['Secretary of the', 'Chairman of the', 'Member of the bureau of the', 'Instructor of the', 'Deputy chairman of the', 'Delegate of the'];
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'];

/** Lowercase ASCII id from a name: `Arben Drëkaj` → `arben-drekaj`. */
export function slug(name) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function date(random, fromYear, toYear, precision = random.next()) {
  const year = random.int(fromYear, toYear);
  if (precision < 0.2) return String(year);
  const month = String(random.int(1, 12)).padStart(2, '0');
  if (precision < 0.35) return `${year}-${month}`;
  return `${year}-${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

class RegistryBuilder {
  constructor(random, sourceWords) {
    this.random = random;
    this.sourceWords = sourceWords;
    this.claimed = new Set();
    this.ids = new Set();
    this.entities = [];
    this.authority = 1_000_000;
  }

  /** A name may be claimed when no entity claims it yet and it has a word the sources lack. */
  canClaim(name) {
    return !this.claimed.has(name) && name.split(/[^\p{L}\p{M}\p{Nd}]+/u).some((w) => w !== '' && !this.sourceWords.has(w));
  }

  /** A synthetic word, new to the sources: `Drëkaj`, `Velipojë`. */
  coin(endings) {
    for (;;) {
      const r = this.random;
      const word = r.pick(ONSETS) + r.pick(VOWELS) + r.pick(MIDDLES) + r.pick(endings);
      if (!this.sourceWords.has(word) && word.length >= 4) return word;
    }
  }

  uniqueId(base) {
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}-${k}`;
    this.ids.add(id);
    return id;
  }

  add(kind, name, aliases, fields, extra = {}) {
    this.claimed.add(name);
    const kept = [...new Set(aliases)].filter((a) => a !== name && this.canClaim(a));
    for (const a of kept) this.claimed.add(a);
    const entity = { kind, id: this.uniqueId(slug(extra.idBase ?? name)), name, aliases: kept, fields, ...extra };
    this.entities.push(entity);
    return entity;
  }

  nextAuthority() {
    return `Q${this.authority++}`;
  }

  place(parent) {
    let name;
    do name = this.coin(PLACE_ENDINGS);
    while (!this.canClaim(name));
    const ascii = name.normalize('NFD').replace(/\p{M}/gu, '');
    const fields = parent ? [['part-of', `@${parent.id}`]] : [];
    if (this.random.chance(0.3)) fields.push(['wikidata', this.nextAuthority()]);
    return this.add('place', name, [ascii], fields, { town: name });
  }

  org(places, orgs) {
    const place = this.random.pick(places);
    let name;
    do name = this.random.pick(ORG_TEMPLATES)(this.random.chance(0.7) ? place.town : this.coin(PLACE_ENDINGS));
    while (!this.canClaim(name));
    const acronym = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    const fields = [['founded', date(this.random, 1941, 1960)], ['located-in', `@${place.id}`]];
    if (orgs.length > 0 && this.random.chance(0.2)) fields.push(['part-of', `@${this.random.pick(orgs).id}`]);
    return this.add('org', name, this.random.chance(0.6) ? [acronym] : [], fields, { idBase: name.replace(/’s?/g, '') });
  }

  person(orgs) {
    const r = this.random;
    let first;
    let surname;
    do {
      first = r.pick(FIRST_NAMES);
      surname = this.coin(SURNAME_ENDINGS);
    } while (!this.canClaim(`${first} ${surname}`));
    const name = `${first} ${surname}`;
    const born = date(r, 1890, 1935);
    const fields = [['born', born]];
    if (r.chance(0.6)) fields.push(['died', date(r, Number(born.slice(0, 4)) + 40, 1995)]);
    const memberOf = [r.pick(orgs), ...(r.chance(0.3) ? [r.pick(orgs)] : [])];
    fields.push(['role', `${r.pick(ROLES)} ${memberOf[0].name}, ${r.int(1945, 1985)}`]);
    fields.push(['member-of', [...new Set(memberOf.map((o) => `@${o.id}`))].join(' ')]);
    if (r.chance(0.25)) fields.push(['wikidata', this.nextAuthority()]);
    const aliases = [`${first[0]}. ${surname}`, surname];
    if (r.chance(0.3)) aliases.push(name.toUpperCase());
    return this.add('person', name, aliases, fields, { first, surname, idBase: `${surname} ${first}` });
  }

  eventOrWork(orgs, places, people) {
    const r = this.random;
    if (r.chance(0.5)) {
      const org = r.pick(orgs);
      const name = `${r.pick(ORDINALS)} Congress of the ${org.name}`;
      if (!this.canClaim(name)) return undefined;
      return this.add('event', name, [], [['date', date(r, 1945, 1985, 1)], ['located-in', `@${r.pick(places).id}`]]);
    }
    const name = `Report on the ${r.pick(places).town} Cooperatives, ${r.int(1945, 1985)}`;
    if (!this.canClaim(name)) return undefined;
    return this.add('work', name, [], [['author', `@${r.pick(people).id}`], ['date', date(r, 1945, 1985, 1)]]);
  }
}

/**
 * A registry of `count` entities (about 60% people, 20% organisations, 14%
 * places, 6% events and works), in a deterministic order: the first of each
 * kind are the most mentioned.
 */
export function buildRegistry(count, seed, sourceWords) {
  const builder = new RegistryBuilder(new Random(`${seed}:registry`), sourceWords);
  const regions = Array.from({ length: Math.max(3, Math.round(count * 0.02)) }, () => builder.place());
  const places = [...regions, ...Array.from({ length: Math.round(count * 0.12) }, () => builder.place(builder.random.pick(regions)))];
  const orgs = [];
  for (let i = 0; i < Math.round(count * 0.2); i++) orgs.push(builder.org(places, orgs));
  const people = Array.from({ length: Math.round(count * 0.6) }, () => builder.person(orgs));
  const others = Array.from({ length: count - builder.entities.length }, () => builder.eventOrWork(orgs, places, people)).filter(Boolean);
  return { entities: builder.entities, people, orgs, places, others };
}

function definitionText(entity, description) {
  const lines = [`@${entity.kind} ${entity.id}: ${entity.name}`];
  if (entity.aliases.length > 0) lines.push(`  aka: ${entity.aliases.join('; ')}`);
  for (const [key, value] of entity.fields) lines.push(`  ${key}: ${value}`);
  if (description) lines.push('', `  ${wrap(description.split(' '), 76, '  ')}`);
  return lines.join('\n');
}

/** Registry files (relative path → text), at most `perFile` definitions each; `describe` gives an entity its description. */
export function registryFiles(registry, describe, perFile = 1000) {
  const groups = [
    ['places', 'Places', registry.places],
    ['organisations', 'Organisations', registry.orgs],
    ['events-and-works', 'Events and works', registry.others],
    ['people', 'People', registry.people],
  ];
  const files = {};
  for (const [file, title, entities] of groups) {
    const parts = Math.max(1, Math.ceil(entities.length / perFile));
    for (let part = 0; part < parts; part++) {
      const chunk = entities.slice(part * perFile, (part + 1) * perFile);
      const suffix = parts > 1 ? `-${String(part + 1).padStart(2, '0')}` : '';
      const header = `# ${title}${parts > 1 ? ` (${part + 1} of ${parts})` : ''}\n\n<!-- Synthetic entities generated by bench/generate.mjs for benchmarks. -->\n`;
      files[`registry/${file}${suffix}.hmd`] = `${header}\n${chunk.map((e) => definitionText(e, describe(e))).join('\n\n')}\n`;
    }
  }
  return files;
}
