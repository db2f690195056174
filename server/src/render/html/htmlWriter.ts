// A tiny HTML writer: the one place where HTML is escaped. Text and
// attribute values from transcripts and registries pass only through
// `text()` and attribute maps; element and attribute names come from the
// renderer's code, never from content. A link target (`href`) that is not
// http(s) or a relative path is dropped, so `javascript:` and `command:`
// from a transcript can never become live.

export type HtmlAttributes = Record<string, string | undefined>;

/** HTML an HtmlWriter produced: the only markup another writer takes as it is. */
export type SafeHtml = string & { readonly __safeHtml: true };

const VOID = new Set(['br', 'hr', 'meta', 'link', 'img', 'input', 'wbr']);
const NAME = /^[a-z][a-z0-9-]*$/;

export class HtmlWriter {
  private readonly parts: string[] = [];
  private readonly open: string[] = [];

  start(name: string, attributes: HtmlAttributes = {}): this {
    this.parts.push(`<${checkedName(name)}${attributeText(attributes)}>`);
    if (!VOID.has(name)) this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('HtmlWriter.end() without an open element');
    this.parts.push(`</${name}>`);
    return this;
  }

  /** `<name attrs>text</name>`. */
  element(name: string, attributes: HtmlAttributes, text: string): this {
    return this.start(name, attributes).text(text).end();
  }

  text(text: string): this {
    if (text !== '') this.parts.push(escapeHtmlText(text));
    return this;
  }

  /** A line break in the markup between blocks (layout only). */
  newline(): this {
    this.parts.push('\n');
    return this;
  }

  /** Output of another writer, already escaped by it. */
  append(html: SafeHtml): this {
    this.parts.push(html);
    return this;
  }

  toString(): SafeHtml {
    if (this.open.length > 0) throw new Error(`HtmlWriter: <${this.open[this.open.length - 1]}> is never closed`);
    return this.parts.join('') as SafeHtml;
  }
}

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`HtmlWriter: "${name}" is not a name the renderer writes`);
  return name;
}

function attributeText(attributes: HtmlAttributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name === 'href' && !isSafeHref(value)) continue;
    out += ` ${checkedName(name)}="${escapeHtmlAttribute(value)}"`;
  }
  return out;
}

/** An absolute http(s) URL, or a relative link with no scheme (what the edition writes). */
export function isSafeHref(value: string): boolean {
  if (/^https?:\/\/[^\s/?#]+/i.test(value)) return true;
  // Relative: no scheme before the first `/`, `?` or `#`; no control characters or spaces browsers strip.
  return !/^[^/?#]*:/.test(value) && !/[\u0000-\u0020\u007F]/.test(value);
}

/** An http(s) URL from a registry or front matter, or undefined when it is anything else. */
export function httpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>\u0000]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\uFFFD'));
}

export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&<>"'\u0000]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\u0000': '\uFFFD' })[c]!);
}
