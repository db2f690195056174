// Bundles the entry points into dist/: the CLI and the language server are
// standalone Node programs (bins), the client is loaded by VS Code, the
// preview's script runs in its webview.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  sourcemap: true,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  define: { __HISTMARK_VERSION__: JSON.stringify(version) },
};

const bins = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
];

await Promise.all([
  ...bins.map((b) => build({ ...common, ...b, banner: { js: '#!/usr/bin/env node' } })),
  build({ ...common, entryPoints: ['server/src/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The Show Network (Cytoscape.js included) and Show Timeline webviews' scripts: the pages load nothing else.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/network/webview/main.ts'], outfile: 'dist/network.js' }),
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/timeline/webview/main.ts'], outfile: 'dist/timeline.js' }),
  // The preview's webview script runs in the webview, a browser page.
  build({ ...common, entryPoints: ['client/src/preview/webview.ts'], outfile: 'dist/preview/webview.js', platform: 'browser', target: 'es2022', format: 'iife' }),
]);
for (const b of bins) chmodSync(b.outfile, 0o755);
