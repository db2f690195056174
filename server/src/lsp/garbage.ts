// A full garbage collection, once, when the index is built. Building parses
// every document and keeps only a compact form of the closed ones; V8 would
// hold the garbage of those trees (several times the corpus) in the
// process's memory until the heap grew to its limit. Node keeps `gc` behind
// a flag, which V8 lets a running process set for the contexts it creates.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
