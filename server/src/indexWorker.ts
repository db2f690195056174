// The thread the language server indexes a share of a large folder on (lsp/indexWorkers.ts).

import { runIndexWorker } from './lsp/indexWorkers';

runIndexWorker();
