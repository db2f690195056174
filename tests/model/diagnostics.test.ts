// Every diagnostic code (SPEC.md section 11) on its fixture folder under
// tests/fixtures/diagnostics/: where it fires, with the exact range (0-based,
// UTF-16) and default severity, and the near misses where it must not.
// Each folder is a workspace of its own (its histmark.json makes it the root
// for a file given on the command line); files named near-miss.hmd must stay
// silent (they are absent from the expected maps).

import { describe, expect, it } from 'vitest';
import { diagnose, diagnosticsByFile, loadFixture } from './helpers';

async function fixture(code: string) {
  return diagnosticsByFile(await loadFixture(`diagnostics/${code}`));
}

describe('diagnostics on the fixtures', () => {
  it('HM001: an unattributed quotation of 3+ words, the whole quotation; also inside a turn, nested, block and multi-paragraph', async () => {
    expect(await fixture('HM001')).toEqual({
      'fires.hmd': [
        '1:32-1:89 warning HM001', // the spec's King Paul example, marks included
        '3:50-3:68 warning HM001', // a turn does not attribute the quotations inside it
        '5:19-5:39 warning HM001', // a nested quotation is judged on its own
        '7:0-8:26 warning HM001', // a block quote without an attribution line
        '10:0-12:40 warning HM001', // one quotation continued across paragraphs, reported once
      ],
    });
  });

  it('HM001: the message quotes the first words and says how to attribute', async () => {
    const messages = diagnosticsByFile(await loadFixture('diagnostics/HM001'), (d) => d.message)['fires.hmd'];
    expect(messages[0]).toBe('Quotation “We can come to an agreement on the divis…” has no attribution: add {@id}, {@?} or {~} directly after the closing mark.');
    expect(messages[3]).toBe(
      'Quotation “This block quote has many words and no a…” has no attribution: end the block quote with a line `> — @id`, `> — {@?}` or `> {~}`.',
    );
    // The opener repeated by the continuing paragraph is not quoted in the message.
    expect(messages[4]).toBe('Quotation “The first paragraph of a long speech and…” has no attribution: add {@id}, {@?} or {~} directly after the closing mark.');
  });

  it('HM002: the id of each reference to an undefined entity, wherever it is referenced', async () => {
    expect(await fixture('HM002')).toEqual({
      'fires-registry.hmd': ['1:14-1:17 error HM002'], // member-of: @lcy
      'fires.hmd': [
        '1:9-1:14 error HM002', // front matter author: @ghost
        '4:15-4:20 error HM002', // [The marshal]{@titto}
        '4:32-4:40 error HM002', // bare @ranković (a Unicode id)
        '4:69-4:76 error HM002', // attribution {@kardelj}
        '5:31-5:37 error HM002', // {@tito @suslov?}: the id without `?`
        '6:28-6:32 error HM002', // after four astral letters (two UTF-16 units each)
        '9:5-9:15 error HM002', // block-quote attribution line
      ],
    });
  });

  it('HM003: every definition of an id defined twice, across files and within one; ids are case-sensitive', async () => {
    const all = await fixture('HM003');
    expect(all).toEqual({
      'more-people.hmd': ['0:8-0:12 error HM003', '2:5-2:8 error HM003', '3:5-3:8 error HM003'],
      'people.hmd': ['1:8-1:12 error HM003'],
    });
    const messages = diagnosticsByFile(await loadFixture('diagnostics/HM003'), (d) => d.message);
    expect(messages['people.hmd']).toEqual(['“tito” is defined 2 times (also in more-people.hmd): keep one definition and merge the fields.']);
    expect(messages['more-people.hmd'][1]).toBe('“lcy” is defined 2 times (also in this file): keep one definition and merge the fields.');
  });

  it('HM004: the opener of each unclosed quotation, and no HM001 for it', async () => {
    expect(await fixture('HM004')).toEqual({
      'fires.hmd': [
        '1:8-1:9 error HM004', // « spanning two lines, then the paragraph ends
        '4:0-4:1 error HM004', // „
        '6:0-6:1 error HM004', // the next paragraph starts with another opener: no continuation
      ],
    });
  });

  it('HM005: each unlinked name, the longest match once, across a line break and inside quotation text', async () => {
    expect(await fixture('HM005')).toEqual({
      'fires.hmd': [
        '1:0-2:4 information HM005', // Josip Broz⏎Tito, not Broz nor Tito
        '2:9-2:18 information HM005', // King Paul (Paul alone is ambiguous)
        '2:21-2:25 information HM005', // Tito inside a quotation
        '2:48-2:52 information HM005', // Broz, an alias
      ],
      // Paul is claimed by two entities: HM008, and it never matches. "the Soviets" too,
      // although one of its claimants is marked `match: no` (near-miss.hmd: never matched).
      'registry.hmd': ['6:7-6:11 warning HM008', '9:7-9:11 warning HM008', '12:7-12:18 warning HM008', '16:7-16:18 warning HM008'],
    });
    const messages = diagnosticsByFile(await loadFixture('diagnostics/HM005'), (d) => d.message);
    expect(messages['fires.hmd'][1]).toBe('“King Paul” names @paul (King Paul) but is not linked: write [King Paul]{@paul}.');
  });

  it('HM006: an undefined footnote reference (whole mark) and an unreferenced definition (its label), per file', async () => {
    expect(await fixture('HM006')).toEqual({
      'fires-elsewhere.hmd': ['0:2-0:9 warning HM006'],
      'fires.hmd': ['1:27-1:37 warning HM006', '4:2-4:8 warning HM006'],
    });
  });

  it('HM007: a required key missing (on the opening ---, or 0:0 without front matter) and invalid known values', async () => {
    expect(await fixture('HM007')).toEqual({
      'fires.hmd': [
        '0:0-0:3 warning HM007', // date required, missing
        '2:5-2:27 warning HM007', // url not absolute
        '3:10-3:27 warning HM007', // language not BCP 47
        '4:7-4:21 warning HM007', // voice names two
        '5:8-5:15 warning HM007', // author: a name, not a mention
        '6:0-6:13 warning HM007', // not key: value
        '7:0-7:9 warning HM007', // recipient empty: the key is shown (an empty range would be invisible)
        '8:11-8:15 warning HM007', // original: a person, not a work
        '8:16-8:24 warning HM007', // original: a name, not a mention
      ],
      'no-front-matter.hmd': ['0:0-0:0 warning HM007', '0:0-0:0 warning HM007'],
    });
    const messages = diagnosticsByFile(await loadFixture('diagnostics/HM007'), (d) => d.message)['fires.hmd'];
    expect(messages[7]).toBe('`original` names the work this transcript translates or excerpts (a `@work`), but @tito is a person.');
  });

  it('HM008: each claim of a name two entities claim, preferred name or alias, across files', async () => {
    expect(await fixture('HM008')).toEqual({
      'other-registry.hmd': ['1:16-1:23 warning HM008'],
      'registry.hmd': ['1:7-1:11 warning HM008', '3:7-3:11 warning HM008'],
      'states.hmd': ['1:7-1:14 warning HM008'],
    });
  });

  it('HM009: invalid dates in front matter and fields, and an end before its start (on the end)', async () => {
    expect(await fixture('HM009')).toEqual({
      'edtf.hmd': [
        '1:19-1:29 warning HM009', // a window ending before it starts: on its end
        '7:8-7:18 warning HM009', // born: a span
        '9:8-9:12 warning HM009', // born: n.d.
        '11:8-11:15 warning HM009', // season 25 does not exist
        '14:8-14:15 warning HM009', // died in May, born in the summer
        '17:8-17:15 warning HM009', // died c. 1889, born in a window from 1890
        '19:17-19:27 warning HM009', // a span ending before it starts: on its end
      ],
      'fires.hmd': ['1:6-1:16 warning HM009'], // 1900-02-29: 1900 is no leap year
      'registry.hmd': [
        '2:8-2:12 warning HM009', // died before born
        '5:13-5:20 warning HM009', // month 13
        '7:8-7:18 warning HM009', // the invalid start of a range
        '9:14-9:18 warning HM009', // a range ending before it starts
      ],
    });
    const messages = diagnosticsByFile(await loadFixture('diagnostics/HM009'), (d) => d.message)['edtf.hmd'];
    expect(messages[0]).toBe('The range ends (1960-04-23) before it starts (1960-04-28).');
    expect(messages[1]).toBe(
      '`born` takes one date, not a span `a..b`: use YYYY, YYYY-MM or YYYY-MM-DD (optionally with `c.` before, or `~`, `?` or `%` after), a season YYYY-21…YYYY-24 or a window `[a..b]`.',
    );
    expect(messages[3]).toBe(
      'The date “1960-25” is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD (optionally with `c.` before, or `~`, `?` or `%` after), a season YYYY-21…YYYY-24, a span `a..b`, a window `[a..b]` or `n.d.`.',
    );
    expect(messages[4]).toBe('`died` (1960-05) is before `born` (1960-22).');
  });

  it('HM010: each malformed brace group, unclosed brace and malformed definition header', async () => {
    expect(await fixture('HM010')).toEqual({
      'fires.hmd': [
        '1:2-1:7 error HM010', // {foo}
        '1:13-1:20 error HM010', // [x]{bogus}: the brace group
        '1:23-1:25 error HM010', // {}
        '1:28-1:35 error HM010', // {@tito} with no [text]
        '1:56-1:69 error HM010', // {@tito extra} after a quotation (and no HM001 for it)
        '1:72-1:80 error HM010', // {pb 1 2}
        '1:86-1:90 error HM010', // [x]{pb}
        '3:3-3:4 error HM010', // { never closed
      ],
      'registry.hmd': ['1:0-1:16 error HM010'],
    });
  });

  it('HM011: an unknown field key, and a field that does not apply to the kind, on the key', async () => {
    expect(await fixture('HM011')).toEqual({
      'registry.hmd': ['1:2-1:10 information HM011', '2:2-2:9 information HM011'],
    });
  });

  it('HM013: malformed wikidata and url, relations naming the wrong kind, an empty relation, a `match` other than `no`', async () => {
    expect(await fixture('HM013')).toEqual({
      'registry.hmd': [
        '1:12-1:15 warning HM013', // wikidata: 915
        '2:7-2:22 warning HM013', // url: www.example.org
        '3:14-3:18 warning HM013', // member-of a place
        '5:12-5:17 warning HM013', // a place part-of an org
        '7:15-7:16 warning HM013', // located-in a person
        '8:12-8:16 warning HM013', // an org part-of a place
        '9:2-9:11 warning HM013', // member-of with no value: on the key
        '10:9-10:13 warning HM013', // match: nope (it takes `no`)
      ],
    });
    const messages = diagnosticsByFile(await loadFixture('diagnostics/HM013'), (d) => d.message)['registry.hmd'];
    expect(messages[4]).toBe('`located-in` of an organisation names a place, but @a is a person.');
    expect(messages[7]).toBe("`match` takes one value, `no` (none of this entity's names is matched as plain text), not “nope”.");
  });

  it('HM014: the same authority id on two entities, on each, across files; a different key does not count', async () => {
    expect(await fixture('HM014')).toEqual({
      'more.hmd': ['1:12-1:15 warning HM014'],
      'other.hmd': ['1:12-1:15 warning HM014'],
      'registry.hmd': ['1:8-1:13 warning HM014', '3:8-3:13 warning HM014'],
    });
  });
});

