// The packaged extension (.vsix) in a real VS Code (code-server + Chromium)
// on a copy of samples/ plus one test document: hover, Go to Definition,
// the Problems panel, a quick fix, completion, the Entities view, Next
// Mention across documents, the Attribute to… picker, the HM002 stub in
// the people registry, the Getting Started walkthrough and a rename
// preview that must add no problems, each
// step saved as a screenshot in test-results/e2e/. The tests run in order
// and share one workbench: step 4 fixes the problem step 3 finds.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listEntities, mentionsByDocument } from '../../server/src/features/entityViews';
import { nodeFileSystem } from '../../server/src/model/fileSystem';
import { loadWorkspaceFolder } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import {
  type CodeServer,
  editorText,
  ensureCodeServer,
  goToPosition,
  installExtension,
  openCodeActions,
  openFileByQuickOpen,
  launchBrowser,
  openFileFromExplorer,
  openWorkbench,
  packageExtension,
  runCommand,
  screenshot,
  showHoverAt,
  startCodeServer,
} from './codeServer';

const samples = path.resolve(__dirname, '../../samples');
const TRANSCRIPT = 'transcripts/memorandum-of-conversation-1957-04-15.hmd';
const TEST_DOC = 'attribution-test.hmd';
const QUOTATION = '"We will not yield to anyone at all."';
const TEST_TEXT = `---
title: End-to-end test of the HM001 quick fix
date: 1960-11-12
source: tests/e2e/extension.test.ts
---

[Comrade Enver Hoxha]{@hoxha} said: ${QUOTATION}
`;
const PICKER_DOC = 'picker-test.hmd';
const PICKED_QUOTATION = '"we have nothing more to discuss today"';
const PICKER_TEXT = `---
title: End-to-end test of the attribution picker and the entity stub
date: 1960-11-12
source: tests/e2e/extension.test.ts
---

[Comrade Mehmet Shehu]{@shehu} and [Comrade Mikoyan]{@mikoyan} talked.

Later the chairman said ${PICKED_QUOTATION}.

Then [Koço Theodhosi]{@theodhosi} arrived.
`;
const STEP_TIMEOUT = 60_000;
/** expect.poll gives up after 1 s by default. */
const POLL = { timeout: 15_000 };

/** 1-based line and column of the first occurrence of `needle` (plus `delta` characters) in `text`. */
function positionOf(text: string, needle: string, delta = 0): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

let tmp: string;
let codeServer: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
let index: WorkspaceIndex;
let workspaceDir: string;

/** Runs `body`; on failure saves a screenshot of the workbench and names it in the error. */
async function screenshotOnFailure(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const file = await screenshot(page, `failed-${name.replace(/\W+/g, '-')}`).catch(() => 'none');
    throw Object.assign(error as Error, { message: `${(error as Error).message}\nScreenshot: ${file}` });
  }
}

function uiTest(name: string, body: () => Promise<void>): void {
  test(name, () => screenshotOnFailure(name, body), STEP_TIMEOUT);
}

