/// <reference lib="dom" />
// The Show Timeline webview: one lane each for documents, events and lives,
// on a shared axis of years; an item is a bar (a span, a life) or a mark (a
// day, a month, a season), dashed when its date is approximate. Corpus text
// is written with textContent and the `title` property only.

import type { Timeline, TimelineItem, TimelineLane } from '../../../../server/src/lsp/protocol';
import type { ToExtension, ToWebview } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: ToExtension): void };
const vscode = acquireVsCodeApi();

const LANE_NAMES: Record<TimelineLane, string> = { document: 'Documents', event: 'Events', life: 'Lives' };
const LANES: TimelineLane[] = ['document', 'event', 'life'];
/** Room a label takes, in pixels per character: items whose labels would overlap go on separate rows. */
const CHARACTER_WIDTH = 7;

const root = document.getElementById('timeline')!;
const status = document.getElementById('status')!;
const zoom = document.getElementById('zoom') as HTMLInputElement;
let data: Timeline | undefined;

/** YYYYMMDD as a fractional year. */
function yearOf(day: number, end = false): number {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  const d = day % 100;
  return year + (month - 1) / 12 + (d - (end ? 0 : 1)) / 365;
}

function shownLanes(): Set<string> {
  return new Set([...document.querySelectorAll<HTMLInputElement>('input[name="lane"]:checked')].map((i) => i.value));
}

function tickStep(years: number): number {
  return [1, 2, 5, 10, 20, 50, 100].find((step) => years / step <= 12) ?? 200;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function draw(): void {
  if (!data) return;
  const lanes = shownLanes();
  const items = data.items.map((item, index) => ({ item, index })).filter(({ item }) => lanes.has(item.lane));
  root.replaceChildren();
  status.dataset.items = String(items.length);
  status.textContent = `${items.length} of ${data.items.length} dated items`;
  if (items.length === 0) return;
  let first = Math.min(...items.map(({ item }) => yearOf(item.earliest)));
  let last = Math.max(...items.map(({ item }) => yearOf(item.latest, true)));
  const step = tickStep(last - first);
  first = Math.floor(first / step) * step;
  last = Math.max(Math.ceil(last / step) * step, first + step);
  const track = element('div', 'track');
  track.style.width = `calc(${100 * Number(zoom.value)}% - 3rem)`;
  root.append(track);
  const width = track.getBoundingClientRect().width || 1000;
  const x = (year: number) => ((year - first) / (last - first)) * 100;

  const axis = element('div', 'axis');
  for (let year = first; year <= last; year += step) {
    const tick = element('span', 'tick', String(year));
    tick.style.left = `${x(year)}%`;
    axis.append(tick);
  }
  track.append(axis);

  for (const lane of LANES) {
    const inLane = items.filter(({ item }) => item.lane === lane);
    if (inLane.length === 0) continue;
    const section = element('section', `lane lane-${lane}`);
    section.append(element('h2', 'lane-name', LANE_NAMES[lane]));
    // Greedy rows: an item goes on the first row whose last item (label included) ends before it starts.
    const rowEnds: number[] = [];
    const rows: HTMLElement[] = [];
    for (const { item, index } of inLane) {
      const left = x(yearOf(item.earliest));
      const right = Math.max(x(yearOf(item.latest, true)), left + 0.2);
      const end = Math.max(right, left + ((item.label.length * CHARACTER_WIDTH + 12) / width) * 100);
      let row = rowEnds.findIndex((e) => e <= left);
      if (row === -1) {
        row = rowEnds.length;
        rows.push(element('div', 'row'));
        rowEnds.push(0);
      }
      rowEnds[row] = end;
      rows[row].append(itemButton(item, index, left, right));
    }
    section.append(...rows);
    track.append(section);
  }
}

function itemButton(item: TimelineItem, index: number, left: number, right: number): HTMLButtonElement {
  const button = element('button', `item${item.span ? ' span' : ' mark'}${item.approximate ? ' approximate' : ''}`);
  button.type = 'button';
  button.style.left = `${left}%`;
  button.style.width = `${right - left}%`;
  // The label hangs below the bar, past its end when the bar is short.
  button.append(element('span', 'bar'), element('span', 'label', item.label));
  button.title = `${item.label} — ${item.when}`;
  button.dataset.lane = item.lane;
  button.addEventListener('click', () => vscode.postMessage({ type: 'open', index }));
  return button;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'timeline') {
    data = message.timeline;
    draw();
  } else if (message.type === 'error') status.textContent = message.message;
});
for (const input of document.querySelectorAll('input')) input.addEventListener('input', draw);
window.addEventListener('resize', draw);
document.getElementById('refresh')!.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
vscode.postMessage({ type: 'ready' });
