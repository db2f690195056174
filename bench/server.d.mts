// Types of server.mjs, for the TypeScript tests that import it.

export interface Memory {
  rssMB: number;
  peakMB: number;
}

export interface ServerMeasures {
  indexSeconds: number;
  diagnosedSeconds: number;
  memoryAfterIndex?: Memory;
  memoryAtEnd?: Memory;
  /** Durations in ms. */
  keystroke: number[];
  hover: number[];
  definition: number[];
  completion: number[];
  completionItems: number;
  references: number[];
  referenceCount: number;
  rename: number[];
  renameEdits: number;
  busyEntity: string;
}

export const SERVER: string;
export interface TextChange {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}
export function keystrokeEdits(text: string, count: number): TextChange[];
export function percentile(values: number[], p: number): number;
export function memoryOf(pid: number): Memory | undefined;
export function mentionOffsets(text: string): Map<string, number[]>;
export function measureServer(
  root: string,
  document: string,
  options?: { keystrokes?: number; requests?: number; heavyRequests?: number; server?: string; nodeOptions?: string[] },
): Promise<ServerMeasures>;
