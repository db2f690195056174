// HM005: plain text equal to a name of exactly one entity (SPEC 11).
// Typing changes little of a document's plain text, so the last scan of the
// few most recently diagnosed documents is kept: a new scan reuses the
// matches of every plain-text range that the edit left as it was (before the
// edit, or after it and shifted), and a keystroke costs in proportion to
// the edit rather than to the document.

import type { NameMatch, NameMatcher } from '../../model/nameMatcher';
import type { WorkspaceIndex, DocumentEntry } from '../../model/workspaceIndex';
import { readPlain, TransparentSpans } from '../../syntax/plain';
import { changedRange } from '../../syntax/textDiff';
import type { SyntaxTree } from '../../syntax/types';
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
  const matches = previous?.matcher === matcher ? rescan(previous, text, tree) : scan(matcher, text, tree);
  lastScans.delete(uri);
  lastScans.set(uri, { text, plain: tree.plainText, matcher, matches });
  if (lastScans.size > KEPT_SCANS) lastScans.delete(lastScans.keys().next().value!);
  return matches;
}

/** Every match in the plain text of a document. */
export function scan(matcher: NameMatcher, text: string, tree: SyntaxTree): NameMatch[] {
  const plain = tree.plainText;
  const matches: NameMatch[] = [];
  const reader = new PlainReader(matcher, text, tree);
  for (let k = 0; k < plain.length; k += 2) reader.matches(plain[k], plain[k + 1], matches);
  return matches;
}

/**
 * Matches names in plain-text ranges, read with what takes no room removed
 * (comments, page breaks, gaps), so that `Ho{pb 7}xha` is the name Hoxha; a
 * match covers the source from its first to its last character, the page
 * break included. Ranges are read in order.
 */
class PlainReader {
  private readonly transparent: TransparentSpans;

  constructor(
    private readonly matcher: NameMatcher,
    private readonly text: string,
    tree: SyntaxTree,
  ) {
    this.transparent = new TransparentSpans(tree);
  }

  matches(start: number, end: number, out: NameMatch[]): void {
    const run = readPlain(this.text, start, end, this.transparent.in(start, end));
    if (!run) return this.matcher.matchesInto(this.text, start, end, out);
    const first = out.length;
    this.matcher.matchesInto(run.text, 0, run.text.length, out);
    // Fresh matches, in the run's offsets: moved into the source's.
    for (let i = first; i < out.length; i++) {
      const match = out[i];
      out[i] = { ...match, start: run.offsetOf(match.start), end: run.offsetOf(match.end - 1) + 1 };
    }
  }
}

function moved(match: NameMatch, offset: number): NameMatch {
  return offset === 0 ? match : { ...match, start: match.start + offset, end: match.end + offset };
}

/** Whether `plain` from `k` on is `old` from `j` on, moved by `shift`. */
function sameShifted(plain: readonly number[], k: number, old: readonly number[], j: number, shift: number): boolean {
  if (plain.length - k !== old.length - j) return false;
  for (let t = 0; k + t < plain.length; t++) if (plain[k + t] !== old[j + t] + shift) return false;
  return true;
}

/**
 * The matches in `text`, reusing those of `previous` in every plain-text
 * range found unchanged in its text: matches never cross a range, and
 * depend on nothing but its text.
 */
function rescan(previous: Scan, text: string, tree: SyntaxTree): NameMatch[] {
  const plain = tree.plainText;
  const old = previous.text;
  const edit = changedRange(old, text);
  const prefix = edit.start;
  const suffix = old.length - edit.oldEnd;
  const shift = text.length - old.length;
  const { plain: oldPlain, matches: oldMatches, matcher } = previous;
  const reader = new PlainReader(matcher, text, tree);
  // The ranges before the edit are as a rule the old ones, in the same places: their matches are taken whole.
  let k = 0;
  while (k < plain.length && plain[k + 1] <= prefix && plain[k] === oldPlain[k] && plain[k + 1] === oldPlain[k + 1]) k += 2;
  let m = 0;
  if (k > 0) while (m < oldMatches.length && oldMatches[m].start < oldPlain[k - 1]) m++;
  const matches = oldMatches.slice(0, m);
  let j = k;
  let tailChecked = false;
  for (; k < plain.length; k += 2) {
    const start = plain[k];
    const end = plain[k + 1];
    const inTail = end > prefix && start >= text.length - suffix;
    const offset = end <= prefix ? 0 : inTail ? shift : undefined;
    if (offset !== undefined) {
      while (j < oldPlain.length && oldPlain[j] < start - offset) j += 2;
      if (oldPlain[j] === start - offset && oldPlain[j + 1] === end - offset) {
        while (m < oldMatches.length && oldMatches[m].start < start - offset) m++;
        // So are the ranges after it, moved: when all of them are, their matches are moved whole.
        if (inTail && !tailChecked) {
          tailChecked = true;
          if (sameShifted(plain, k, oldPlain, j, shift)) {
            for (; m < oldMatches.length; m++) matches.push(moved(oldMatches[m], shift));
            break;
          }
        }
        for (; m < oldMatches.length && oldMatches[m].start < end - offset; m++) matches.push(moved(oldMatches[m], offset));
        continue;
      }
    }
    reader.matches(start, end, matches);
  }
  return matches;
}
