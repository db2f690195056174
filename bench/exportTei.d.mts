// Types of exportTei.mjs, for the TypeScript tests that import it.

import type { CommandRun, MeasureOptions } from './commands.mjs';

export function measureExport(dir: string, options?: MeasureOptions & { repeat?: number }): Promise<CommandRun & { outBytes: number }>;
export function exportTable(rows: { size: number; bytes: number; histmark: CommandRun; exportTei: CommandRun & { outBytes: number } }[]): string;
export function bytesUnder(dir: string): number;
