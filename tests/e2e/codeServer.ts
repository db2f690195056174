// Helpers for end-to-end tests in a real VS Code: code-server (VS Code 1.100.3
// served over HTTP) driven in Debian's Chromium by playwright-core.
// See tests/e2e/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const installScript = path.join(root, 'tests/e2e/install-code-server.sh');
const codeServerBin = path.join(root, '.cache/code-server/node_modules/.bin/code-server');
const resultsDir = path.join(root, 'test-results/e2e');

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
export function ensureCodeServer(): string {
  execFileSync('bash', [installScript], { stdio: 'inherit' });
  return codeServerBin;
}

export interface CodeServer {
  /** Opens `folder` in the workbench. */
  url: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  folder: string;
  extensionsDir: string;
  userDataDir: string;
  /** User settings, merged over `defaultSettings`. */
  settings?: object;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts code-server on a free loopback port and resolves once it answers HTTP. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(codeServerBin)) throw new Error('code-server is not installed: call ensureCodeServer() first');
  const folder = path.resolve(opts.folder);
  const userDir = path.join(opts.userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  mkdirSync(opts.extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDir, 'settings.json'),
    JSON.stringify({ ...defaultSettings, ...opts.settings }, null, 2),
  );

  const port = await freePort();
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
  const child = spawn(codeServerBin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
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
  return { url: `${base}/?folder=${encodeURIComponent(folder)}`, stop };
}

/** Installs a .vsix with code-server's CLI (works offline). */
export function installExtension(vsixPath: string, extensionsDir: string): void {
  execFileSync(
    codeServerBin,
    [...cliBase, '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsixPath)],
    { stdio: 'pipe' },
  );
}

/**
 * Links an unpacked extension folder (with its package.json and built code)
 * into `extensionsDir` as `publisher.name-version`; returns that name.
 * Call it before startCodeServer.
 */
export function linkExtension(folder: string, extensionsDir: string): string {
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
  const entries: { identifier: { id: string }; [key: string]: unknown }[] = existsSync(manifest)
    ? JSON.parse(readFileSync(manifest, 'utf8'))
    : [];
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

/** Debian's Chromium, headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox', // we run as root
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the workbench at `url` and resolves once it is laid out. */
export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
  return page;
}

/**
 * Opens a file by clicking through the Explorer; `relPath` is relative to the
 * opened folder ('a/b.hm' expands folder a first). Resolves once its editor has focus.
 */
export async function openFileFromExplorer(page: Page, relPath: string): Promise<void> {
  const parts = relPath.split('/');
  for (const [i, name] of parts.entries()) {
    const row = page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator(`.label-name :text-is(${JSON.stringify(name)})`) })
      .first();
    const isFolder = i < parts.length - 1;
    // A collapsed folder opens with one click; a file needs a double click to
    // leave preview mode and take the focus.
    if (isFolder && (await row.getAttribute('aria-expanded')) === 'true') continue;
    await row[isFolder ? 'click' : 'dblclick']();
  }
  const name = parts[parts.length - 1];
  await page.locator(`.tab.active[data-resource-name=${JSON.stringify(name)}]`).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
}

/**
 * Types `value` into the Command Palette (F1) and accepts the focused entry
 * once it contains `expect`. The prefix picks the provider: '>' runs a
 * command, ':' goes to a line.
 */
async function quickPick(page: Page, value: string, expect: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(value);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: expect }).waitFor();
  await page.keyboard.press('Enter');
}

/** Runs a command by its title, e.g. 'Show or Focus Hover'. */
export function runCommand(page: Page, title: string): Promise<void> {
  return quickPick(page, `>${title}`, title);
}

/**
 * Puts the cursor of the active editor at `line`:`column` (1-based), shows
 * the hover there and returns its text. Steadier than aiming the mouse at a
 * word. The command shows nothing while no provider answers yet (extension or
 * language server still starting), so it is repeated until `timeoutMs`.
 */
export async function showHoverAt(page: Page, line: number, column: number, timeoutMs = 30_000): Promise<string> {
  await quickPick(page, `:${line}:${column}`, `line ${line} and character ${column}`);
  // The workbench keeps other, hidden .monaco-hover elements in the DOM.
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runCommand(page, 'Show or Focus Hover');
    try {
      await hover.waitFor({ timeout: 2000 });
      return await hover.innerText();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

/** Saves a PNG of the page to test-results/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