describe('HM005 matching', () => {
  it('compares names after NFC normalisation, with ranges in UTF-16 units of the text as written', async () => {
    const registry = '@person kun: B\u00e9la Kun\n@person zoe: Zoe\u0308\n';
    // "Be\u0301la" is decomposed in the text: 9 units for "Béla Kun"; "Zoë" precomposed.
    const text = 'Then Be\u0301la Kun met Zo\u00eb, not Zo\u00ebs.\n';
    expect(await diagnose({ 'r.hmd': registry, 't.hmd': text }, 't.hmd')).toEqual(['0:5-0:14 information HM005', '0:19-0:22 information HM005']);
  });

  it('a run of white space in the text matches the space in a name; a name inside a longer word does not match', async () => {
    const registry = '@person tito: Josip Broz Tito\n  aka: Tito\n';
    expect(await diagnose({ 'r.hmd': registry, 't.hmd': 'Josip  Broz\tTito; Titoism; Tito-Ranković.\n' }, 't.hmd')).toEqual([
      '0:0-0:16 information HM005',
      '0:27-0:31 information HM005',
    ]);
  });
});

describe('line ends and byte-order marks', () => {
  it('CRLF: ranges stop before the carriage return, lines count as LSP counts them', async () => {
    const text = 'He said "we will not yield".\r\n\r\n"Unclosed words here\r\nstill.\r\n';
    expect(await diagnose({ 't.hmd': text }, 't.hmd')).toEqual(['0:8-0:27 warning HM001', '2:0-2:1 error HM004']);
  });

  it('a BOM is dropped when the file is read: columns on the first line are not shifted', async () => {
    expect(await diagnose({ 't.hmd': '\ufeffSee @ghost.\n' }, 't.hmd')).toEqual(['0:5-0:10 error HM002']);
  });
});
