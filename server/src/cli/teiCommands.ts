// `histmark export tei …` and `histmark import tei …`: the dispatch main.ts calls.

import { EXPORT_TEI_HELP, runExportTei } from './exportTei';
import { IMPORT_TEI_HELP, runImportTei } from './importTei';
import { TeiUsageError } from './teiUsage';

export { TeiUsageError } from './teiUsage';

export const TEI_HELP = EXPORT_TEI_HELP + IMPORT_TEI_HELP;

export async function runTeiCommand(command: 'export' | 'import', args: string[]): Promise<number> {
  const [format, ...rest] = args;
  if (format === '--help' || format === '-h' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(TEI_HELP);
    return 0;
  }
  if (format !== 'tei') {
    const known = command === 'export' ? 'three formats, tei, html and network: `histmark export tei|html|network …`' : 'one format, tei: `histmark import tei …`';
    throw new TeiUsageError(`histmark ${command} knows ${known}${format ? `, not "${format}"` : ''}.`);
  }
  return command === 'export' ? runExportTei(rest) : runImportTei(rest);
}
