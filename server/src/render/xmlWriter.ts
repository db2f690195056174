// A small XML writer: every escape happens here (text, attribute values,
// comments) and characters XML 1.0 does not allow are replaced by U+FFFD
// and reported. Output is deterministic: attributes in the order given,
// indentation only where the caller asks for a line break.

export type Attributes = Record<string, string | undefined>;

/** Called for each character XML cannot hold, with its index in the string and the caller's source offset. */
export type IllegalCharacterReport = (code: number, at: number | undefined) => void;

// C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export class XmlWriter {
  private readonly parts: string[] = [];
  private readonly open: string[] = [];
  private tagOpen = false;

  constructor(private readonly onIllegal: IllegalCharacterReport = () => {}) {}

  declaration(): this {
    this.parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
    return this;
  }

  /** Writes a line break and indentation for the current depth (layout only, never inside running text). */
  newline(): this {
    this.closeStartTag();
    this.parts.push('\n' + '  '.repeat(this.open.length));
    return this;
  }

  start(name: string, attributes: Attributes = {}): this {
    this.closeStartTag();
    this.parts.push(`<${name}${this.attributes(attributes)}`);
    this.tagOpen = true;
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end() without an open element');
    if (this.tagOpen) {
      this.parts.push('/>');
      this.tagOpen = false;
    } else {
      this.parts.push(`</${name}>`);
    }
    return this;
  }

  /** Ends the current element after a line break at its own depth (for laid-out blocks). */
  endOnNewLine(): this {
    if (!this.tagOpen) this.parts.push('\n' + '  '.repeat(this.open.length - 1));
    return this.end();
  }

  empty(name: string, attributes: Attributes = {}): this {
    return this.start(name, attributes).end();
  }

  /** `<name attrs>text</name>`. */
  element(name: string, attributes: Attributes, text: string, at?: number): this {
    return this.start(name, attributes).text(text, at).end();
  }

  /** `at`: the source offset of `text`, for reports of characters XML cannot hold. */
  text(text: string, at?: number): this {
    if (text === '') return this;
    this.closeStartTag();
    this.parts.push(escapeText(this.legal(text, at)));
    return this;
  }

  /**
   * An XML comment. `--` cannot appear in one, nor a final `-`: a backslash
   * escapes `\`, a dash after a dash (`a -- b` → `a -\- b`) and ends a final dash; `unescapeComment` undoes it.
   */
  comment(text: string, at?: number): this {
    this.closeStartTag();
    this.parts.push(`<!--${escapeComment(this.legal(text, at))}-->`);
    return this;
  }

  get depth(): number {
    return this.open.length;
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open[this.open.length - 1]}> is never closed`);
    return this.parts.join('');
  }

  private closeStartTag(): void {
    if (this.tagOpen) {
      this.parts.push('>');
      this.tagOpen = false;
    }
  }

  private attributes(attributes: Attributes): string {
    let out = '';
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined) out += ` ${name}="${escapeAttribute(this.legal(value, undefined))}"`;
    }
    return out;
  }

  private legal(text: string, at: number | undefined): string {
    ILLEGAL.lastIndex = 0;
    if (!ILLEGAL.test(text)) return text;
    return text.replace(ILLEGAL, (ch, index: number) => {
      this.onIllegal(ch.charCodeAt(0), at === undefined ? undefined : at + index);
      return '\uFFFD';
    });
  }
}

export function escapeText(text: string): string {
  // `>` too, so that `]]>` never appears; `\r` as a reference, or parsers turn it into `\n`.
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

export function escapeAttribute(text: string): string {
  // Line breaks and tabs as references: attribute-value normalisation would turn them into spaces.
  return text.replace(/[&<"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!);
}

export function escapeComment(text: string): string {
  // A dash after a dash gets a backslash before it; a final dash one after it.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') out += '\\\\';
    else if (c === '-' && text[i - 1] === '-') out += '\\-';
    else out += c;
  }
  return out.endsWith('-') ? out + '\\' : out;
}

export function unescapeComment(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') out += text[i];
    else if (i + 1 < text.length) out += text[++i];
  }
  return out;
}
