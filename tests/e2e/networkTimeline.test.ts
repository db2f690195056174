// Histmark: Show Network and Show Timeline in a real VS Code (code-server +
// Chromium) on a copy of samples/: the network webview draws the network the
// model computes (its status line reports the entities and links shown), the
// filters hide what they should, a click on an entity found by name opens its
// definition; the timeline shows every dated item and a click opens a
// transcript. Screenshots in test-results/e2e/network-*.png, timeline-*.png.
// A file of its own, so that its code-server does not share a workbench with
// extension.test.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nodeFileSystem } from '../../server/src/model/fileSystem';
import { loadWorkspaceFolder } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { networkView } from '../../server/src/render/network/view';
import { timeline } from '../../server/src/render/timeline';
import type { NetworkView, Timeline } from '../../server/src/lsp/protocol';
import { type CodeServer, ensureCodeServer, installExtension, launchBrowser, openWorkbench, packageExtension, runCommand, screenshot, startCodeServer } from './codeServer';

const samples = path.resolve(__dirname, '../../samples');
const STEP_TIMEOUT = 90_000;
const POLL = { timeout: 30_000 };

let tmp: string;
let codeServer: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
let expected: NetworkView;
let expectedTimeline: Timeline;

/** The page inside the webview: code-server nests it in two iframes. */
function webview(): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function screenshotOnFailure(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const file = await screenshot(page, `failed-network-${name.replace(/\W+/g, '-')}`).catch(() => 'none');
    throw Object.assign(error as Error, { message: `${(error as Error).message}\nScreenshot: ${file}` });
  }
}

function uiTest(name: string, body: () => Promise<void>): void {
  test(name, () => screenshotOnFailure(name, body), STEP_TIMEOUT);
}

describe('Histmark: Show Network and Show Timeline in a real VS Code', () => {
  beforeAll(async () => {
    ensureCodeServer();
    tmp = mkdtempSync(path.join(tmpdir(), 'histmark-e2e-network-'));
    const workspace = path.join(tmp, 'workspace');
    const extensionsDir = path.join(tmp, 'extensions');
    cpSync(samples, workspace, { recursive: true });
    installExtension(packageExtension(path.join(tmp, 'histmark.vsix')), extensionsDir);
    // What the graph should show, from the model the server runs on.
    const index = new WorkspaceIndex();
    await loadWorkspaceFolder(index, nodeFileSystem, workspace);
    expected = networkView(index, [workspace]);
    expectedTimeline = timeline(index);
    const settings = { 'remote.autoForwardPorts': false };
    codeServer = await startCodeServer({ folder: workspace, extensionsDir, userDataDir: path.join(tmp, 'user-data'), settings });
    browser = await launchBrowser();
    page = await openWorkbench(browser, codeServer.url);
    const status = page.locator('.statusbar-item', { hasText: `Histmark: ${[...index.documents()].length} documents` });
    await screenshotOnFailure('startup', () => status.waitFor({ timeout: 60_000 }));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await codeServer?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** What the graph shows: the entities of `kinds` linked by quotes or mentions (co-occurrence and unlinked entities are off at first). */
  function shown(kinds: (k: string) => boolean): { nodes: number; edges: number } {
    const visible = new Set(expected.nodes.filter((n) => kinds(n.kind)).map((n) => n.id));
    const edges = expected.edges.filter((e) => e.type !== 'co-occurs' && visible.has(e.source) && visible.has(e.target));
    return { nodes: new Set(edges.flatMap((e) => [e.source, e.target])).size, edges: edges.length };
  }

  async function counts(): Promise<{ nodes: number; edges: number }> {
    const status = webview().locator('#status');
    return { nodes: Number(await status.getAttribute('data-nodes')), edges: Number(await status.getAttribute('data-edges')) };
  }

  uiTest('the network webview draws who quotes and mentions whom in the samples on a canvas', async () => {
    await runCommand(page, 'Histmark: Show Network');
    await webview().locator('#status[data-nodes]').waitFor({ timeout: 60_000 });
    const all = shown(() => true);
    expect(all.nodes).toBeGreaterThan(100);
    expect(await counts()).toEqual(all);
    await expect.poll(() => webview().locator('#graph canvas').count(), POLL).toBeGreaterThan(0);
    await screenshot(page, 'network-1-graph');
  });

  uiTest('the filters: without works, and with the links of entities named together', async () => {
    await webview().locator('input[name="kind"][value="work"]').uncheck();
    const withoutWorks = shown((kind) => kind !== 'work');
    await expect.poll(counts, POLL).toEqual(withoutWorks);
    await screenshot(page, 'network-2-no-works');
    await webview().locator('input[name="edge"][value="co-occurs"]').check();
    await webview().locator('input[name="unlinked"]').check();
    const everything = expected.nodes.filter((n) => n.kind !== 'work').length;
    await expect.poll(async () => (await counts()).nodes, POLL).toBe(everything);
    expect((await counts()).edges).toBeGreaterThan(withoutWorks.edges);
    await webview().locator('input[name="edge"][value="co-occurs"]').uncheck();
    await webview().locator('input[name="unlinked"]').uncheck();
    await expect.poll(counts, POLL).toEqual(withoutWorks);
  });

  uiTest('an entity found by name comes to the middle, and a click on it opens its definition', async () => {
    await webview().locator('#search').fill('Enver Hoxha');
    const status = webview().locator('#status');
    await expect.poll(() => status.innerText(), POLL).toContain('1 found');
    await screenshot(page, 'network-3-found');
    const graph = webview().locator('#graph');
    const box = (await graph.boundingBox())!;
    await graph.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.locator('.tab.active[data-resource-name="people.hmd"]').waitFor({ timeout: 30_000 });
    const registry = readFileSync(path.join(samples, 'registry/people.hmd'), 'utf8');
    const line = registry.slice(0, registry.indexOf('@person hoxha:')).split('\n').length;
    const cursor = page.locator('[id="status.editor.selection"]');
    await expect.poll(() => cursor.innerText(), POLL).toBe(`Ln ${line}, Col 1`);
    await screenshot(page, 'network-4-definition');
  });

  uiTest('the timeline shows every dated transcript, event and life; a click opens the transcript', async () => {
    // One webview at a time: the network's frame goes with its editor.
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Histmark: Show Timeline');
    const status = webview().locator('#status[data-items]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.getAttribute('data-items')).toBe(String(expectedTimeline.items.length));
    expect(new Set(expectedTimeline.items.map((i) => i.lane))).toEqual(new Set(['document', 'event', 'life']));
    await screenshot(page, 'timeline-1');
    await webview().locator('.item', { hasText: 'Letter to Comrade Hysni Kapo in Bucharest' }).click();
    await page.locator('.tab.active[data-resource-name="hoxha-letter-to-kapo-1960-06-25.hmd"]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'timeline-2-opened');
  });
});
