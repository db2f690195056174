// `histmark export html` as a child process: the pages of the edition, the
// index of names, every internal link resolving, a hostile registry and
// transcript rendered with nothing live, and Chromium rendering it from disk.

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/codeServer';
import { HOSTILE_REGISTRY, HOSTILE_TRANSCRIPT, liveContent } from '../render/htmlHostile';
import { removeTempWorkspaces, runCli, tempWorkspace } from './run';

const REPO = path.resolve(__dirname, '../..');

afterAll(removeTempWorkspaces);

function exportEdition(args: string[], cwd = REPO): string {
  const out = path.join(tempWorkspace({}), 'site');
  const run = runCli(['export', 'html', ...args, '--out', out], cwd);
  expect(run).toMatchObject({ status: 0, stderr: '' });
  return out;
}

function htmlFiles(out: string): string[] {
  return (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/'));
}

function parseHtml(text: string): Document {
  return new DOMParser({ onError: () => {} }).parseFromString(text, 'text/html');
}

function all(dom: Document): Element[] {
  return Array.from(dom.getElementsByTagName('*'));
}

describe('histmark export html', () => {
  const out = exportEdition(['samples']);

  it('writes a page per transcript, a page per entity, the index and one stylesheet', () => {
    const files = htmlFiles(out);
    const transcripts = readdirSync(path.join(REPO, 'samples/transcripts')).map((f) => `transcripts/${f.replace(/\.hmd$/, '.html')}`);
    for (const t of transcripts) expect(files).toContain(t);
    expect(files).toContain('index.html');
    expect(files).toContain('entities/khrushchev.html');
    expect(existsSync(path.join(out, 'histmark.css'))).toBe(true);
    const page = readFileSync(path.join(out, 'transcripts/memorandum-of-conversation-1957-04-15.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain('<link rel="stylesheet" href="../histmark.css">');
    expect(page).toMatch(/<a class="hm-mention" href="\.\.\/entities\/khrushchev\.html" data-id="khrushchev"/);
    expect(page).not.toContain('<script');
  });

  it('indexes names like a printed edition: people by surname, then organisations, places…, with counts', () => {
    const dom = parseHtml(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const headings = Array.from(dom.getElementsByTagName('h3')).map((h) => h.textContent);
    expect(headings.slice(0, 3)).toEqual(['People', 'Organisations', 'Places']);
    const people = Array.from((dom.getElementsByTagName('ul')[1] as Element).getElementsByTagName('li')).map((li) => li.getElementsByTagName('a')[0].textContent!);
    expect(people).toContain('Khrushchev, Nikita Sergeyevich');
    expect(people).toContain('Zhou Enlai');
    const keys = people.map((p) => p.replace(',', ''));
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    const khrushchev = Array.from(dom.getElementsByTagName('li')).find((li) => li.textContent!.startsWith('Khrushchev, Nikita'))!;
    expect(khrushchev.textContent).toMatch(/\d+ mentions in \d+ transcripts/);
  });

  it('an entity page has its card and every passage with a line of context and a link to its block', () => {
    const dom = parseHtml(readFileSync(path.join(out, 'entities/khrushchev.html'), 'utf8'));
    expect(dom.getElementsByTagName('h1')[0].textContent).toBe('Nikita Sergeyevich Khrushchev');
    const passages = Array.from(dom.getElementsByTagName('ol')[0].getElementsByTagName('li'));
    expect(passages.length).toBeGreaterThan(5);
    for (const li of passages) {
      expect(li.getElementsByTagName('a')[0].getAttribute('href')).toMatch(/^\.\.\/transcripts\/[^#]+\.html#b\d+$/);
      expect(li.getElementsByTagName('blockquote')[0].textContent!.length).toBeGreaterThan(0);
    }
  });

  it('has no dead internal link: every relative href names a page that exists and, with #, an id on it', () => {
    const ids = new Map<string, Set<string>>();
    const doms = new Map(htmlFiles(out).map((f) => [f, parseHtml(readFileSync(path.join(out, f), 'utf8'))]));
    for (const [file, dom] of doms) ids.set(file, new Set(all(dom).flatMap((e) => (e.getAttribute('id') ? [e.getAttribute('id')!] : []))));
    let checked = 0;
    for (const [file, dom] of doms) {
      for (const element of all(dom)) {
        const href = element.getAttribute('href');
        if (!href || /^https?:/.test(href)) continue;
        const [target, anchor] = href.split('#');
        const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(target)));
        if (resolved.endsWith('.css')) {
          expect(existsSync(path.join(out, resolved)), `${file}: ${href}`).toBe(true);
          continue;
        }
        expect(ids.has(resolved), `${file}: ${href}`).toBe(true);
        if (anchor !== undefined) expect(ids.get(resolved)!.has(anchor), `${file}: ${href}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('exits 2 without --out, 1 when the paths hold no transcript', () => {
    expect(runCli(['export', 'html', 'samples'], REPO).status).toBe(2);
    expect(runCli(['export', 'html', 'samples/registry', '--out', path.join(tempWorkspace({}), 'x')], REPO).status).toBe(1);
  });
});

describe('export html of a hostile registry and transcript', () => {
  const out = exportEdition(['.'], tempWorkspace({ 'histmark.json': '{}', 'registry.hmd': HOSTILE_REGISTRY, 'doc.hmd': HOSTILE_TRANSCRIPT }));

  it('renders every string as text: no script or embedded element, no on* attribute, no link but http(s) or relative', () => {
    const files = htmlFiles(out);
    expect(files.sort()).toEqual(['doc.html', 'entities/evil.html', 'index.html']);
    for (const file of files) {
      expect(liveContent(parseHtml(readFileSync(path.join(out, file), 'utf8'))), file).toEqual([]);
    }
    const doc = parseHtml(readFileSync(path.join(out, 'doc.html'), 'utf8'));
    expect(doc.getElementsByTagName('main')[0].textContent).toContain('<script>alert(11)</script> javascript:alert(12) said');
    expect(doc.getElementsByTagName('h1')[0].textContent).toBe('<script>alert(9)</script>" onload="x');
    const card = readFileSync(path.join(out, 'entities/evil.html'), 'utf8');
    expect(card).toContain('<dd>javascript:alert(3)</dd>');
    expect(card).toContain('href="https://www.wikidata.org/wiki/Q1%22%20onclick%3D%22alert(5)"');
  });
});

describe('Chromium renders the edition from disk', () => {
  it('opens the index from file:// with its text and styles, and follows a link to a transcript', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(pathToFileURL(path.join(out(), 'index.html')).href);
      await expect.poll(() => page.locator('h2').first().textContent()).toBe('Transcripts');
      expect(await page.locator('body').innerText()).toContain('Khrushchev, Nikita Sergeyevich');
      expect(await page.evaluate<string>('getComputedStyle(document.body).fontFamily')).toContain('Georgia');
      const shots = path.join(REPO, 'test-results/export-html');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'index.png'), fullPage: false });
      await page.locator('ul.hm-contents a', { hasText: 'Memorandum' }).first().click();
      await expect.poll(() => page.url()).toMatch(/transcripts\/memorandum-of-conversation-1957-04-15\.html$/);
      expect(await page.locator('main').innerText()).toContain('Khrushchev');
      await page.screenshot({ path: path.join(shots, 'transcript.png'), fullPage: false });
    } finally {
      await browser.close();
    }
  }, 60_000);

  let site: string | undefined;
  function out(): string {
    site ??= exportEdition(['samples']);
    return site;
  }
});