describe('Histmark in a real VS Code', () => {
  beforeAll(async () => {
    ensureCodeServer();
    tmp = mkdtempSync(path.join(tmpdir(), 'histmark-e2e-'));
    const workspace = (workspaceDir = path.join(tmp, 'workspace'));
    const extensionsDir = path.join(tmp, 'extensions');
    cpSync(samples, workspace, { recursive: true });
    writeFileSync(path.join(workspace, TEST_DOC), TEST_TEXT);
    writeFileSync(path.join(workspace, PICKER_DOC), PICKER_TEXT);
    installExtension(packageExtension(path.join(tmp, 'histmark.vsix')), extensionsDir);
    // What the views should show, from the model the server runs on.
    index = new WorkspaceIndex();
    await loadWorkspaceFolder(index, nodeFileSystem, workspace);

    // Ports other programs open on this machine must not raise forwarding notices over the steps.
    const settings = { 'remote.autoForwardPorts': false };
    codeServer = await startCodeServer({ folder: workspace, extensionsDir, userDataDir: path.join(tmp, 'user-data'), settings });
    browser = await launchBrowser();
    page = await openWorkbench(browser, codeServer.url);
    // The status bar item counts the documents once the server has indexed them.
    const status = page.locator('.statusbar-item', { hasText: `Histmark: ${[...index.documents()].length} documents` });
    await screenshotOnFailure('startup', () => status.waitFor({ timeout: 60_000 }));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await codeServer?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  uiTest('hovering a mention shows the entity card with the preferred name and dates', async () => {
    await openFileFromExplorer(page, TRANSCRIPT);
    const text = readFileSync(path.join(samples, TRANSCRIPT), 'utf8');
    const at = positionOf(text, '[Comrade Khrushchev]{@khrushchev}', 3);
    const hover = await showHoverAt(page, at.line, at.column);
    await screenshot(page, '1-hover');
    expect(hover.split('\n')[0]).toBe('Nikita Sergeyevich Khrushchev');
    expect(hover).toContain('person · 15 April 1894 – 11 September 1971 · @khrushchev');
    expect(hover).toContain('First Secretary of the Central Committee of the CPSU, 1953–1964');
  });

  uiTest('F12 on a mention opens the registry at the definition', async () => {
    // The cursor is still on the mention of step 1.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F12');
    const registry = readFileSync(path.join(samples, 'registry/people.hmd'), 'utf8');
    const definition = positionOf(registry, '@person khrushchev:', '@person '.length);
    await page.locator('.tab.active[data-resource-name="people.hmd"]').waitFor();
    const cursor = page.locator('[id="status.editor.selection"]');
    await expect.poll(() => cursor.innerText(), POLL).toBe(`Ln ${definition.line}, Col ${definition.column}`);
    await screenshot(page, '2-definition');
  });

  uiTest('the Problems panel shows HM001 for the unattributed quotation', async () => {
    await openFileFromExplorer(page, TEST_DOC);
    await runCommand(page, 'Focus Problems (Errors, Warnings, Infos)');
    const row = problemRow('HM001', 'We will not yield');
    await row.waitFor();
    const at = positionOf(TEST_TEXT, QUOTATION);
    const problem = await row.innerText();
    expect(problem).toContain('We will not yield to anyone at all.');
    expect(problem).toContain(`[Ln ${at.line}, Col ${at.column}]`);
    await screenshot(page, '3-problems');
  });

  uiTest('the quick fix attributes the quotation and the problem disappears', async () => {
    const at = positionOf(TEST_TEXT, QUOTATION, 1);
    await goToPosition(page, at.line, at.column);
    // The preferred fix comes first and has the focus. (A pointer block over the menu swallows clicks.)
    await openCodeActions(page, 'Attribute to Enver Hoxha, mentioned in this sentence: {@hoxha}', { focused: true });
    await screenshot(page, '4a-quick-fix-menu');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page), POLL).toContain(`said: ${QUOTATION}{@hoxha}`);
    await problemRow('HM001', 'We will not yield').waitFor({ state: 'detached' });
    await screenshot(page, '4b-quick-fix-applied');
  });

  uiTest('completion after @ offers entities', async () => {
    await openFileFromExplorer(page, TEST_DOC);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nAnd then @Nik');
    const suggestion = page.locator('.suggest-widget.visible .monaco-list-row', {
      has: page.locator('.label-name', { hasText: /^khrushchev$/ }),
    });
    await suggestion.waitFor();
    await screenshot(page, '5-completion');
    // Accepting the name as typed, kept as the display text, replaces `@Nik`: the list's one range (LSP 3.17 itemDefaults.editRange).
    await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: '[Nikita]{@khrushchev}' }).click();
    await expect.poll(async () => (await editorText(page)).replace(/\n/g, ''), POLL).toContain('And then [Nikita]{@khrushchev}');
    expect(await editorText(page)).not.toContain('@Nik[');
    // Back to the text as typed, which the later steps expect.
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await editorText(page)).replace(/\n/g, ''), POLL).not.toContain('[Nikita]{@khrushchev}');
  });

  uiTest('the Entities view lists entities by kind with their mention counts', async () => {
    // Room for the view: the file tree is not needed any more.
    const folders = page.locator('.pane', { has: page.locator('.explorer-folders-view') }).locator('.pane-header');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await runCommand(page, 'Focus on Histmark Entities View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Histmark Entities' }) });
    const rows = view.locator('.monaco-list-row');
    const entities = listEntities(index);
    // A row reads label then description, e.g. "People 55" or "Alexei Kosygin 1 mention in 1 transcript".
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rowOf = (label: string, description: string) => rows.filter({ hasText: new RegExp(`^${escape(label)}\\s*${escape(description)}$`) });
    // Entities are listed by name, People first and expanded.
    const people = entities.filter((e) => e.kind === 'person');
    await rowOf('People', String(people.length)).waitFor();
    await rowOf(people[0].name, people[0].counts).waitFor();
    await screenshot(page, '6a-entities-view');

    // Collapsed, one row per kind with its number of entities.
    // The view's title actions show while the pointer is over its header.
    await view.locator('.pane-header').hover();
    await view.locator('.pane-header .action-label[aria-label="Collapse All"]').click();
    const groups = { People: 'person', Organisations: 'org', Places: 'place', Events: 'event', Works: 'work' } as const;
    for (const [label, kind] of Object.entries(groups)) {
      const count = entities.filter((e) => e.kind === kind).length;
      if (count > 0) await rowOf(label, String(count)).waitFor();
    }
    await screenshot(page, '6b-entities-view-groups');

    await runCommand(page, 'Histmark: Filter Entities');
    await page.locator('.quick-input-widget input').fill('khrushchev');
    await page.keyboard.press('Enter');
    // The filter matches ids, names and aliases; the tree may keep People collapsed across the refresh.
    const matching = people.filter((e) => [e.id, e.name, ...e.aliases].some((name) => name.toLowerCase().includes('khrushchev')));
    const filteredPeople = rowOf('People', String(matching.length));
    await filteredPeople.waitFor();
    if ((await filteredPeople.getAttribute('aria-expanded')) === 'false') await filteredPeople.click();
    const khrushchev = entities.find((e) => e.id === 'khrushchev')!;
    await rowOf(khrushchev.name, khrushchev.counts).waitFor();
    // Wide enough to show the name and its count in the screenshot.
    await runCommand(page, 'Increase Current View Size');
    await runCommand(page, 'Increase Current View Size');
    await screenshot(page, '6c-entities-view-filtered');
  });

  uiTest('an entity expands to its mentions, transcripts apart from the registry, each row with its kind and context', async () => {
    // The filtered view of step 6 still shows Khrushchev.
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Histmark Entities' }) });
    const rows = view.locator('.monaco-list-row');
    await rows.filter({ hasText: 'Nikita Sergeyevich Khrushchev' }).locator('.monaco-tl-twistie').click();
    await rows.filter({ hasText: /^In transcripts/ }).waitFor();
    await rows.filter({ hasText: /^In the registry/ }).waitFor();
    const [first] = mentionsByDocument(index, 'khrushchev');
    await rows.filter({ hasText: path.basename(decodeURIComponent(first.uri)) }).locator('.monaco-tl-twistie').click();
    const mention = first.mentions[0];
    await rows.filter({ hasText: `${mention.context}${mention.kindLabel} · line ${mention.range.start.line + 1}` }).waitFor();
    await screenshot(page, '6d-entity-mentions');
  });

  uiTest('Next Mention steps through every mention of the entity across documents and wraps with a notice', async () => {
    // A person mentioned a few times in two transcripts, none of them the test document.
    const stopsOf = (id: string) =>
      [...index.mentionsOf(id)]
        .filter((m, k, all) => k === 0 || all[k - 1].mention !== m.mention)
        .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.mention.start - b.mention.start))
        .map(({ uri, mention }) => {
          const { lines } = index.document(uri)!;
          const { line, character } = lines.positionAt(mention.start);
          const end = lines.positionAt(mention.end);
          return {
            file: path.basename(decodeURIComponent(uri)),
            relPath: path.relative(workspaceDir, decodeURIComponent(new URL(uri).pathname)),
            line: line + 1,
            column: character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
          };
        });
    const person = [...index.entities()].find((e) => {
      const docs = index.referencingDocuments(e.id);
      const stops = stopsOf(e.id);
      return e.kind === 'person' && docs.length === 2 && docs.every((d) => index.document(d)!.tree.isRegistry === false) && stops.length >= 3 && stops.length <= 4;
    })!;
    const stops = stopsOf(person.id);
    await openFileByQuickOpen(page, stops[0].relPath);
    await goToPosition(page, stops[0].line, stops[0].column);
    const cursor = page.locator('[id="status.editor.selection"]');
    for (let k = 1; k <= stops.length; k++) {
      const stop = stops[k % stops.length];
      await runCommand(page, 'Histmark: Next Mention');
      await page.locator(`.tab.active[data-resource-name=${JSON.stringify(stop.file)}]`).waitFor();
      // The whole mention is selected, the cursor at its end: two mentions on one line are told apart.
      await expect.poll(() => cursor.innerText(), POLL).toMatch(new RegExp(`^Ln ${stop.endLine}, Col ${stop.endColumn} \\(\\d+ selected\\)$`));
      if (k === 1) await screenshot(page, '7a-next-mention');
    }
    await page.locator('.notification-toast', { hasText: `Histmark: back to the first mention of ${person.displayName}` }).waitFor();
    await screenshot(page, '7b-next-mention-wrapped');
  });

  uiTest('Attribute to… picks from the entities mentioned nearby, or searches all of them', async () => {
    await openFileByQuickOpen(page, PICKER_DOC);
    const at = positionOf(PICKER_TEXT, PICKED_QUOTATION, 1);
    await goToPosition(page, at.line, at.column);
    // No mention in the quotation's paragraph: nothing is preferred, and the picker comes first.
    await openCodeActions(page, 'Attribute to…', { focused: true });
    await page.keyboard.press('Enter');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    // Nearest first: Mikoyan is named closer to the quotation than Shehu.
    await rows.nth(0).filter({ hasText: 'Anastas Mikoyan' }).filter({ hasText: 'in the previous paragraph' }).waitFor();
    await rows.nth(1).filter({ hasText: 'Mehmet Shehu' }).waitFor();
    await rows.filter({ hasText: 'A speaker the source describes…' }).waitFor();
    await screenshot(page, '7c-attribute-picker');
    // Someone not mentioned nearby, found by name (and not Khrushchev, whom the rename step counts).
    const adenauer = [...index.entities()].find((e) => e.displayName === 'Konrad Adenauer')!;
    await page.locator('.quick-input-widget input').fill('Adenauer');
    await rows.filter({ hasText: 'Konrad Adenauer' }).first().waitFor();
    await screenshot(page, '7d-attribute-picker-search');
    await page.keyboard.press('Enter');
    // Prose wraps: the editor may break the line anywhere.
    await expect.poll(async () => (await editorText(page)).replace(/\n/g, ''), POLL).toContain(`said ${PICKED_QUOTATION}{@${adenauer.id}}.`);
  });

  uiTest('Create entity registers a person with the people, named as the mention reads', async () => {
    const at = positionOf(PICKER_TEXT, '{@theodhosi}', 3);
    await goToPosition(page, at.line, at.column);
    await openCodeActions(page, 'Create @person theodhosi: Koço Theodhosi in registry/people.hmd');
    await screenshot(page, '7e-create-entity-menu');
    // The person comes first in the menu.
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Create @person theodhosi' }).waitFor();
    await page.keyboard.press('Enter');
    await openFileByQuickOpen(page, 'registry/people.hmd');
    await page.keyboard.press('Control+End');
    await expect.poll(() => editorText(page), POLL).toContain('@person theodhosi: Koço Theodhosi');
    await screenshot(page, '7f-create-entity-stub');
  });

  uiTest('the Getting Started walkthrough lists its steps and opens the sample transcript', async () => {
    // Room for the walkthrough: the Problems panel of step 3 is not needed any more.
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Histmark' }).click();
    const walkthrough = page.locator('.gettingStartedContainer');
    const steps = ['Open the annotated samples', 'Hover over a person', 'Say whose words a quotation is', 'Browse everybody in the corpus', 'Export a transcript to TEI', 'Read the markup guide'];
    for (const title of steps) await walkthrough.locator('.step-title', { hasText: title }).waitFor();
    await walkthrough.locator('.step-title', { hasText: 'Hover over a person' }).click();
    const button = walkthrough.getByRole('button', { name: 'Open the Memorandum' });
    await button.waitFor();
    await screenshot(page, '8a-walkthrough');
    // The step's button runs Quick Open on the memorandum.
    // On a loaded machine the first click can land before the step's command is ready: click again until Quick Open shows it.
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: path.basename(TRANSCRIPT) });
    await expect
      .poll(async () => {
        if (!(await row.isVisible())) await button.click();
        return row.isVisible();
      }, POLL)
      .toBe(true);
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name=${JSON.stringify(path.basename(TRANSCRIPT))}]`).waitFor();
    await screenshot(page, '8b-walkthrough-opened-transcript');
    // The last step's command shows the guide that ships in the package, rendered.
    await runCommand(page, 'Histmark: Open the Markup Guide');
    await page.locator('.tab.active', { hasText: 'Preview guide.md' }).waitFor();
    // A webview: the page inside the frame inside the frame.
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.getByRole('heading', { name: 'Writing Histmark: a guide for historians' }).waitFor();
    await screenshot(page, '8c-markup-guide');
  });

  uiTest('Export Document as TEI writes the TEI of the transcript and opens it beside the source', async () => {
    await openFileByQuickOpen(page, TRANSCRIPT);
    await runCommand(page, 'Histmark: Export Document as TEI');
    const xml = TRANSCRIPT.replace(/\.hmd$/, '.xml');
    await page.locator(`.tab.active[data-resource-name=${JSON.stringify(path.basename(xml))}]`).waitFor();
    await page.locator('.notification-toast', { hasText: 'Histmark: wrote 1 TEI file to out/tei' }).waitFor();
    expect(readFileSync(path.join(workspaceDir, 'out/tei', xml), 'utf8')).toContain('<TEI xmlns="http://www.tei-c.org/ns/1.0"');
    await screenshot(page, '8d-tei-export');
  });

  uiTest('a rename preview adds no problems: its virtual documents are not workspace documents', async () => {
    await openFileByQuickOpen(page, 'registry/people.hmd');
    const registry = readFileSync(path.join(samples, 'registry/people.hmd'), 'utf8');
    const at = positionOf(registry, '@person khrushchev:', '@person '.length + 1);
    await goToPosition(page, at.line, at.column);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input:focus');
    await input.waitFor();
    await input.fill('nikita-khrushchev');
    await page.keyboard.press('Control+Enter');
    // The preview's diff editor shows the registry as it would be: a document of its own scheme.
    const preview = page.locator('.bulk-edit-panel .monaco-list-row', { hasText: 'people.hmd' }).first();
    await preview.waitFor();
    await preview.click();
    await page.locator('.monaco-diff-editor:visible').first().waitFor();
    await screenshot(page, '9a-rename-preview');
    // A problem made after the preview opened: once it is listed, anything the preview caused would be too.
    await openFileByQuickOpen(page, TEST_DOC);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nMet @after-preview.');
    await runCommand(page, 'Focus Problems (Errors, Warnings, Infos)');
    await problemRow('after-preview').waitFor();
    await screenshot(page, '9b-problems-with-preview-open');
    expect(await problemRow('HM003').count()).toBe(0);
  });
});

/** The Problems panel's row for a marker with this code (and this text: the picker document has an HM001 too). */
function problemRow(code: string, text?: string) {
  const rows = page.locator('.markers-panel .monaco-list-row', { hasText: code });
  return text ? rows.filter({ hasText: text }) : rows;
}
