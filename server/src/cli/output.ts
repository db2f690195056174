// Writes the pieces of an output to stdout in chunks, one chunk at a time
// (so a full pipe holds the linter back rather than its memory), and stops
// quietly when the reader has gone (`histmark lint | head -1`): a closed pipe
// is not an error of the linter.

import type { Writable } from 'node:stream';

/** Pieces are joined up to this size before a write: few writes, no large strings. */
const CHUNK = 64 * 1024;

/** A write to a pipe whose reader has gone fails with EPIPE and ends the stream: later writes are dropped, nothing is thrown. */
export function ignoreClosedPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/** Writes `pieces` to `stream` (see `ignoreClosedPipe`); false when the reader closed the pipe before the end. */
export async function writePieces(stream: Writable, pieces: Iterable<string>): Promise<boolean> {
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) =>
      stream.write(chunk, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve())),
    );
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length < CHUNK) continue;
    await write(buffer);
    buffer = '';
    if (stream.destroyed) return false;
  }
  if (buffer !== '') await write(buffer);
  return !stream.destroyed;
}
