// Half-typed markup is not an error yet: while the user types `[Name]{@`
// the line holds an unclosed brace group (HM010) or an unknown id (HM002)
// for a moment. Those two codes are held back on the line of the latest
// edit of a document until typing pauses (HOLD_MS without an edit to it),
// or until the next edit lands on another line; then the full set is
// published. Only the editor's publisher asks: the CLI always reports all.

import type { HmDiagnostic } from '../features/diagnostics/types';
import { changedRange } from '../syntax/textDiff';

export const HOLD_MS = 1000;
const HELD_CODES = new Set(['HM010', 'HM002']);

interface Typing {
  /** The lines of the latest edit, as offsets of the new text: [start, end]. */
  start: number;
  end: number;
  timer: ReturnType<typeof setTimeout>;
}

export class TypingGuard {
  private readonly typing = new Map<string, Typing>();

  /** `onPause` re-diagnoses the document once typing there pauses. */
  constructor(private readonly onPause: (uri: string) => void) {}

  /** An edit of an open document from `before` to `after`. */
  edited(uri: string, before: string, after: string): void {
    this.forget(uri);
    const { start, newEnd } = changedRange(before, after);
    const lineStart = after.lastIndexOf('\n', start - 1) + 1;
    const next = after.indexOf('\n', newEnd);
    const timer = setTimeout(() => {
      this.typing.delete(uri);
      this.onPause(uri);
    }, HOLD_MS);
    this.typing.set(uri, { start: lineStart, end: next === -1 ? after.length : next, timer });
  }

  forget(uri: string): void {
    const typing = this.typing.get(uri);
    if (typing) clearTimeout(typing.timer);
    this.typing.delete(uri);
  }

  /** The diagnostics to show now: without the held codes on the line being typed. */
  filter(uri: string, diagnostics: HmDiagnostic[]): HmDiagnostic[] {
    const typing = this.typing.get(uri);
    if (!typing) return diagnostics;
    return diagnostics.filter((d) => !HELD_CODES.has(d.code) || d.span.end < typing.start || d.span.start > typing.end);
  }
}
