/// <reference lib="dom" />
// The Show Network webview: draws the network the extension posts with
// Cytoscape.js (bundled into this script, nothing loaded from elsewhere).
// Filters by entity kind and link type, finds entities by name, and asks the
// extension to open an entity's definition when it is clicked. Corpus text
// reaches the page only as canvas labels and through textContent.

import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import type { NetworkView, NetworkViewEdge, NetworkViewNode } from '../../../../server/src/lsp/protocol';
import type { ToExtension, ToWebview } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: ToExtension): void };
const vscode = acquireVsCodeApi();

const KIND_COLOURS: Record<NetworkViewNode['kind'], [string, string]> = {
  person: ['--vscode-charts-blue', '#3794ff'],
  org: ['--vscode-charts-orange', '#d18616'],
  place: ['--vscode-charts-green', '#89d185'],
  event: ['--vscode-charts-red', '#f14c4c'],
  work: ['--vscode-charts-purple', '#b180d7'],
};
const KIND_NAMES: Record<NetworkViewNode['kind'], string> = { person: 'person', org: 'organisation', place: 'place', event: 'event', work: 'work' };
const EDGE_COLOURS: Record<NetworkViewEdge['type'], [string, string]> = {
  quotes: ['--vscode-charts-yellow', '#cca700'],
  mentions: ['--vscode-descriptionForeground', '#8b8b8b'],
  'co-occurs': ['--vscode-disabledForeground', '#6b6b6b'],
};

const graph = document.getElementById('graph')!;
const status = document.getElementById('status')!;
const details = document.getElementById('details')!;
const search = document.getElementById('search') as HTMLInputElement;
let cy: Core | undefined;
let view: NetworkView | undefined;

/** A theme colour as Cytoscape reads it: `#rrggbbaa` and `#rgba` lose their alpha. */
function colour([variable, fallback]: [string, string]): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})(?:[0-9a-f]{2}|[0-9a-f])?$/i.exec(value);
  return hex ? `#${hex[1]}` : value;
}

/** Styles from the theme's colours: re-applied when the theme changes. */
function styles(): StylesheetJson {
  const foreground = colour(['--vscode-editor-foreground', '#cccccc']);
  const background = colour(['--vscode-editor-background', '#1e1e1e']);
  const focus = colour(['--vscode-focusBorder', '#007fd4']);
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(name)',
        color: foreground,
        // Big entities keep their names when zoomed out; the others show theirs closer in.
        'font-size': 'data(fontSize)',
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': background,
        'text-outline-width': 2,
        'border-width': 1,
        'border-color': background,
      },
    },
    ...Object.entries(KIND_COLOURS).map(([kind, c]) => ({ selector: `node[kind = "${kind}"]`, style: { 'background-color': colour(c) } })),
    {
      selector: 'edge',
      style: { width: 'data(width)', 'curve-style': 'bezier', opacity: 0.55, 'arrow-scale': 0.9 },
    },
    ...Object.entries(EDGE_COLOURS).map(([type, c]) => ({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': colour(c),
        'target-arrow-color': colour(c),
        'target-arrow-shape': type === 'co-occurs' ? 'none' : 'triangle',
        'line-style': type === 'co-occurs' ? 'dashed' : 'solid',
        opacity: type === 'quotes' ? 0.9 : 0.55,
      },
    })),
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'node.match, node:selected', style: { 'border-width': 3, 'border-color': focus } },
  ] as StylesheetJson;
}

function elementsOf(network: NetworkView): ElementDefinition[] {
  const nodes = network.nodes.map((n) => {
    const total = n.counts.mentions + n.counts.quotations + n.counts.turns;
    const size = Math.min(12 + 5 * Math.sqrt(total), 80);
    return { data: { id: n.id, name: n.name, kind: n.kind, size, fontSize: Math.round(9 + size / 4) } };
  });
  const edges = network.edges.map((e) => ({
    // Quotations are few and the point of the view: drawn heavier.
    data: { id: `${e.type} ${e.source} ${e.target}`, source: e.source, target: e.target, type: e.type, weight: e.weight, width: Math.min((e.type === 'quotes' ? 2.5 : 1) + 1.5 * Math.log2(e.weight), 10) },
  }));
  return [...nodes, ...edges];
}

