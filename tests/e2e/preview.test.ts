// The Histmark preview in a real VS Code (code-server + Chromium), with the
// packaged extension on a copy of samples/: open it to the side, see the
// reading text, click a mention → its definition opens, type → the preview
// changes, scroll either side → the other follows, toggle diplomatic.
// Screenshots in test-results/e2e/preview-*.png.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type CodeServer,
  ensureCodeServer,
  goToPosition,
  installExtension,
  launchBrowser,
  openFileByQuickOpen,
  openFileFromExplorer,
  openWorkbench,
  retryLost,
  packageExtension,
  runCommand,
  screenshot,
  startCodeServer,
} from './codeServer';
import { HOSTILE_REGISTRY, HOSTILE_TRANSCRIPT } from '../render/htmlHostile';

const samples = path.resolve(__dirname, '../../samples');
const TRANSCRIPT = 'transcripts/memorandum-of-conversation-1957-04-15.hmd';
const STEP_TIMEOUT = 90_000;
const POLL = { timeout: 20_000 };

let tmp: string;
let codeServer: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;

/** The preview's document: VS Code nests a webview's page in two iframes. */
function preview(): FrameLocator {
  return page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame');
}

/** The first line number the active text editor shows. */
async function editorTopLine(): Promise<number> {
  const numbers = await page.locator('.editor-group-container .monaco-editor .margin .line-numbers').allInnerTexts();
  return Math.min(...numbers.map(Number).filter((n) => n > 0));
}

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const file = await screenshot(page, `preview-failed-${name.replace(/\W+/g, '-')}`).catch(() => 'none');
    throw Object.assign(error as Error, { message: `${(error as Error).message}\nScreenshot: ${file}` });
  }
}

function uiTest(name: string, body: () => Promise<void>): void {
  test(name, () => step(name, body), STEP_TIMEOUT);
}

