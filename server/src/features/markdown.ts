// The one place where hover and completion markdown is built (after
// vscode-markdown-languageservice's mdBuilder). Text from documents is
// escaped here, and link destinations are validated and encoded here, so no
// caller can forget: a `url:` value such as
// `https://x/)![t](https://evil.invalid/p.png)` stays one link, never an image
// or a second link. Markdown is a type of its own: a plain string put into the
// `md` template is always escaped as text.

import { isHttpUrl } from './diagnostics/metadata';

const TRUSTED = Symbol('markdown from this module');

export class Markdown {
  constructor(
    readonly source: string,
    key: typeof TRUSTED,
  ) {
    if (key !== TRUSTED) throw new TypeError('Markdown is made by features/markdown.ts only.');
  }

  toString(): string {
    return this.source;
  }
}

function trusted(source: string): Markdown {
  return new Markdown(source, TRUSTED);
}

/**
 * Text shown as itself: every character that can open inline markup
 * (emphasis, code, links and images, HTML, tables, strikethrough, theme icons
 * `$(…)`, entities) is backslash-escaped, and so is what would start a block
 * at the start of a paragraph (`-`, `+`, `=`, `1.`). Line breaks become
 * spaces, so that no block can start inside. Other punctuation is left as it
 * is: `1894-04-15` stays readable in the raw markdown.
 */
export function text(value: string | number): Markdown {
  return trusted(
    String(value)
      .replace(/\r\n?|[\n\u2028\u2029]/g, ' ')
      // Indentation at the start of a paragraph would make a code block; elsewhere it shows as one space anyway.
      .replace(/^[ \t]+/, '')
      .replace(/[\\`*_[\]<>#|~$]/g, '\\$&')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      .replace(/^[-+=]/, '\\$&')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2'),
  );
}

/** Markdown written in the code: the literal parts are trusted, every interpolated string is escaped as text. */
export function md(strings: TemplateStringsArray, ...values: (Markdown | string | number)[]): Markdown {
  let out = strings[0];
  values.forEach((value, i) => {
    out += (value instanceof Markdown ? value : text(value)).source + strings[i + 1];
  });
  return trusted(out);
}

export function join(parts: readonly Markdown[], separator: Markdown): Markdown {
  return trusted(parts.map((p) => p.source).join(separator.source));
}

/** An inline code span: fenced with more backticks than it holds, on one line. */
export function code(value: string): Markdown {
  const oneLine = value.replace(/\r\n?|[\n\u2028\u2029]/g, ' ');
  const longest = Math.max(0, ...Array.from(oneLine.matchAll(/`+/g), ([run]) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return trusted(`${fence}${pad}${oneLine}${pad}${fence}`);
}

/** Characters kept as they are in a link destination: no `(`, `)`, `[`, `]`, `<`, `>`, `\`, backtick or space can end it or start markup. */
const DESTINATION_SAFE = /[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/;

/** A parsed URL written so that markdown reads all of it, and only it, as the destination. */
function destination(url: URL): string {
  // The serialized URL is ASCII; encodeURIComponent leaves only `(` and `)` of what is left as they are.
  return Array.from(url.href, (c) => (DESTINATION_SAFE.test(c) ? c : c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c))).join('');
}

/** `label` linked to `url` when it is a valid absolute http(s) URL; otherwise the label as text. */
export function webLink(label: string | Markdown, url: string): Markdown {
  const shown = label instanceof Markdown ? label : text(label);
  return isHttpUrl(url) ? trusted(`[${shown.source}](${destination(new URL(url))})`) : shown;
}

/** `label` linked to a line (1-based) of a workspace document (`file:` or `untitled:`); otherwise the label alone. */
export function documentLink(label: string | Markdown, uri: string, line?: number): Markdown {
  const shown = label instanceof Markdown ? label : text(label);
  const valid = URL.canParse(uri) ? new URL(uri) : undefined;
  if (valid?.protocol !== 'file:' && valid?.protocol !== 'untitled:') return shown;
  if (line !== undefined) valid.hash = `L${line}`;
  return trusted(`[${shown.source}](${destination(valid)})`);
}
