// The floor a linter cannot beat: read every `.hmd` file under a folder
// and run one regular expression (the mentions) over it.
// Usage: node bench/floor.mjs DIR — prints the number of files and matches.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const MENTION = /\{@[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}_-]*\}/gu;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(child);
    else if (entry.name.endsWith('.hmd')) yield child;
  }
}

let count = 0;
let matches = 0;
for (const file of files(process.argv[2] ?? '.')) {
  matches += readFileSync(file, 'utf8').match(MENTION)?.length ?? 0;
  count++;
}
process.stdout.write(`${count} files, ${matches} mentions\n`);
