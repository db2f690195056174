// The fixture workspace of the navigation tests (hover, definition,
// references, rename, code lens, symbols): a registry and two transcripts
// that reference its entities in every form, and position helpers.

import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

export const REGISTRY = `# Registry

@person khrushchev: Nikita Sergeyevich Khrushchev
  aka: Khrushchev; N. S. Khrushchev
  born: 1894-04-15
  died: 1971-09-11
  role: First Secretary of the CPSU
  member-of: @cpsu
  wikidata: Q35314
  viaf: 66477390
  nickname: Kukuruznik

  Soviet leader during the break with Albania.

@org cpsu: Communist Party of the Soviet Union
  aka: CPSU
  founded: 1912
  dissolved: 1991

@person hoxha: Enver Hoxha
  born: 1908-10-16
  died: 1985-04-11
`;

export const MEETING = `---
title: Meeting of 12 November 1960
author: @hoxha
recorder: @khrushchev
---

[Comrade Khrushchev]{@khrushchev}: I wanted to express our party's opinion.

@hoxha: We defend "the purity of our great teaching"{@hoxha} here.[^1]

[^1]: The minutes were kept by the Albanian side.
`;

export const LETTER = `---
title: Letter
---

[N. S. Khrushchev]{@khrushchev?} wrote that "we will never yield on this"{@khrushchev}.

> The party stands firm against every pressure.
> — @khrushchev

He said "nobody listens to us anymore" and left.
`;

export const FILES = { 'registry.hmd': REGISTRY, 'meeting.hmd': MEETING, 'letter.hmd': LETTER };

function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = text.indexOf(needle);
  for (let k = 0; k < occurrence && at !== -1; k++) at = text.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  return at;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The position `shift` characters into the `occurrence`-th `needle`. */
export function at(text: string, needle: string, shift = 0, occurrence = 0): Position {
  return positionAt(text, offsetOf(text, needle, occurrence) + shift);
}

/** The range of the `occurrence`-th `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = offsetOf(text, needle, occurrence);
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

/** Applies non-overlapping edits (given against the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const spans = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  spans.sort((a, b) => b.start - a.start);
  return spans.reduce((out, e) => out.slice(0, e.start) + e.newText + out.slice(e.end), text);
}
