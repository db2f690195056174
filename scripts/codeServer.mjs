// code-server (VS Code 1.100.3 served over HTTP) for `npm start` and the
// end-to-end tests: install it, package and install the extension, start it
// on a folder. Types: codeServer.d.mts. See tests/e2e/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const installScript = path.join(root, 'tests/e2e/install-code-server.sh');
const codeServerBin = path.join(root, '.cache/code-server/node_modules/.bin/code-server');
const vsceBin = path.join(root, 'node_modules/.bin/vsce');

// `--config /dev/null` keeps code-server from writing ~/.config/code-server/config.yaml.
const cliBase = ['--config', '/dev/null'];

// Settings that keep the workbench quiet and offline: no welcome page taking
// the editor area, no update or marketplace checks.
const defaultSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

/** Installs code-server if needed (a no-op after the first time) and returns its executable. */
export function ensureCodeServer() {
  execFileSync('bash', [installScript], { stdio: 'inherit' });
  return codeServerBin;
}

/** Packages the built extension (dist/ must be current) into `outFile`, a .vsix. */
export function packageExtension(outFile) {
  mkdirSync(path.dirname(outFile), { recursive: true });
  execFileSync(vsceBin, ['package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '--out', outFile], { cwd: root, stdio: 'pipe' });
  return outFile;
}

/** Installs a .vsix with code-server's CLI (works offline). */
export function installExtension(vsixPath, extensionsDir) {
  execFileSync(codeServerBin, [...cliBase, '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsixPath)], {
    stdio: 'pipe',
  });
}

/**
 * Links an unpacked extension folder (with its package.json and built code)
 * into `extensionsDir` as `publisher.name-version`; returns that name.
 * Call it before startCodeServer.
 */
export function linkExtension(folder, extensionsDir) {
  const source = path.resolve(folder);
  const pkg = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const dirName = `${id}-${pkg.version}`;
  const target = path.join(path.resolve(extensionsDir), dirName);
  mkdirSync(extensionsDir, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  symlinkSync(source, target, 'dir');

  // Once extensions.json exists (written by --install-extension or by the first
  // start), VS Code loads only the extensions listed in it.
  const manifest = path.join(extensionsDir, 'extensions.json');
  const entries = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : [];
  const others = entries.filter((e) => e.identifier.id.toLowerCase() !== id.toLowerCase());
  others.push({
    identifier: { id },
    version: pkg.version,
    location: { $mid: 1, path: target, scheme: 'file' },
    relativeLocation: dirName,
  });
  writeFileSync(manifest, JSON.stringify(others));
  return dirName;
}

/** Whether `port` (0: any) can be bound on 127.0.0.1; resolves to the port bound, or undefined. */
function tryPort(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => {
      const bound = srv.address().port;
      srv.close(() => resolve(bound));
    });
  });
}

/** `preferred` when it is free, else any free loopback port. */
export async function freePort(preferred = 0) {
  const port = (preferred && (await tryPort(preferred))) || (await tryPort(0));
  if (!port) throw new Error('no free port on 127.0.0.1');
  return port;
}

/** Starts code-server on a loopback port and resolves once it answers HTTP. */
export async function startCodeServer(opts) {
  if (!existsSync(codeServerBin)) throw new Error('code-server is not installed: call ensureCodeServer() first');
  const folder = path.resolve(opts.folder);
  const userDir = path.join(opts.userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  mkdirSync(opts.extensionsDir, { recursive: true });
  writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...defaultSettings, ...opts.settings }, null, 2));

  const port = opts.port ?? (await freePort());
  const args = [
    ...cliBase,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Without this a modal trust dialog blocks every click.
    '--disable-workspace-trust',
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionsDir,
    folder,
  ];
  // detached: its own process group, so stop() can kill the whole tree
  // (code-server forks a server process, which forks extension hosts).
  // code-server would listen on $PORT rather than on --bind-addr.
  const { PORT: _ignored, ...env } = process.env;
  const child = spawn(codeServerBin, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };
  const stop = async () => {
    killGroup('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    killGroup('SIGKILL');
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${base} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Slashes stay readable in the printed URL.
  return { url: `${base}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`, exited, output: () => output, stop };
}
