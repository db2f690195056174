// `npm start`: try Histmark in a browser, with no VS Code installed. Builds
// and packages the extension, installs it into a code-server (a real VS Code
// served over HTTP) kept under .cache/start/, opens samples/ and prints the
// URL. Runs until Ctrl+C. PORT picks the port (default 8080; a free one if
// that is taken).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, freePort, installExtension, packageExtension, root, startCodeServer } from './codeServer.mjs';

const cache = path.join(root, '.cache/start');
const extensionsDir = path.join(cache, 'extensions');
const requestedPort = Number(process.env.PORT || 8080);

function step(what, run) {
  const t0 = Date.now();
  process.stdout.write(`${what}…\n`);
  const result = run();
  process.stdout.write(`${what}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return result;
}

step('Building', () => execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }));
const vsix = step('Packaging the extension', () => packageExtension(path.join(cache, 'histmark.vsix')));
step('Installing code-server (about a minute, the first time only)', ensureCodeServer);
step('Installing the extension', () => {
  // A fresh folder: the same version is not always reinstalled over itself.
  rmSync(extensionsDir, { recursive: true, force: true });
  installExtension(vsix, extensionsDir);
});

const port = await freePort(requestedPort);
if (port !== requestedPort) console.log(`Port ${requestedPort} is taken: using ${port}.`);
const server = await startCodeServer({
  folder: path.join(root, 'samples'),
  extensionsDir,
  userDataDir: path.join(cache, 'user-data'),
  // samples/ sits inside this repository: no prompt to open it in Source Control.
  settings: { 'git.openRepositoryInParentFolders': 'never' },
  port,
});

console.log(`
  Histmark is running in VS Code (code-server) on samples/. Open:

      ${server.url}

  Press Ctrl+C to stop.
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server…');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

const status = await server.exited;
if (!stopping) {
  console.error(`code-server exited (${status}):\n${server.output()}`);
  process.exit(1);
}
