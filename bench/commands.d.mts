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
export function cliSupportsCache(cli?: string): boolean;
export const CACHE_EDIT: string;
export function measureCachedLint(
  dir: string,
  editFile: string,
  options?: MeasureOptions & { cli?: string },
): Promise<{ supported: false } | { supported: true; cold: CommandRun; afterEdit: CommandRun }>;
