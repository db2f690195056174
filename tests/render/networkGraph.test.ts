// The entity network of in-memory transcripts: exact nodes and edges.

import { describe, expect, it } from 'vitest';
import { buildNetwork, type Network, undefinedSummary } from '../../server/src/render/network/graph';
import { indexOf } from './helpers';

const REGISTRY = `@person hoxha: Enver Hoxha
@person khrushchev: Nikita Khrushchev
@person kapo: Hysni Kapo
@person suslov: Mikhail Suslov
@person mikoyan: Anastas Mikoyan
@person tito: Josip Broz Tito
@org cpsu: Communist Party of the Soviet Union

  The [party]{@cpsu} of @khrushchev, who said "we are the party of Lenin"{@khrushchev}.
@place moscow: Moscow
`;

function networkOf(transcripts: Record<string, string>): Network {
  const index = indexOf({ 'registry.hmd': REGISTRY, ...transcripts });
  // The registry is offered as a source too: its descriptions must not count.
  const sources = ['registry.hmd', ...Object.keys(transcripts)].map((path) => ({ entry: index.document(`file:///ws/${path}`)!, path }));
  return buildNetwork(index, sources);
}

/** Edges as `type source→target weight [uncertain] docs`. */
function edges(network: Network): string[] {
  return network.edges.map((e) => `${e.type} ${e.source}→${e.target} ${e.weight}${e.uncertain ? ` uncertain ${e.uncertain}` : ''} ${e.documents.join(',')}`);
}

describe('the entity network', () => {
  it('draws quotes and mentions from a speaker turn, and co-occurrence in a paragraph', () => {
    const network = networkOf({
      'talk.hmd': `---
title: Talk
---

[Khrushchev]{@khrushchev}: As [Tito]{@tito} said, "we will not be dictated to."{@tito} So says @moscow too.

[Comrade Hoxha]{@hoxha}: I disagree with @khrushchev.
`,
    });
    expect(edges(network)).toEqual([
      'quotes khrushchev→tito 1 talk.hmd',
      'mentions hoxha→khrushchev 1 talk.hmd',
      'mentions khrushchev→moscow 1 talk.hmd',
      'mentions khrushchev→tito 1 talk.hmd',
      'co-occurs moscow→tito 1 talk.hmd',
    ]);
    expect(network.nodes.map((n) => [n.id, n.kind, n.name, n.counts])).toEqual([
      ['hoxha', 'person', 'Enver Hoxha', { mentions: 0, quotations: 0, turns: 1, documents: 1 }],
      ['khrushchev', 'person', 'Nikita Khrushchev', { mentions: 1, quotations: 0, turns: 1, documents: 1 }],
      ['moscow', 'place', 'Moscow', { mentions: 1, quotations: 0, turns: 0, documents: 1 }],
      ['tito', 'person', 'Josip Broz Tito', { mentions: 1, quotations: 1, turns: 0, documents: 1 }],
    ]);
    expect(network.nodes[0].uri).toBe('file:///ws/registry.hmd');
  });

  it('takes the voice of a document from `voice`, else from `author`, and block quotes as quotations', () => {
    const network = networkOf({
      'letter.hmd': `---
author: @kapo
voice: @hoxha
---

Dear comrade, @khrushchev wrote:

> We demand the base.
> — @khrushchev
`,
      'note.hmd': `---
author: @kapo
---

I saw @khrushchev, who told me "the base is ours"{@khrushchev}.
`,
    });
    expect(edges(network)).toEqual([
      'quotes hoxha→khrushchev 1 letter.hmd',
      'quotes kapo→khrushchev 1 note.hmd',
      'mentions hoxha→khrushchev 1 letter.hmd',
      'mentions kapo→khrushchev 1 note.hmd',
    ]);
    // Front matter names a document's people, but they are not mentions of the text.
    expect(network.nodes.find((n) => n.id === 'kapo')!.counts).toEqual({ mentions: 0, quotations: 0, turns: 0, documents: 2 });
  });

  it('gives a joint attribution an edge to each entity, and mentions inside a quotation to its speaker', () => {
    const network = networkOf({
      'speech.hmd': `---
voice: @hoxha
---

They said "the party of @tito is lost"{@suslov @mikoyan}.
`,
    });
    expect(edges(network)).toEqual([
      'quotes hoxha→mikoyan 1 speech.hmd',
      'quotes hoxha→suslov 1 speech.hmd',
      'mentions mikoyan→tito 1 speech.hmd',
      'mentions suslov→tito 1 speech.hmd',
    ]);
  });

  it('nests: a quotation inside a quotation is quoted by the outer speaker; {@?} and {~} are no voice of their own', () => {
    const network = networkOf({
      'nested.hmd': `---
voice: @hoxha
---

He reported "Tito told me 'come to Moscow'{@tito} at once"{@khrushchev}. Some "revisionists like @tito"{~}; "someone praised @cpsu here"{@?}.
`,
    });
    expect(edges(network)).toEqual([
      'quotes hoxha→khrushchev 1 nested.hmd',
      'quotes khrushchev→tito 1 nested.hmd',
      'mentions hoxha→tito 1 nested.hmd',
      'co-occurs cpsu→tito 1 nested.hmd',
    ]);
  });

  it('counts uncertain identifications and weighs repeated edges', () => {
    const network = networkOf({
      'a.hmd': `---
voice: @hoxha
---

[Nikita]{@khrushchev?} and @khrushchev met [Tito]{@tito}.

Again @khrushchev.
`,
      'b.hmd': `---
voice: @hoxha
---

@khrushchev.
`,
    });
    expect(edges(network)).toEqual([
      'mentions hoxha→khrushchev 4 uncertain 1 a.hmd,b.hmd',
      'mentions hoxha→tito 1 a.hmd',
      'co-occurs khrushchev→tito 1 a.hmd',
    ]);
  });

  it('ignores registries, and mentions and quotations in headings and footnotes; skips undefined ids with one summary', () => {
    const network = networkOf({
      'doc.hmd': `---
voice: @hoxha
---

# On @tito and "the party"{@cpsu}

We met @nobody and @ghost and @ghost, and @moscow.[^1]

[^1]: See @cpsu, who said "we are right"{@cpsu}.
`,
    });
    expect(edges(network)).toEqual(['mentions hoxha→moscow 1 doc.hmd']);
    expect(network.nodes.map((n) => n.id)).toEqual(['cpsu', 'hoxha', 'moscow', 'tito']);
    expect(network.nodes[0].counts).toEqual({ mentions: 0, quotations: 0, turns: 0, documents: 1 });
    expect(network.undefinedIds).toEqual(['ghost', 'nobody']);
    expect(network.undefinedReferences).toBe(3);
    expect(undefinedSummary(network)).toBe('3 references to 2 undefined ids (HM002) left out of the network: @ghost, @nobody');
  });

  it('leaves stage directions to the document voice, and a document with no voice draws only co-occurrence', () => {
    const network = networkOf({
      'minutes.hmd': `---
recorder: @kapo
author: @kapo
---

[Khrushchev]{@khrushchev}: Hello @tito. [(@hoxha laughs)]{stage}
`,
      'anonymous.hmd': `Anonymous text naming @tito and @moscow.
`,
    });
    expect(edges(network)).toEqual([
      'mentions kapo→hoxha 1 minutes.hmd',
      'mentions khrushchev→tito 1 minutes.hmd',
      'co-occurs hoxha→tito 1 minutes.hmd',
      'co-occurs moscow→tito 1 anonymous.hmd',
    ]);
  });
});
