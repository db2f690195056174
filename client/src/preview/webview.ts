/// <reference lib="dom" />
// The preview's webview script (bundled for the browser by scripts/build.mjs):
// applies block updates, keeps scroll in step with the editor by source
// line, and sends clicks on mentions and the mode toggle to the extension.
// Block HTML comes escaped from the server's serialiser; the page's CSP
// allows no script but this one.

import type { FromWebview, PreviewBlock, ToWebview } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const content = document.getElementById('content')!;
const title = document.getElementById('title')!;
const toggle = document.getElementById('mode') as HTMLButtonElement;

/** Where we scrolled to ourselves: that scroll is not reported back (no ping-pong with the editor). */
let ownScrollY: number | undefined;

function blockElement(block: PreviewBlock): HTMLElement {
  const element = document.createElement('div');
  element.className = 'hm-block';
  element.dataset.at = String(block.at);
  // Escaped by the server's HtmlWriter: markup from a transcript arrives as text.
  element.innerHTML = block.html;
  return element;
}

/** Moves the positions of a kept block: its lines and offsets shifted by an edit above it. */
function shift(element: HTMLElement, lineDelta: number, atDelta: number): void {
  if (atDelta !== 0) element.dataset.at = String(Number(element.dataset.at) + atDelta);
  for (const node of [element, ...Array.from(element.querySelectorAll<HTMLElement>('[data-line], [data-at]'))]) {
    if (lineDelta !== 0 && node.dataset.line !== undefined) node.dataset.line = String(Number(node.dataset.line) + lineDelta);
    if (atDelta !== 0 && node !== element && node.dataset.at !== undefined) node.dataset.at = String(Number(node.dataset.at) + atDelta);
    if (atDelta !== 0 && /^b\d+$/.test(node.id)) node.id = `b${Number(node.id.slice(1)) + atDelta}`;
  }
}

function update(message: Extract<ToWebview, { type: 'update' }>): void {
  title.textContent = message.title;
  toggle.textContent = message.mode === 'reading' ? 'Reading text — show diplomatic' : 'Diplomatic text — show reading';
  document.body.dataset.mode = message.mode;
  const children = Array.from(content.children) as HTMLElement[];
  for (const element of children.slice(message.start + message.deleteCount)) shift(element, message.lineDelta, message.atDelta);
  for (const element of children.slice(message.start, message.start + message.deleteCount)) element.remove();
  const before = content.children[message.start] ?? null;
  const fragment = document.createDocumentFragment();
  for (const block of message.blocks) fragment.appendChild(blockElement(block));
  content.insertBefore(fragment, before);
}

/** Elements with a source line, in document order. */
function lined(): HTMLElement[] {
  return Array.from(content.querySelectorAll<HTMLElement>('[data-line]'));
}

function scrollToLine(line: number): void {
  const elements = lined();
  let found: HTMLElement | undefined;
  for (const element of elements) {
    if (Number(element.dataset.line) > line) break;
    found = element;
  }
  const target = found ? Math.max(0, Math.round(found.getBoundingClientRect().top + window.scrollY - 8)) : 0;
  const max = document.documentElement.scrollHeight - window.innerHeight;
  if (Math.abs(window.scrollY - Math.min(target, max)) < 2) return;
  ownScrollY = Math.min(target, max);
  window.scrollTo(0, target);
}

function topLine(): number | undefined {
  for (const element of lined()) {
    if (element.getBoundingClientRect().bottom > 1) return Number(element.dataset.line);
  }
  return undefined;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'update') update(message);
  else if (message.type === 'scroll') scrollToLine(message.line);
});

let scrollFrame = 0;
window.addEventListener('scroll', () => {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    if (ownScrollY !== undefined && Math.abs(window.scrollY - ownScrollY) < 2) {
      ownScrollY = undefined;
      return;
    }
    ownScrollY = undefined;
    const line = topLine();
    if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
  });
});

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const mention = target?.closest<HTMLElement>('.hm-mention[data-at]');
  if (mention) {
    event.preventDefault();
    vscode.postMessage({ type: 'open', at: Number(mention.dataset.at) });
    return;
  }
  // Footnote links move within the page; no other link leaves it.
  const link = target?.closest('a');
  if (link && !link.getAttribute('href')?.startsWith('#')) event.preventDefault();
});

toggle.addEventListener('click', () => vscode.postMessage({ type: 'toggleMode' }));
vscode.postMessage({ type: 'ready' });
