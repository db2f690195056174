// The markdown builder behind hover and completion (issue 8, item 14),
// checked by tokenizing what it produces with a real CommonMark engine
// (markdown-it, with HTML and every link scheme allowed, so that nothing is
// hidden by its own safety checks): document text never becomes markup, and
// the only links are the validated, encoded ones.

import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCompletion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { code, documentLink, md, text, webLink } from '../../server/src/features/markdown';
import { loadWorkspace } from '../model/helpers';

interface Token {
  type: string;
  content: string;
  attrGet(name: string): string | null;
  children: Token[] | null;
}
interface MarkdownIt {
  parse(source: string, env: object): Token[];
  validateLink: (url: string) => boolean;
}
const MarkdownItClass = createRequire(import.meta.url)('markdown-it') as new (options: object) => MarkdownIt;
const engine = new MarkdownItClass({ html: true, linkify: true });
engine.validateLink = () => true;

interface Token {
  markup: string;
}

/**
 * Every token, but for the autolinks GFM makes of a bare web address: those
 * show their own target as their text, so they inject nothing (and are
 * checked to be web links).
 */
function tokens(markdown: string): Token[] {
  const all = engine.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  for (const t of all) if (t.markup === 'linkify' && t.type === 'link_open') expect(t.attrGet('href')).toMatch(/^(https?:|mailto:|\/\/)/);
  return all.filter((t) => t.markup !== 'linkify');
}

/** What a reader is shown: the text of a paragraph, code spans included. */
function shown(markdown: string): string {
  return tokens(markdown)
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
}

const MARKUP = ['image', 'link_open', 'html_inline', 'html_block', 'em_open', 'strong_open', 's_open', 'code_inline', 'code_block', 'fence', 'heading_open', 'bullet_list_open', 'ordered_list_open', 'blockquote_open', 'table_open', 'hr'];

describe('text', () => {
  it('any string is shown as itself and never becomes markup', () => {
    // No control characters (markdown-it shows NUL as U+FFFD; whitespace ones it trims unlike JavaScript), no line breaks (they become spaces), nothing only blank.
    const line = fc.string({ unit: fc.oneof(fc.constantFrom(...'\\`*_[]()<>#|~$!&;:-+=.1 \tahttps/'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }).filter((s) => !/[\0-\x08\x0a-\x1f\x7f\u2028\u2029]/.test(s) && s.trim() !== '');
    fc.assert(
      fc.property(line, (s) => {
        const markdown = md`${s}`.source;
        expect(tokens(markdown).filter((t) => MARKUP.includes(t.type))).toEqual([]);
        // Markdown trims spaces and tabs around a paragraph, not other white space (U+00A0 stays, and shows).
        expect(shown(markdown)).toBe(s.replace(/^[ \t]+|[ \t]+$/g, ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('line breaks become spaces, so no block starts inside', () => {
    expect(tokens(text('one\n# two\n- three\n    four\n> five').source).filter((t) => MARKUP.includes(t.type))).toEqual([]);
  });
});

describe('links', () => {
  const HOSTILE_URL = 'https://x/)![t](https://evil.invalid/p.png)[Run](command:workbench.action.terminal.new)';

  it('a hostile url is one link to its own encoded self: no image, no second link', () => {
    const link = webLink(HOSTILE_URL, HOSTILE_URL).source;
    const all = tokens(link);
    expect(all.filter((t) => t.type === 'image')).toEqual([]);
    expect(all.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))).toEqual([
      'https://x/%29!%5Bt%5D%28https://evil.invalid/p.png%29%5BRun%5D%28command:workbench.action.terminal.new%29',
    ]);
    expect(shown(link)).toBe(HOSTILE_URL);
  });

  it('only absolute http(s) URLs are linked; anything else is shown as text', () => {
    for (const url of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,AAAA', '//evil.invalid/x', 'not a url']) {
      const markdown = webLink(url, url).source;
      expect(tokens(markdown).filter((t) => MARKUP.includes(t.type))).toEqual([]);
      expect(shown(markdown)).toBe(url);
    }
  });

  it('a document link encodes what would end it, and takes only file: and untitled: URIs', () => {
    const link = documentLink('Name](command:x)', 'file:///tmp/a)b[c].hmd', 3).source;
    expect(tokens(link).filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))).toEqual(['file:///tmp/a%29b%5Bc%5D.hmd#L3']);
    expect(shown(link)).toBe('Name](command:x)');
    expect(documentLink('x', 'command:evil').source).toBe('x');
  });

  it('a code span holds any backticks', () => {
    const span = code('a `` b').source;
    expect(tokens(span).filter((t) => t.type === 'code_inline').map((t) => t.content)).toEqual(['a `` b']);
  });
});

describe('hover and completion on a hostile registry', () => {
  const HOSTILE_URL = 'https://x/)![t](https://evil.invalid/p.png)[Run](command:workbench.action.terminal.new)';
  const registry = [
    '@org party: The **Party** <img src=https://evil.invalid/o.png>',
    `@person mallory: Mal ![i](https://evil.invalid/n.png) [Run](command:x)`,
    '  aka: <script>alert(1)</script>; [A](command:y)',
    '  role: ![r](https://evil.invalid/r.png)',
    '  member-of: @party',
    `  url: ${HOSTILE_URL}`,
    '  wikidata: Q42',
    '  motto: [m](command:z) &#91;x&#93;(command:w)',
    '  ![d](https://evil.invalid/d.png) and <a href="command:v">v</a>',
    '',
  ].join('\n');

  it('the card has no image, no HTML and links only to validated, encoded targets', async () => {
    const workspace = await loadWorkspace({ 'registry.hmd': registry, 'a.hmd': 'We met @mallory.\n' });
    const value = (hover(workspace.index, workspace.uri('a.hmd'), { line: 0, character: 9 })!.contents as { value: string }).value;
    const item = resolveCompletion(workspace.index, { label: 'mallory', data: { entityId: 'mallory' } });
    for (const markdown of [value, (item.documentation as { value: string }).value]) {
      const all = tokens(markdown);
      expect(all.filter((t) => ['image', 'html_inline', 'html_block'].includes(t.type))).toEqual([]);
      expect(all.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))).toEqual([
        `${workspace.uri('registry.hmd')}#L1`,
        'https://www.wikidata.org/wiki/Q42',
        'https://x/%29!%5Bt%5D%28https://evil.invalid/p.png%29%5BRun%5D%28command:workbench.action.terminal.new%29',
      ]);
      expect(shown(markdown)).toContain('Mal ![i](https://evil.invalid/n.png) [Run](command:x)');
      expect(shown(markdown)).toContain('The **Party** <img src=https://evil.invalid/o.png>');
    }
  });
});
