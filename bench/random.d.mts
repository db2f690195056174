// Types of random.mjs, for the TypeScript tests that import it.

export function hashSeed(text: string): number;
export class Random {
  constructor(seed: string | number);
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  logNormal(median: number, sigma: number): number;
}
