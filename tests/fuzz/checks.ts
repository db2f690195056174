// What the fuzz suite checks on every generated document: the parser never
// throws, every range lies in the text and never splits a surrogate pair,
// the blocks tile the text (the tree is lossless), and re-parsing after a
// sequence of edits gives exactly what a fresh parse gives.

import { scan } from '../../server/src/features/diagnostics/unlinked';
import type { Entity } from '../../server/src/model/entity';
import { NameMatcher, nfc } from '../../server/src/model/nameMatcher';
import { parse } from '../../server/src/syntax/parse';
import { TransparentSpans } from '../../server/src/syntax/plain';
import { reparse } from '../../server/src/syntax/reparse';
import type { SyntaxTree } from '../../server/src/syntax/types';
import { checkInvariants, splitsPair } from '../syntax/invariants';
import { applyEdit, type Edit } from './generate';

/** One fuzz case: a document and the edits made to it. */
export interface FuzzCase {
  text: string;
  edits: Edit[];
}

/** Every `start`/`end` pair of the tree, and the plain-text pairs. */
function* offsets(tree: SyntaxTree): Generator<number> {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const node = value as Record<string, unknown>;
    if (typeof node.start === 'number') yield node.start;
    if (typeof node.end === 'number') yield node.end;
    for (const key in node) if (key !== 'text' && typeof node[key] === 'object') stack.push(node[key]);
  }
  yield* tree.plainText;
}

/** Names the generator writes (./generate.ts), astral ones among them. */
const NAMES = ['Tito', 'Josip Broz', 'Josip Broz Tito', 'Hoxha', 'Enver Hoxha', 'Albania', 'Moscow', 'Tirana', '𐌰𐌱', '𝐀𝐁', 'Łódź', 'Marxist-Leninist'];
const matcher = new NameMatcher(new Map(NAMES.map((name, k) => [name, [{ id: `e${k}` } as Entity]])));

/** Throws when a tree of `text` breaks an invariant, or HM005 finds a name where the text does not hold it. */
export function checkTree(text: string, tree: SyntaxTree): void {
  checkInvariants(text, tree);
  for (const offset of offsets(tree)) if (splitsPair(text, offset)) throw new Error(`a range splits the surrogate pair at ${offset}`);
  const holes = new TransparentSpans(tree).in(0, text.length);
  for (const match of scan(matcher, text, tree)) {
    if (match.start < 0 || match.end > text.length || match.start >= match.end) throw new Error(`HM005 range ${match.start}-${match.end} outside the text`);
    if (splitsPair(text, match.start) || splitsPair(text, match.end)) throw new Error(`HM005 range ${match.start}-${match.end} splits a surrogate pair`);
    // The source it covers, with what takes no room removed, is the name (white space runs read as one space).
    let covered = '';
    for (let p = match.start; p < match.end; p++) if (!holes.some((h) => h.start <= p && p < h.end)) covered += text[p];
    if (nfc(covered.replace(/\s+/g, ' ')) !== match.name) throw new Error(`HM005 range ${match.start}-${match.end} covers ${JSON.stringify(covered)}, not ${match.name}`);
  }
}

/**
 * The first path at which two trees differ, or undefined when they are
 * equal (a field that is undefined equals a missing one, as in toEqual).
 */
export function firstDifference(a: unknown, b: unknown, path = 'tree'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return undefined;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) {
    const difference = firstDifference(x[key], y[key], `${path}.${key}`);
    if (difference) return difference;
  }
  for (const key in y) if (x[key] === undefined && y[key] !== undefined) return `${path}.${key}`;
  return undefined;
}

/** Throws (with what went wrong) when the case fails any check. */
export function checkCase({ text, edits }: FuzzCase): void {
  let current = text;
  let tree = parse(current);
  checkTree(current, tree);
  edits.forEach((edit, k) => {
    current = applyEdit(current, edit);
    tree = reparse(tree, current);
    const fresh = parse(current);
    checkTree(current, fresh);
    const difference = firstDifference(tree, fresh);
    if (difference) throw new Error(`after edit ${k + 1}, the re-parsed tree differs from a fresh parse at ${difference}`);
  });
}

/** The message of the failure of `fuzzCase`, or undefined when it passes. */
export function failureOf(fuzzCase: FuzzCase): string | undefined {
  try {
    checkCase(fuzzCase);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A smaller case that still fails: edits dropped, then chunks of the text
 * and of the inserted strings deleted, halving the chunk size down to one
 * character, for as long as the case keeps failing.
 */
export function shrink(failing: FuzzCase, fails: (candidate: FuzzCase) => boolean = (candidate) => failureOf(candidate) !== undefined): FuzzCase {
  let best = failing;
  for (let k = best.edits.length - 1; k >= 0; k--) {
    const candidate = { ...best, edits: best.edits.filter((_, j) => j !== k) };
    if (fails(candidate)) best = candidate;
  }
  for (let chunk = Math.max(1, best.text.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let at = 0; at < best.text.length; ) {
      const shorter = best.text.slice(0, at) + best.text.slice(at + chunk);
      // Edits keep their place relative to the text that is left.
      const edits = best.edits.map((edit) => (edit.at > at ? { ...edit, at: Math.max(at, edit.at - chunk) } : edit));
      const candidate = { text: shorter, edits };
      if (fails(candidate)) best = candidate;
      else at += chunk;
    }
  }
  best.edits.forEach((edit, k) => {
    for (let c = edit.insert.length - 1; c >= 0; c--) {
      const edits = best.edits.map((e, j) => (j === k ? { ...e, insert: e.insert.slice(0, c) + e.insert.slice(c + 1) } : e));
      if (fails({ ...best, edits })) best = { ...best, edits };
    }
    for (let r = best.edits[k].remove - 1; r >= 0; r--) {
      const edits = best.edits.map((e, j) => (j === k ? { ...e, remove: r } : e));
      if (fails({ ...best, edits })) best = { ...best, edits };
    }
  });
  return best;
}
