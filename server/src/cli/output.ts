// Writes the pieces of an output to stdout in chunks, one chunk at a time
// (so a full pipe holds the linter back rather than its memory), and stops
// quietly when the reader has gone (`histmark lint | head -1`): a closed pipe
// is not an error of the linter.

import type { Writable } from 'node:stream';

/** Pieces are joined up to this size before a write: few writes, no large strings. */
const CHUNK = 64 * 1024;

/** Writes `pieces` to `stream`; false when the reader closed the pipe (EPIPE) before the end. */
export async function writePieces(stream: Writable, pieces: Iterable<string>): Promise<boolean> {
  let closed = false;
  // Kept after a closed pipe: any later write fails the same way, and must not crash.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
  });
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
    if (closed) return false;
  }
  if (buffer !== '') await write(buffer);
  return !closed;
}
