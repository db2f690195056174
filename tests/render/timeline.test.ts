// The time line of an in-memory workspace: every 1.1 date form placed by its
// bounds and said in words; undated and invalid dates left out.

import { describe, expect, it } from 'vitest';
import { timeline } from '../../server/src/render/timeline';
import { indexOf } from './helpers';

const REGISTRY = `@person hoxha: Enver Hoxha
  born: 1908-10-16
  died: 1985-04-11

@person kapo: Hysni Kapo
  born: c. 1915

@person nobody: Nobody Known
  born: n.d.

@event bucharest: Bucharest Meeting
  date: 1960-06-24..1960-06-26

@event talks: Secret talks
  date: [1960-04-23..1960-04-28]

@org pla: Party of Labour of Albania
  founded: 1941-11-08
`;

const DOCUMENTS = {
  'registry.hmd': REGISTRY,
  'a.hmd': '---\ntitle: Letter to Kapo\ndate: 1960-06-25\n---\nText.\n',
  'b.hmd': '---\ndate: 1960-22\n---\nA summer note.\n',
  'c.hmd': '---\ntitle: Undated\ndate: n.d.\n---\nText.\n',
  'd.hmd': '---\ntitle: Bad date\ndate: June 1960\n---\nText.\n',
  'e.hmd': '---\ntitle: Circa\ndate: 1961~\n---\nText.\n',
};

describe('the time line', () => {
  it('places documents, events and lives by their dates, in words, oldest first', () => {
    const items = timeline(indexOf(DOCUMENTS)).items.map(({ lane, label, when, earliest, latest, span, approximate }) => ({ lane, label, when, earliest, latest, span, approximate }));
    expect(items).toEqual([
      { lane: 'life', label: 'Enver Hoxha', when: '16 October 1908 – 11 April 1985', earliest: 19081016, latest: 19850411, span: true, approximate: false },
      { lane: 'life', label: 'Hysni Kapo', when: 'born c. 1915', earliest: 19150101, latest: 19151231, span: false, approximate: true },
      { lane: 'event', label: 'Secret talks', when: 'between 23 and 28 April 1960', earliest: 19600423, latest: 19600428, span: false, approximate: true },
      { lane: 'document', label: 'b.hmd', when: 'summer 1960', earliest: 19600601, latest: 19600831, span: false, approximate: true },
      { lane: 'event', label: 'Bucharest Meeting', when: 'from 24 to 26 June 1960', earliest: 19600624, latest: 19600626, span: true, approximate: false },
      { lane: 'document', label: 'Letter to Kapo', when: '25 June 1960', earliest: 19600625, latest: 19600625, span: false, approximate: false },
      { lane: 'document', label: 'Circa', when: 'c. 1961', earliest: 19610101, latest: 19611231, span: false, approximate: true },
    ]);
  });

  it('opens a document at its start and an entity at its definition', () => {
    const items = timeline(indexOf(DOCUMENTS)).items;
    expect(items.find((i) => i.label === 'Letter to Kapo')!.location).toEqual({ uri: 'file:///ws/a.hmd', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(items.find((i) => i.label === 'Bucharest Meeting')!.location).toEqual({ uri: 'file:///ws/registry.hmd', range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } } });
  });
});
