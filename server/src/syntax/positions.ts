// Offset ↔ line/character conversion, counted as LSP does (0-based, UTF-16;
// LF, CRLF and a lone CR each end a line).

import { forEachLine } from './lines';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A line index as numbers, to send to another thread and back (`LineIndex.parts`, `LineIndex.fromParts`). */
export interface LineIndexParts {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

export class LineIndex {
  /** Where each line starts, and where its content ends before its line break: typed, 8 bytes a line for every document kept. */
  private readonly lineStarts: Int32Array;
  private readonly lineEnds: Int32Array;
  private readonly length: number;

  constructor(text: string) {
    let starts: Int32Array<ArrayBuffer> = new Int32Array(64);
    let ends: Int32Array<ArrayBuffer> = new Int32Array(64);
    let count = 0;
    forEachLine(text, (start, end) => {
      if (count === starts.length) {
        starts = grown(starts);
        ends = grown(ends);
      }
      starts[count] = start;
      ends[count++] = end;
    });
    this.lineStarts = starts.slice(0, count);
    this.lineEnds = ends.slice(0, count);
    this.length = text.length;
  }

  static fromParts(parts: LineIndexParts): LineIndex {
    const index: LineIndex = Object.create(LineIndex.prototype);
    Object.assign(index, { lineStarts: parts.starts, lineEnds: parts.ends, length: parts.length });
    return index;
  }

  get parts(): LineIndexParts {
    return { starts: this.lineStarts, ends: this.lineEnds, length: this.length };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = lastAtOrBefore(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length;
    // LSP: a character beyond the line's length means the end of the line, not the next line.
    const lineStart = this.lineStarts[position.line];
    return Math.min(lineStart + Math.max(0, position.character), this.lineEnds[position.line]);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The start offset of a line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** The index of the last of ascending `starts` at or before `value` (0 when none is). */
export function lastAtOrBefore(starts: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
