/** A usage problem of `histmark export tei` / `import tei`: exit 2 with a hint to --help. */
export class TeiUsageError extends Error {}
