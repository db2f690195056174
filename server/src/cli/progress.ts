// The progress line of a long lint on a terminal: "files done / total" on
// stderr, rewritten in place and cleared at the end. Only on a terminal
// (never in a log or a pipe), and only once the lint has taken a second.

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const DELAY_MS = 1000;
/** Redraws at most this often: a terminal is slower than the lint. */
const EVERY_MS = 100;

export class ProgressLine {
  private readonly started: number;
  private drawn = -Infinity;
  private line = '';

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(done: number, total: number): void {
    if (!this.stream.isTTY) return;
    const t = this.now();
    const line = `\rhistmark: ${done}/${total} files linted`;
    if (t - this.started < DELAY_MS || t - this.drawn < EVERY_MS || line === this.line) return;
    this.drawn = t;
    this.line = line;
    this.stream.write(line);
  }

  /** Clears the line, if one was drawn, before anything else is written. */
  clear(): void {
    if (this.line !== '') this.stream.write('\r\x1b[K');
    this.line = '';
  }
}
