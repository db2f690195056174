// Types of cache.mjs, for the TypeScript tests that import it.

import type { CommandRun, MeasureOptions } from './commands.mjs';

export function measureCachedLint(dir: string, options?: MeasureOptions & { repeat?: number }): Promise<{ fill: CommandRun; oneEdit: CommandRun; afterCheckout: CommandRun }>;
