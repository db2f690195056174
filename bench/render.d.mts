// Types of render.mjs (the parts the TypeScript tests use).

export const LARGE_MARKER: string;
export const NOTES_MARKER: string;
export function writeResults(file: string, results: string, options?: { large?: boolean }): void;
