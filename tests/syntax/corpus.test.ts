// Annotated excerpts of the real sources in /work/shared/corpus (see its
// README), and the raw corpus files read as Histmark: the hard cases of
// real text in one place.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../server/src/syntax/parse';
import { lines, parseDoc } from './helpers';
import { checkInvariants } from './invariants';

describe('memorandum of conversation, 15 April 1957', () => {
  // Wilson Center Digital Archive, AQSH F. 14/AP, V. 1957, Dos. 2; transl. Elidor Mëhilli.
  const text = lines(
    '---',
    'title: Memorandum of Conversation with Soviet Leaders on Party-Related Issues',
    'date: 1957-04-15',
    'archive: AQSH, F. 14/AP, M-PKbBS, V. 1957, Dos. 2',
    'translator: @mehilli',
    '---',
    '',
    'From the Soviet side: [Nikita] Khrushchev, [\\[Nikolai\\] Bulganin]{@bulganin}, [Mikhail]{+} Suslov',
    '',
    'From the Albanian side: [Enver Hoxha]{@hoxha}, and [Ramis Alija]{@alia sic: Ramiz Alia} [sic]',
    '',
    '[Comrade Enver Hoxha]{@hoxha}: [(After expressing gratitude, he broached the subject of "our relations with the Yugoslavs.")]{stage} We have done our very best. And they say "yes, we can get along with every other party, but not with the Party of Labor of Albania, because the Albanians refuse."{@?: the Yugoslav leaders} Our officer told us: "I did not stop him, so as not to cause any unpleasant incidents..."{@?: an Albanian officer}',
    '',
    'The woman responded: ...',
    '',
    'A letter from Tuk Jakova (explains who Jakova is).[^1] In Yugoslav hands, the "Kosovo issue"{~} can be very dangerous.',
    '',
    "[Comrade Khrushchev]{@khrushchev}: I wanted to express our party's opinion.",
    '',
    '[^1]: Tuk Jakova, a former member of the Politburo.',
  );
  const doc = parseDoc(text);

  it('keeps editorial brackets of the source as text and reads the mentions', () => {
    expect(doc.mentions()).toEqual([
      '@mehilli',
      '[\\[Nikolai\\] Bulganin]{@bulganin}',
      '[Enver Hoxha]{@hoxha}',
      '[Ramis Alija]{@alia sic: Ramiz Alia}',
      '[Comrade Enver Hoxha]{@hoxha}',
      '[Comrade Khrushchev]{@khrushchev}',
    ]);
    expect(doc.apparatus()).toEqual([
      '[Mikhail]{+}',
      '[Ramis Alija]{@alia sic: Ramiz Alia}',
      '[(After expressing gratitude, he broached the subject of "our relations with the Yugoslavs.")]{stage}',
    ]);
    expect(doc.plain()).toContain('From the Soviet side: [Nikita] Khrushchev, ');
    expect(doc.tree.problems).toEqual([]);
  });

  it('reads the turns, running through the following paragraphs', () => {
    expect(doc.tree.turns.map((t) => [t.speaker.ids[0].id, t.speech.length])).toEqual([
      ['hoxha', 3],
      ['khrushchev', 1],
    ]);
  });

  it('reads the quotations with their attributions and word counts', () => {
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.attribution?.kind ?? null, q.words])).toEqual([
      ['"our relations with the Yugoslavs."', null, 5],
      ['"yes, we can get along with every other party, but not with the Party of Labor of Albania, because the Albanians refuse."', 'described', 22],
      ['"I did not stop him, so as not to cause any unpleasant incidents..."', 'described', 13],
      ['"Kosovo issue"', 'notSpeech', 2],
    ]);
  });

  it('is a transcript with a footnote', () => {
    expect(doc.tree.isRegistry).toBe(false);
    expect(doc.tree.footnoteReferences.map((f) => f.label)).toEqual(['1']);
    expect(doc.tree.footnoteDefinitions.map((f) => f.label)).toEqual(['1']);
  });
});

