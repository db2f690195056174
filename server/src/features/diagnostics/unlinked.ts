// HM005: plain text equal to a name of exactly one entity (SPEC 11).
// Typing changes little of a document's plain text, so the last scan of the
// few most recently diagnosed documents is kept: a new scan reuses the
// matches of every plain-text range that the edit left as it was (before the
// edit, or after it and shifted), and a keystroke costs in proportion to
// the edit rather than to the document.

import type { NameMatch, NameMatcher } from '../../model/nameMatcher';
import type { WorkspaceIndex, DocumentEntry } from '../../model/workspaceIndex';
import { commonPrefix, commonSuffix } from '../../syntax/textDiff';
import type { Finding } from './types';

interface Scan {
  text: string;
  plain: readonly number[];
  matcher: NameMatcher;
  matches: NameMatch[];
}

/** Documents whose last scan is kept (the ones being edited); the oldest is dropped first. */
const KEPT_SCANS = 8;
const lastScans = new Map<string, Scan>();

export function unlinkedFindings(index: WorkspaceIndex, entry: DocumentEntry): Finding[] {
  const matcher = index.nameMatcher();
  if (matcher.isEmpty) return [];
  return matchesOf(matcher, entry).map((match) => ({
    start: match.start,
    end: match.end,
    code: 'HM005',
    message: `“${match.name}” names @${match.entity.id} (${match.entity.displayName}) but is not linked: write [${match.name}]{@${match.entity.id}}.`,
    data: { id: match.entity.id },
  }));
}

function matchesOf(matcher: NameMatcher, { uri, text, tree }: DocumentEntry): NameMatch[] {
  const previous = lastScans.get(uri);
  const matches = previous?.matcher === matcher ? rescan(previous, text, tree.plainText) : scan(matcher, text, tree.plainText);
  lastScans.delete(uri);
  lastScans.set(uri, { text, plain: tree.plainText, matcher, matches });
  if (lastScans.size > KEPT_SCANS) lastScans.delete(lastScans.keys().next().value!);
  return matches;
}

function scan(matcher: NameMatcher, text: string, plain: readonly number[]): NameMatch[] {
  const matches: NameMatch[] = [];
  for (let k = 0; k < plain.length; k += 2) for (const match of matcher.matches(text, plain[k], plain[k + 1])) matches.push(match);
  return matches;
}

/**
 * The matches in `text`, reusing those of `previous` in every plain-text
 * range found unchanged in its text: matches never cross a range, and
 * depend on nothing but its text.
 */
function rescan(previous: Scan, text: string, plain: readonly number[]): NameMatch[] {
  const old = previous.text;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const shift = text.length - old.length;
  const { plain: oldPlain, matches: oldMatches, matcher } = previous;
  const matches: NameMatch[] = [];
  let j = 0;
  let m = 0;
  for (let k = 0; k < plain.length; k += 2) {
    const start = plain[k];
    const end = plain[k + 1];
    const offset = end <= prefix ? 0 : start >= text.length - suffix ? shift : undefined;
    if (offset !== undefined) {
      while (j < oldPlain.length && oldPlain[j] < start - offset) j += 2;
      if (oldPlain[j] === start - offset && oldPlain[j + 1] === end - offset) {
        while (m < oldMatches.length && oldMatches[m].start < start - offset) m++;
        for (; m < oldMatches.length && oldMatches[m].start < end - offset; m++) {
          const match = oldMatches[m];
          matches.push(offset === 0 ? match : { ...match, start: match.start + offset, end: match.end + offset });
        }
        continue;
      }
    }
    for (const match of matcher.matches(text, start, end)) matches.push(match);
  }
  return matches;
}
