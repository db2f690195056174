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

export class LineIndex {
  private readonly lineStarts: number[] = [];
  /** Where each line's content ends, before its line break. */
  private readonly lineEnds: number[] = [];

  constructor(readonly text: string) {
    forEachLine(text, (start, end) => {
      this.lineStarts.push(start);
      this.lineEnds.push(end);
    });
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
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
