// A hostile registry and transcript: markup, event handlers, javascript:
// and command: links in names, fields, descriptions, front matter and text.
// `liveContent` lists what of a parsed page would be live.

import type { Document, Element } from '@xmldom/xmldom';

export const HOSTILE_REGISTRY = `@person evil: <script>alert(1)</script> Evil" onmouseover="alert(2)
  aka: command:workbench.action.quit
  role: <img src=x onerror=alert(4)>
  url: javascript:alert(3)
  wikidata: Q1" onclick="alert(5)
  sort-as: "><script>alert(6)</script>

  A description with <script>alert(7)</script>, javascript:alert(8) and
  <a href="command:workbench.action.quit">a command link</a>.
`;

export const HOSTILE_TRANSCRIPT = `---
title: <script>alert(9)</script>" onload="x
url: javascript:alert(10)
source: <iframe src="command:x"></iframe>
---
<script>alert(11)</script> [javascript:alert(12)]{@evil} said
"<b onmouseover=alert(13)>we go</b> now"{@evil} to @evil and
[<a href="javascript:alert(14)">x</a>]{sic: <img src=y onerror=alert(15)>} {gap: " onmouseover="alert(16)}
`;

/** Elements that load or run something, on* attributes, links that are neither http(s) nor relative. */
export function liveContent(dom: Document): string[] {
  const found: string[] = [];
  for (const element of Array.from(dom.getElementsByTagName('*')) as Element[]) {
    if (['script', 'img', 'iframe', 'b', 'object', 'embed', 'style'].includes(element.localName!)) found.push(`<${element.localName}>`);
    for (const attribute of Array.from(element.attributes)) if (/^on/i.test(attribute.name)) found.push(`${attribute.name}=`);
    const href = element.getAttribute('href');
    if (href && !/^(https?:\/\/|[^:]*$)/.test(href)) found.push(`href=${href}`);
  }
  return found;
}
