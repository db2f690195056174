// Types of parse.mjs, for the TypeScript tests that import it.

export function loadParser(): Promise<(text: string) => unknown>;
export function median(values: number[]): number;
export function parseThroughput(
  parse: (text: string) => unknown,
  file: string,
  options?: { rounds?: number; roundMs?: number; warmupMs?: number },
): { megabytes: number; mbPerSecond: number; msPerParse: number };