describe('minutes of the Kremlin meeting, 12 November 1960 (Hoxha, Works vol. 19)', () => {
  const text = lines(
    '[N.S. KHRUSHCHEV]{@khrushchev}: You have the floor, we are listening.',
    '',
    '[COMRADE ENVER HOXHA]{@hoxha}: You have invited us. The host',
    'should speak first.',
    '',
    "[N.S. KHRUSHCHEV]{@khrushchev}: We accept the Albanians’ terms. I do not understand what has happened since my visit to Albania in 1959! At that time we had nothing but nice words to say, like the one I made with [Comrade Mehmet Shehu]{@shehu} about the pop{pb 127}lars.[^2]",
    '',
    'We, too, have written about it, but dispassionately.',
    '',
    '[A. MIKO YAN]{@mikoyan sic: A. MIKOYAN}: Comrade Hoxha\'s "the Soviet Union\'s stand"{~} is clear.',
    '',
    '[^2]: The sole criticism N. Khrushchev found it possible to make during',
    '  his stay in Albania in May 1959 was that the poplars along our roads',
    '  should be replaced with fig trees and plums!',
  );
  const doc = parseDoc(text);

  it('reads upper-case speaker labels, OCR damage marked sic, and a page break inside a word', () => {
    expect(doc.tree.turns.map((t) => doc.slice(t.speaker.display!))).toEqual(['N.S. KHRUSHCHEV', 'COMRADE ENVER HOXHA', 'N.S. KHRUSHCHEV', 'A. MIKO YAN']);
    expect(doc.tree.turns[2].speech.map(doc.slice)).toEqual([expect.stringContaining('pop{pb 127}lars.[^2]'), 'We, too, have written about it, but dispassionately.']);
    expect(doc.tree.turns[3].speaker.apparatus).toMatchObject({ kind: 'sic', value: 'A. MIKOYAN' });
    expect(doc.apparatus()).toEqual(['{pb 127}', '[A. MIKO YAN]{@mikoyan sic: A. MIKOYAN}']);
  });

  it('leaves apostrophes as text', () => {
    expect(doc.quotes()).toEqual(['"the Soviet Union\'s stand"']);
    expect(doc.tree.problems).toEqual([]);
  });

  it('reads a footnote with continuation lines', () => {
    expect(doc.slice(doc.tree.footnoteDefinitions[0].content)).toMatch(/^The sole criticism[^]*fig trees and plums!$/);
  });
});

describe('CPSU letter to Gomułka, 28 March 1961 (PHP)', () => {
  // Copyright 1999-2010 Parallel History Project on Cooperative Security (PHP).
  const text = lines(
    'The CC of the CPSU considers it essential to inform you about the activities of one of the members of the Warsaw Treaty – the government of the People\'s Republic of Albania – which undermine the foundations of Albania\'s friendship and',
    '<!-- Copyright 1999-2010 Parallel History Project on Cooperative Security (PHP). All rights reserved.',
    '',
    'If cited, quoted, translated, or reproduced, acknowledgement of any document\'s origin must be made as follows:',
    '"Parallel History Project on Cooperative Security (PHP), www.php.isn.ethz.ch" -->',
    '{pb}',
    'cooperation with the socialist countries.',
    '',
    '[Comrade Shehu]{@shehu}[^3] also spoke about the friendship: "The visit of the Soviet delegation headed by [Comrade Khrushchev]{@khrushchev} – loyal son of the Soviet nation –',
    '',
    '"will remain in the memory of our people."{@shehu}',
    '',
    'Assistance in the form of ‘non-refundable’{~} grants.',
  );
  const doc = parseDoc(text);

  it('cuts the page furniture out with a comment, without ending the sentence', () => {
    expect(doc.tree.comments).toHaveLength(1);
    expect(doc.tree.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(4);
    expect(doc.tree.quotations.some((q) => doc.slice(q).includes('Parallel History'))).toBe(false);
    expect(doc.plain().join('')).not.toContain('Copyright');
  });

  it('continues a quotation across paragraphs and reads a single-mark term with a suffix', () => {
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.unclosed, q.attribution?.kind])).toEqual([
      [
        '"The visit of the Soviet delegation headed by [Comrade Khrushchev]{@khrushchev} – loyal son of the Soviet nation –\n\n"will remain in the memory of our people."',
        false,
        'entities',
      ],
      ['‘non-refundable’', false, 'notSpeech'],
    ]);
  });
});

describe('Khrushchev on Albania, 1961 (Tirana Observatory)', () => {
  it('reads a collective speaker, stage directions and a title never closed', () => {
    const doc = parseDoc(
      lines(
        'Comrades! Our party will continue to combat revisionists. [(Stormy, prolonged applause)]{stage}',
        '',
        'Shouts: "Shame!"{@?: the hall}',
        '',
        '# “New Hostile Acts of N. Khrushchev’s Group toward the Albanian People’s Republic,[^1]',
        '',
        'The Ministry of Foreign Affairs of the USSR has been authorized to declare the following:',
      ),
    );
    expect(doc.tree.quotations.map((q) => [doc.slice(q), q.unclosed])).toEqual([
      ['"Shame!"', false],
      ['“New Hostile Acts of N. Khrushchev’s Group toward the Albanian People’s Republic,[^1]', true],
    ]);
    expect(doc.apparatus()).toEqual(['[(Stormy, prolonged applause)]{stage}']);
  });
});

const corpus = join(__dirname, '../../../shared/corpus');

// The corpus lies beside the repository (../shared), as in CI.
describe('raw corpus files read as Histmark', () => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
  it('finds the four sources', () => expect(files).toHaveLength(4));
  it.each(files)('%s parses with every invariant holding', (file) => {
    const text = readFileSync(join(corpus, file), 'utf8');
    for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) checkInvariants(variant, parse(variant));
  });
});
