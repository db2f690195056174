// Types of commands.mjs, for the TypeScript tests that import it.

export interface CommandRun {
  seconds: number;
  peakMB: number;
  exitCode: number | null;
}

export interface MeasureOptions {
  cwd?: string;
  method?: 'time' | 'preload';
}

export const CLI: string;
export const FLOOR: string;
export function hasGnuTime(): boolean;
export function markdownlintScript(): string;
export function measureNodeScript(script: string, args: string[], options?: MeasureOptions): Promise<CommandRun>;
export function measureLinters(
  dir: string,
  markdownDir?: string,
  options?: MeasureOptions & { repeat?: number; slowSeconds?: number },
): Promise<{ histmark: CommandRun; floor: CommandRun; markdownlint?: CommandRun }>;