describe('the Histmark preview in a real VS Code', () => {
  beforeAll(async () => {
    ensureCodeServer();
    tmp = mkdtempSync(path.join(tmpdir(), 'histmark-e2e-preview-'));
    const workspace = path.join(tmp, 'workspace');
    const extensionsDir = path.join(tmp, 'extensions');
    cpSync(samples, workspace, { recursive: true });
    writeFileSync(path.join(workspace, 'hostile-registry.hmd'), HOSTILE_REGISTRY);
    writeFileSync(path.join(workspace, 'hostile.hmd'), HOSTILE_TRANSCRIPT);
    installExtension(packageExtension(path.join(tmp, 'histmark.vsix')), extensionsDir);
    codeServer = await startCodeServer({ folder: workspace, extensionsDir, userDataDir: path.join(tmp, 'user-data'), settings: { 'remote.autoForwardPorts': false } });
    browser = await launchBrowser();
    page = await openWorkbench(browser, codeServer.url);
    await step('startup', () => page.locator('.statusbar-item', { hasText: /Histmark: \d+ documents/ }).waitFor({ timeout: 60_000 }));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await codeServer?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  uiTest('Open Preview to the Side shows the reading text beside the source', async () => {
    await openFileFromExplorer(page, TRANSCRIPT);
    await runCommand(page, 'Histmark: Open Preview to the Side');
    await preview().locator('main#content p', { hasText: 'Present in the meeting' }).waitFor({ timeout: 30_000 });
    expect(await preview().locator('#title').innerText()).toContain('Memorandum of Conversation');
    // Mentions are links with the name and dates on hover; the source's brackets stay text.
    const khrushchev = preview().locator('.hm-mention[data-id="khrushchev"]').first();
    expect(await khrushchev.getAttribute('title')).toMatch(/^Nikita Sergeyevich Khrushchev \(1894-04-15 – 1971-09-11\)/);
    expect(await khrushchev.innerText()).toBe('[Nikita] Khrushchev');
    await screenshot(page, 'preview-1-open');
  });

  uiTest('typing in the editor changes the preview', async () => {
    const text = readFileSync(path.join(samples, TRANSCRIPT), 'utf8');
    const line = text.slice(0, text.indexOf('Present in the meeting')).split('\n').length;
    await page.locator('.editor-group-container .monaco-editor').first().click();
    await goToPosition(page, line, 1);
    await page.keyboard.type('Typed just now: ');
    await preview().locator('main#content p', { hasText: 'Typed just now: Present in the meeting' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'preview-2-typed');
  });

  uiTest('scrolling the editor scrolls the preview, and scrolling the preview scrolls the editor', async () => {
    await page.locator('.editor-group-container .monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    await expect.poll(() => preview().locator('body').evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY), POLL).toBeGreaterThan(300);
    await screenshot(page, 'preview-3-editor-scrolled');
    await preview().locator('body').evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    // The preview's first block is the document's first heading: the editor brings its line to the top.
    const text = readFileSync(path.join(samples, TRANSCRIPT), 'utf8');
    const heading = text.slice(0, text.indexOf('\n# ')).split('\n').length + 1;
    await expect.poll(() => editorTopLine(), POLL).toBeLessThanOrEqual(heading);
    expect(await editorTopLine()).toBeGreaterThan(heading - 5);
    await screenshot(page, 'preview-4-preview-scrolled');
  });

  uiTest('clicking a mention opens its definition in the registry', async () => {
    await preview().locator('.hm-mention[data-id="bulganin"]').first().click();
    const tab = page.locator('.tab.active[data-resource-name="people.hmd"]');
    await tab.waitFor({ timeout: 20_000 });
    // The group the registry opened in: which group is active races with the webview's own focus event.
    const lines = page.locator('.editor-group-container', { has: tab }).locator('.monaco-editor .view-lines');
    await expect.poll(async () => (await lines.innerText()).replace(/\u00a0/g, ' '), POLL).toContain('@person bulganin: Nikolai Bulganin');
    await screenshot(page, 'preview-5-definition');
  });

  uiTest('the toggle shows the diplomatic text and back', async () => {
    await openFileByQuickOpen(page, TRANSCRIPT);
    const toggle = preview().locator('#mode');
    await toggle.click();
    await expect.poll(() => preview().locator('body').getAttribute('data-mode'), POLL).toBe('diplomatic');
    // `[Ramis Alija]{@alia sic: Ramiz Alia}`: the source's spelling, then the correction.
    await preview().locator('main#content p', { hasText: 'and Ramis Alija' }).waitFor();
    await screenshot(page, 'preview-6-diplomatic');
    await toggle.click();
    await expect.poll(() => preview().locator('body').getAttribute('data-mode'), POLL).toBe('reading');
    await preview().locator('main#content p', { hasText: 'and Ramiz Alia' }).waitFor();
  });

  uiTest('a hostile transcript renders as text: its markup, javascript: and command: links are not live', async () => {
    await openFileByQuickOpen(page, 'hostile.hmd');
    await runCommand(page, 'Histmark: Open Preview to the Side');
    await preview().locator('main#content p', { hasText: '<script>alert(11)</script> javascript:alert(12) said' }).waitFor({ timeout: 30_000 });
    // Nothing of the content became an element or a handler.
    expect(await preview().locator('main script, main img, main iframe, main b, main a').count()).toBe(0);
    expect(await preview().locator('[onload], [onclick], [onmouseover], [onerror]').count()).toBe(0);
    expect(await preview().locator('#title').innerText()).toBe('<script>alert(9)</script>" onload="x');
    await screenshot(page, 'preview-7-hostile');
  });

  uiTest('follows a dark theme: the body class and the editor colours', async () => {
    // Ctrl+K Ctrl+T: the theme picker (its command's title also matches "Browse Color Themes").
    const input = page.locator('.quick-input-widget input');
    await retryLost(async () => {
      if (await input.isVisible()) await page.keyboard.press('Escape');
      await page.locator('.editor-group-container .monaco-editor').first().click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+T');
      await input.fill('Dark Modern', { timeout: 5_000 });
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Dark Modern' }).waitFor({ timeout: 10_000 });
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => preview().locator('body').getAttribute('class'), POLL).toContain('vscode-dark');
    // The text takes the editor's foreground: light on dark.
    const color = await preview().locator('main#content p').first().evaluate((p) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(p).color);
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeGreaterThan(450);
    await screenshot(page, 'preview-8-dark');
  });
});
