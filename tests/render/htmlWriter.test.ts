import { describe, expect, it } from 'vitest';
import { HtmlWriter, httpUrl, isSafeHref } from '../../server/src/render/html/htmlWriter';

describe('HtmlWriter', () => {
  it('escapes text and attribute values', () => {
    const w = new HtmlWriter().start('p', { title: `"a" <b> 'c' & d` }).text('<script>&</script>').end();
    expect(w.toString()).toBe('<p title="&quot;a&quot; &lt;b&gt; &#39;c&#39; &amp; d">&lt;script&gt;&amp;&lt;/script&gt;</p>');
  });

  it('drops a link whose target is neither http(s) nor relative', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:x', ' javascript:x', 'command:workbench.action.quit', 'data:text/html,x', 'vbscript:x', 'java\tscript:x']) {
      expect(new HtmlWriter().element('a', { href }, 'x').toString()).toBe('<a>x</a>');
    }
    for (const href of ['https://example.org/a?b#c', 'http://x.org', '../entities/a.html', 'a.html#b12', '#note-1']) {
      expect(isSafeHref(href)).toBe(true);
    }
  });

  it('refuses element and attribute names that are not the renderer’s', () => {
    expect(() => new HtmlWriter().start('p onclick', {})).toThrow();
    expect(() => new HtmlWriter().start('p', { 'x" onclick': 'y' })).toThrow();
  });

  it('httpUrl accepts only absolute http(s) URLs', () => {
    expect(httpUrl(' https://www.wikidata.org/wiki/Q1 ')).toBe('https://www.wikidata.org/wiki/Q1');
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('command:x')).toBeUndefined();
    expect(httpUrl('www.example.org')).toBeUndefined();
  });
});
