// Helpers for end-to-end tests in a real VS Code: code-server (VS Code 1.100.3
// served over HTTP) driven in Debian's Chromium by playwright-core. Starting
// code-server is shared with `npm start` (scripts/codeServer.mjs).
// See tests/e2e/README.md.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { root } from '../../scripts/codeServer.mjs';

export {
  type CodeServer,
  type CodeServerOptions,
  ensureCodeServer,
  installExtension,
  linkExtension,
  packageExtension,
  startCodeServer,
} from '../../scripts/codeServer.mjs';

const resultsDir = path.join(root, 'test-results/e2e');

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
  await focusedEditor(page).waitFor();
}

/**
 * Runs `attempt` until it succeeds or `timeoutMs` is spent. On a loaded
 * machine a key pressed while focus moves (a quick input closing, an editor
 * opening) is lost, and a palette can close under the test: a user would
 * press again, and so does the test.
 */
export async function retryLost(attempt: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

/** The active editor, once it has the keyboard focus. */
function focusedEditor(page: Page) {
  return page.locator('.editor-group-container.active .monaco-editor.focused');
}

/**
 * Types `value` into the Command Palette (F1) and accepts the focused entry
 * once it contains `expect`. The prefix picks the provider: '>' runs a
 * command, ':' goes to a line.
 */
async function quickPick(page: Page, value: string, expect: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: expect });
  await retryLost(async () => {
    await page.keyboard.press('F1');
    await input.fill(value, { timeout: 5_000 });
    await row.waitFor({ timeout: 10_000 });
  });
  await page.keyboard.press('Enter');
}

/**
 * Opens the Quick Fix menu (Ctrl+.) at the cursor and waits for an entry
 * containing `text` (focused, when `focused`), pressing again while it does not show.
 */
export async function openCodeActions(page: Page, text: string, { focused = false } = {}): Promise<void> {
  const menu = page.locator('.action-widget');
  const row = page.locator(`.action-widget .monaco-list-row${focused ? '.focused' : ''}`, { hasText: text });
  await retryLost(async () => {
    if (await menu.isVisible()) await page.keyboard.press('Escape');
    await focusedEditor(page).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Control+.');
    await row.waitFor({ timeout: 5_000 });
  });
}

/** Opens a file of the workspace with Quick Open (Go to File), by its workspace-relative path. */
export async function openFileByQuickOpen(page: Page, relPath: string): Promise<void> {
  const name = path.basename(relPath);
  await quickPick(page, relPath, name);
  await page.locator(`.tab.active[data-resource-name=${JSON.stringify(name)}]`).waitFor();
  await focusedEditor(page).waitFor();
}

/** Runs a command by its title, e.g. 'Show or Focus Hover'. */
export function runCommand(page: Page, title: string): Promise<void> {
  return quickPick(page, `>${title}`, title);
}

/** Puts the cursor of the active editor at `line`:`column` (1-based) with Go to Line. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await quickPick(page, `:${line}:${column}`, `line ${line} and character ${column}`);
  await focusedEditor(page).waitFor();
}

/** The text of the active editor's visible lines, spaces as typed (Monaco renders them as U+00A0). */
export async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Puts the cursor of the active editor at `line`:`column` (1-based), shows
 * the hover there and returns its text. Steadier than aiming the mouse at a
 * word. The command shows nothing while no provider answers yet (extension or
 * language server still starting), so it is repeated until `timeoutMs`.
 */
export async function showHoverAt(page: Page, line: number, column: number, timeoutMs = 30_000): Promise<string> {
  await goToPosition(page, line, column);
  // The workbench keeps other, hidden .monaco-hover elements in the DOM.
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
  await retryLost(async () => {
    await runCommand(page, 'Show or Focus Hover');
    await hover.waitFor({ timeout: 2000 });
  }, timeoutMs);
  return hover.innerText();
}

/** Saves a PNG of the page to test-results/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
