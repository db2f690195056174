// A full garbage collection, once, when the index is built. Building parses
// every document and keeps only a compact form of the closed ones; V8 would
// hold the garbage of those trees (several times the corpus) in the
// process's memory until the heap grew to its limit. Node keeps `gc` behind
// a flag, which V8 lets a running process set for the contexts it creates.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: Gc | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  // V8's last-resort collection runs until nothing more is freed and gives the emptied pages back: one plain collection leaves them mapped.
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
