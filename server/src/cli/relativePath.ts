// Paths as the CLI prints and keys them: relative, with `/` on every system.

import * as path from 'node:path';

/** `file` relative to `base`, with `/`; a file inside `base` (every document of a workspace) is a slice, not `path.relative`'s walk. */
export function relativePath(base: string, file: string): string {
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  const relative = file.startsWith(prefix) && !file.includes(`${path.sep}.`, prefix.length - 1) ? file.slice(prefix.length) : path.relative(base, file);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