function checked(name: string): Set<string> {
  return new Set([...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value));
}

function layout(core: Core): void {
  core.elements(':visible').layout({ name: 'cose', animate: false, randomize: true, idealEdgeLength: () => 100, edgeElasticity: () => 100, nodeRepulsion: () => 400_000, gravity: 60, componentSpacing: 60, padding: 30 }).run();
}

function showStatus(core: Core, extra = ''): void {
  const nodes = core.nodes(':visible').length;
  const edges = core.edges(':visible').length;
  status.dataset.nodes = String(nodes);
  status.dataset.edges = String(edges);
  status.textContent = `${nodes} of ${view!.nodes.length} entities, ${edges} of ${view!.edges.length} links${extra}${view!.warning ? ` · ${view!.warning}` : ''}`;
}

function applyFilters(): void {
  if (!cy) return;
  const kinds = checked('kind');
  const types = checked('edge');
  const unlinked = checked('unlinked').size > 0;
  cy.batch(() => {
    cy!.nodes().forEach((n) => void n.toggleClass('hidden', !kinds.has(n.data('kind'))));
    cy!.edges().forEach((e) => void e.toggleClass('hidden', !types.has(e.data('type')) || e.source().hasClass('hidden') || e.target().hasClass('hidden')));
    if (!unlinked) cy!.nodes().forEach((n) => void (n.connectedEdges().not('.hidden').length === 0 && n.addClass('hidden')));
  });
  layout(cy);
  applySearch();
}

function matches(): cytoscape.NodeCollection | undefined {
  const query = search.value.trim().toLocaleLowerCase();
  if (!cy || query === '') return undefined;
  return cy.nodes(':visible').filter((n) => String(n.data('name')).toLocaleLowerCase().includes(query) || n.id().toLocaleLowerCase().includes(query));
}

function applySearch(): void {
  if (!cy) return;
  const found = matches();
  cy.batch(() => {
    cy!.elements().removeClass('faded match');
    if (!found) return;
    cy!.elements(':visible').not(found).addClass('faded');
    found.addClass('match');
  });
  if (found && found.length > 0) {
    // One match is brought to the middle, where a click opens it.
    if (found.length === 1) {
      cy.zoom(Math.max(cy.zoom(), 1.2));
      cy.center(found);
    } else cy.fit(found, 60);
  }
  showStatus(cy, found ? ` · ${found.length} found` : '');
}

function describe(node: NodeSingular): void {
  const n = view?.nodes.find((v) => v.id === node.id());
  if (!n) return;
  const c = n.counts;
  details.textContent = `${n.name} (${KIND_NAMES[n.kind]}, @${n.id}): ${c.mentions} mentions, ${c.quotations} quotations, ${c.turns} turns in ${c.documents} transcripts. Click to open its definition.`;
}

function draw(network: NetworkView): void {
  view = network;
  cy?.destroy();
  cy = cytoscape({ container: graph, elements: elementsOf(network), style: styles(), minZoom: 0.1, maxZoom: 4 });
  cy.on('tap', 'node', (event) => vscode.postMessage({ type: 'open', id: event.target.id() }));
  cy.on('mouseover', 'node', (event) => describe(event.target));
  applyFilters();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'network') draw(message.view);
  else if (message.type === 'error') status.textContent = message.message;
});
for (const input of document.querySelectorAll('input[type="checkbox"]')) input.addEventListener('change', applyFilters);
search.addEventListener('input', applySearch);
search.addEventListener('keydown', (event) => {
  const found = matches();
  if (event.key === 'Enter' && found?.length === 1) vscode.postMessage({ type: 'open', id: found.first().id() });
});
document.getElementById('refresh')!.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
// VS Code changes the body's class with the colour theme.
new MutationObserver(() => cy?.style(styles())).observe(document.body, { attributes: true, attributeFilter: ['class'] });
vscode.postMessage({ type: 'ready' });
