// The Show Network webview's page: a static shell (toolbar, canvas, status
// line) under a strict Content-Security-Policy. Nothing from the corpus is
// put into this HTML: the script receives the network by postMessage and
// writes names only as canvas labels and through textContent.

export interface NetworkPageResources {
  /** `webview.cspSource`: where styles (and the script) may come from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

const KIND_FILTERS: [string, string][] = [
  ['person', 'People'],
  ['org', 'Organisations'],
  ['place', 'Places'],
  ['event', 'Events'],
  ['work', 'Works'],
];

const EDGE_FILTERS: [string, string][] = [
  ['quotes', 'Quotes'],
  ['mentions', 'Mentions'],
  ['co-occurs', 'Named together'],
];

/** Named together (co-occurrence) is most of the links: shown when asked for. */
const SHOWN_AT_FIRST = new Set(['person', 'org', 'place', 'event', 'work', 'quotes', 'mentions']);

function attribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function checkboxes(name: string, filters: [string, string][]): string {
  return filters.map(([value, label]) => `<label class="filter filter-${value}"><input type="checkbox" name="${name}" value="${value}"${SHOWN_AT_FIRST.has(value) ? ' checked' : ''}> ${label}</label>`).join('\n      ');
}

export function networkHtml(r: NetworkPageResources): string {
  const csp = [`default-src 'none'`, `style-src ${r.cspSource}`, `img-src ${r.cspSource} data:`, `script-src 'nonce-${r.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attribute(r.styleUri)}">
  <title>Histmark Network</title>
</head>
<body>
  <header class="toolbar">
    <fieldset><legend>Entities</legend>
      ${checkboxes('kind', KIND_FILTERS)}
    </fieldset>
    <fieldset><legend>Links</legend>
      ${checkboxes('edge', EDGE_FILTERS)}
    </fieldset>
    <label><input type="checkbox" name="unlinked" value="shown"> Entities without links</label>
    <input id="search" type="search" placeholder="Find an entity by name (Enter opens it)" aria-label="Find an entity by name">
    <button id="refresh" type="button">Refresh</button>
  </header>
  <main id="graph" aria-label="Who quotes whom, who mentions whom: click an entity to open its definition"></main>
  <footer><p id="status" role="status">Loading the network…</p><p id="details"></p></footer>
  <script nonce="${attribute(r.nonce)}" src="${attribute(r.scriptUri)}"></script>
</body>
</html>
`;
}
