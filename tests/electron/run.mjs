// `npm run test:electron`: the extension-host suite in a downloaded VS Code
// (@vscode/test-electron). It needs the internet to fetch VS Code, so it is
// not part of `npm test`; the code-server suite (tests/e2e) is the gate here.
import { build } from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, '.cache/electron-tests');
await build({
  entryPoints: { index: path.join(root, 'tests/electron/index.ts'), 'extension.test': path.join(root, 'tests/electron/extension.test.ts') },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
await runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(out, 'index.js'),
  launchArgs: [path.join(root, 'samples'), '--disable-extensions', '--disable-workspace-trust'],
});
