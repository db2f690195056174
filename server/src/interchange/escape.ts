// Text from TEI written back as Histmark text that reads as exactly that
// text: every character that could start markup is escaped (SPEC.md 1).

const ALWAYS = new Set(['\\', '[', ']', '{', '}', '@', '"', '“', '”', '„', '«', '»', '‘']);
const SINGLE_MARKS = new Set(["'", '’']);
const LETTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * `lineStart`: whether the text begins a line, where `#`, `>` or `---`
 * would start a block.
 */
export function escapeText(text: string, lineStart = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const atLineStart = i === 0 ? lineStart : text[i - 1] === '\n';
    // An apostrophe between letters is never a quotation mark (SPEC 6.1).
    const apostrophe = SINGLE_MARKS.has(c) && i > 0 && LETTER.test(text[i - 1]) && LETTER.test(text[i + 1] ?? '');
    if (ALWAYS.has(c) || (SINGLE_MARKS.has(c) && !apostrophe) || (atLineStart && (c === '#' || c === '>' || (c === '-' && text.startsWith('---', i)))) || (c === '<' && text.startsWith('<!--', i))) out += '\\' + c;
    else out += c;
  }
  return out;
}
