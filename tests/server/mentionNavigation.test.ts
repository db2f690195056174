// Next/Previous Mention: every reference of the entity, one after the
// other, across documents by path then position, wrapping at either end.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionStep } from '../../server/src/lsp/protocol';
import { startServer, type TestServer } from './lspClient';
import { at, rangeOf } from './navigationFixture';

const LETTER = `---
title: Letter
author: @hoxha
---

[Comrade Enver]{@hoxha} wrote to @kapo and to [Enver's]{@hoxha @hoxha} wife.
`;

const MINUTES = `[COMRADE ENVER HOXHA]{@hoxha}: We said "no"{@hoxha} twice.

Then nobody spoke.

@hoxha: Again.
`;

const REGISTRY = `@person hoxha: Enver Hoxha

@person kapo: Hysni Kapo

  Worked with @hoxha.

@person shehu: Mehmet Shehu
`;

const TEXTS: Record<string, string> = { 'a-letter.hmd': LETTER, 'b-minutes.hmd': MINUTES, 'registry.hmd': REGISTRY };

let server: TestServer;
beforeAll(async () => {
  server = await startServer(TEXTS);
});
afterAll(async () => {
  await server?.stop();
});

const step = (file: string, position: { line: number; character: number }, direction: 'next' | 'previous') =>
  server.connection.sendRequest('histmark/mentionStep', { textDocument: { uri: server.uri(file) }, position, direction }) as Promise<MentionStep | null>;

/** The mentions of @hoxha in document order: file and the text of the mention. */
const HOXHA_STOPS: [string, string, number][] = [
  ['a-letter.hmd', '@hoxha', 0],
  ['a-letter.hmd', '[Comrade Enver]{@hoxha}', 0],
  ['a-letter.hmd', "[Enver's]{@hoxha @hoxha}", 0],
  ['b-minutes.hmd', '[COMRADE ENVER HOXHA]{@hoxha}', 0],
  ['b-minutes.hmd', '{@hoxha}', 1],
  ['b-minutes.hmd', '@hoxha', 2],
  ['registry.hmd', '@hoxha', 0],
];
const locationOf = ([file, needle, occurrence]: [string, string, number]) => ({ uri: server.uri(file), range: rangeOf(TEXTS[file], needle, occurrence) });

describe('next and previous mention', () => {
  it('steps forward through every mention across documents and wraps back to the first with a notice', async () => {
    let [file, position] = ['a-letter.hmd', at(LETTER, '@hoxha', 1)];
    const visited = [];
    for (let k = 0; k < HOXHA_STOPS.length; k++) {
      const next = (await step(file, position, 'next'))!;
      visited.push({ location: next.location, ordinal: next.ordinal, wrapped: next.wrapped });
      file = next.location!.uri.slice(next.location!.uri.lastIndexOf('/') + 1);
      position = next.location!.range.start;
    }
    const expected = [...HOXHA_STOPS.slice(1), HOXHA_STOPS[0]].map((stop, k) => ({
      location: locationOf(stop),
      ordinal: ((k + 1) % HOXHA_STOPS.length) + 1,
      wrapped: k === HOXHA_STOPS.length - 1,
    }));
    expect(visited).toEqual(expected);
  });

  it('steps backward, wrapping from the first mention to the last', async () => {
    const previous = await step('a-letter.hmd', at(LETTER, '@hoxha', 1), 'previous');
    expect(previous).toEqual({ id: 'hoxha', name: 'Enver Hoxha', location: locationOf(HOXHA_STOPS[6]), ordinal: 7, total: 7, wrapped: true });
    const back = await step('b-minutes.hmd', at(MINUTES, '@hoxha:', 1), 'previous');
    expect(back?.location).toEqual(locationOf(HOXHA_STOPS[4]));
    expect(back?.wrapped).toBe(false);
  });

  it('goes from a definition to the first mention after it in document order', async () => {
    const fromDefinition = await step('registry.hmd', at(REGISTRY, 'hoxha: Enver', 1), 'next');
    expect(fromDefinition).toMatchObject({ location: locationOf(HOXHA_STOPS[6]), ordinal: 7, wrapped: false });
    const fromKapo = await step('registry.hmd', at(REGISTRY, 'kapo: Hysni', 1), 'next');
    // The only mention of @kapo is in a-letter.hmd, before the registry: the step wraps.
    expect(fromKapo).toMatchObject({ name: 'Hysni Kapo', location: locationOf(['a-letter.hmd', '@kapo', 0]), ordinal: 1, total: 1, wrapped: true });
  });

  it('answers an entity nobody mentions with no location, and plain text with null', async () => {
    expect(await step('registry.hmd', at(REGISTRY, 'shehu: Mehmet', 1), 'next')).toEqual({ id: 'shehu', name: 'Mehmet Shehu', total: 0, wrapped: false });
    expect(await step('b-minutes.hmd', at(MINUTES, 'nobody'), 'next')).toBeNull();
  });
});
