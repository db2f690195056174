// The Show Timeline webview's page: a static shell under a strict
// Content-Security-Policy. The items arrive by postMessage and are written
// with textContent and DOM properties only.

export interface TimelinePageResources {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

function attribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const LANES: [string, string][] = [
  ['document', 'Documents'],
  ['event', 'Events'],
  ['life', 'Lives'],
];

export function timelineHtml(r: TimelinePageResources): string {
  const csp = [`default-src 'none'`, `style-src ${r.cspSource}`, `script-src 'nonce-${r.nonce}'`].join('; ');
  const lanes = LANES.map(([value, label]) => `<label class="filter lane-${value}"><input type="checkbox" name="lane" value="${value}" checked> ${label}</label>`).join('\n      ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attribute(r.styleUri)}">
  <title>Histmark Timeline</title>
</head>
<body>
  <header class="toolbar">
    <fieldset><legend>Show</legend>
      ${lanes}
    </fieldset>
    <label>Zoom <input id="zoom" type="range" min="1" max="20" step="1" value="1"></label>
    <button id="refresh" type="button">Refresh</button>
  </header>
  <main id="timeline" aria-label="Documents, events and lives by date: click one to open it"></main>
  <footer><p id="status" role="status">Loading the timeline…</p></footer>
  <script nonce="${attribute(r.nonce)}" src="${attribute(r.scriptUri)}"></script>
</body>
</html>
`;
}
