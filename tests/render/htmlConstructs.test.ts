// The HTML serialiser, construct by construct, in reading and diplomatic
// mode, against exact HTML.

import { describe, expect, it } from 'vitest';
import { html } from './htmlHelpers';

const K = 'title="Nikita Khrushchev (1894-04-15 – 1971-09-11), person"';

describe('mentions', () => {
  it('are links with the id, source offset, name and dates; a bare @id reads as the name', () => {
    expect(html('He met [Comrade Khrushchev]{@khrushchev} and @hoxha.\n')).toBe(
      `<p id="b0" data-line="0">He met <a class="hm-mention" href="e/khrushchev.html" data-id="khrushchev" data-at="7" ${K}>Comrade Khrushchev</a> and <a class="hm-mention" href="e/hoxha.html" data-id="hoxha" data-at="45" title="Enver Hoxha, person">Enver Hoxha</a>.</p>`,
    );
  });

  it('say the dates each kind has: founded for an organisation, the date of an event, none for a place', () => {
    const titles = [...html('@cpsu, @congress, @moscow.\n').matchAll(/title="([^"]*)"/g)].map((m) => m[1]);
    expect(titles).toEqual(['Communist Party of the Soviet Union (1912 –), organisation', '22nd Congress (1961-10), event', 'Moscow, place']);
  });

  it('of an undefined id are no link; an uncertain identification says so', () => {
    expect(html('They met [X]{@nobody} and [M]{@khrushchev?}.\n')).toBe(
      `<p id="b0" data-line="0">They met <span class="hm-mention hm-undefined" data-id="nobody" data-at="9" title="@nobody: no definition">X</span> and <a class="hm-mention hm-uncertain" href="e/khrushchev.html" data-id="khrushchev" data-at="26" title="Nikita Khrushchev (1894-04-15 – 1971-09-11), person (identification uncertain)">M</a>.</p>`,
    );
  });

  it('with a correction show it in reading mode and the source’s spelling in diplomatic mode, linked either way', () => {
    const text = '[Ramis Alija]{@hoxha sic: Enver Hoxha} spoke.\n';
    const link = (t: string) => `<a class="hm-mention" href="e/hoxha.html" data-id="hoxha" data-at="0" title="Enver Hoxha, person">${t}</a>`;
    expect(html(text)).toBe(`<p id="b0" data-line="0"><span class="hm-corr" title="the source reads: Ramis Alija">${link('Enver Hoxha')}</span> spoke.</p>`);
    expect(html(text, 'diplomatic')).toBe(`<p id="b0" data-line="0"><span class="hm-sic" title="corrected: Enver Hoxha">${link('Ramis Alija')}</span> spoke.</p>`);
  });
});

describe('quotations', () => {
  it('attributed: whose words on hover, the speakers’ ids for the preview', () => {
    expect(html('He said: "We will never give up."{@khrushchev}\n')).toBe(
      '<p id="b0" data-line="0">He said: <span class="hm-quote hm-attributed" data-at="9" data-speaker="khrushchev" title="words of Nikita Khrushchev">"We will never give up."</span></p>',
    );
  });

  it('unattributed (minWords or more): a class and a label readable without colour', () => {
    expect(html('He said: "We will never give up." again.\n')).toBe(
      '<p id="b0" data-line="0">He said: <span class="hm-quote hm-unattributed" data-at="9" title="unattributed quotation">"We will never give up."</span><span class="hm-label">[unattributed]</span> again.</p>',
    );
  });

  it('terms, unknown and described speakers, not-speech', () => {
    expect(html('A "term" here and "words of someone"{@?} and "a hall cry"{@?: the hall} and "scare"{~}.\n')).toBe(
      '<p id="b0" data-line="0">A <span class="hm-quote hm-term" data-at="2">"term"</span> here and <span class="hm-quote hm-speaker-unknown" data-at="18" title="speaker unknown">"words of someone"</span><span class="hm-label">[speaker unknown]</span> and <span class="hm-quote hm-attributed hm-described" data-at="45" title="words of the hall">"a hall cry"</span> and <span class="hm-quote hm-not-speech" data-at="76">"scare"</span>.</p>',
    );
  });

  it('a quotation continued into the next paragraph is labelled once, after its last fragment', () => {
    expect(html('“We will not go there.\n\n“We will stay,” he said.\n')).toBe(
      '<p id="b0" data-line="0"><span class="hm-quote hm-unattributed" data-at="0" title="unattributed quotation">“We will not go there.</span></p>\n' +
        '<p id="b24" data-line="2"><span class="hm-quote hm-unattributed" data-at="24" title="unattributed quotation">“We will stay,”</span><span class="hm-label">[unattributed]</span> he said.</p>',
    );
  });

  it('block quotes: attributed by their last line, or labelled unattributed', () => {
    expect(html('> We will stay here\n> — @khrushchev\n')).toBe(
      `<blockquote id="b0" data-line="0" class="hm-quote hm-attributed" data-speaker="khrushchev" title="words of Nikita Khrushchev"><p>We will stay here</p><footer class="hm-attribution">— <a class="hm-mention" href="e/khrushchev.html" data-id="khrushchev" data-at="24" ${K}>Nikita Khrushchev</a></footer></blockquote>`,
    );
    expect(html('> We will stay here forever.\n')).toBe(
      '<blockquote id="b0" data-line="0" class="hm-quote hm-unattributed" title="unattributed quotation"><p>We will stay here forever.</p><footer class="hm-label">[unattributed]</footer></blockquote>',
    );
  });
});

describe('blocks', () => {
  it('a speaker turn: the label opens its first paragraph; stage directions in italics', () => {
    expect(html('[Comrade Khrushchev]{@khrushchev}: I wanted [(Applause)]{stage} to say.\n\nMore words.\n')).toBe(
      `<div id="b0" data-line="0" class="hm-turn" data-speaker="khrushchev"><p data-line="0"><strong class="hm-speaker"><a class="hm-mention" href="e/khrushchev.html" data-id="khrushchev" data-at="0" ${K}>Comrade Khrushchev</a>:</strong> I wanted <em class="hm-stage">(Applause)</em> to say.</p><p data-line="2">More words.</p></div>`,
    );
  });

  it('headings are flat blocks one level below the page title, each with its source line', () => {
    expect(html('# Part one\n\nText.\n\n## Sub\n\nMore.\n')).toBe(
      '<h2 id="b0" data-line="0" class="hm-head">Part one</h2>\n<p id="b12" data-line="2">Text.</p>\n<h3 id="b19" data-line="4" class="hm-head">Sub</h3>\n<p id="b27" data-line="6">More.</p>',
    );
  });

  it('footnotes: a reference and the note after its block; comments are left out', () => {
    expect(html('A note[^1] here. <!-- check -->\n\n[^1]: The note says @hoxha.\n')).toBe(
      '<p id="b0" data-line="0">A note<sup class="hm-noteref"><a href="#note-1">1</a></sup> here. </p><aside class="hm-notes"><p class="hm-note" id="note-1"><span class="hm-note-label">1</span> The note says <a class="hm-mention" href="e/hoxha.html" data-id="hoxha" data-at="53" title="Enver Hoxha, person">Enver Hoxha</a>.</p></aside>',
    );
  });
});

describe('apparatus', () => {
  const text = 'The [soviet]{sic} and [Krushchov]{sic: Khrushchev} and [word]{?} and [the]{+} and {gap: illegible} and {gap}.\n';

  it('reading: [sic], the correction with the original on hover, [?], supplied in brackets, […] with the reason', () => {
    expect(html(text)).toBe(
      '<p id="b0" data-line="0">The <span class="hm-sic" title="sic: so in the source">soviet</span> <span class="hm-editorial">[sic]</span> and <span class="hm-corr" title="the source reads: Krushchov">Khrushchev</span> and <span class="hm-unclear" title="uncertain reading">word</span><span class="hm-editorial">[?]</span> and <span class="hm-supplied" title="supplied by the editor">[the]</span> and <span class="hm-gap" title="omitted: illegible">[…]</span> and <span class="hm-gap" title="omitted">[…]</span>.</p>',
    );
  });

  it('diplomatic: the source as written — its spelling, no editorial marks, nothing supplied', () => {
    expect(html(text, 'diplomatic')).toBe(
      '<p id="b0" data-line="0">The <span class="hm-sic" title="sic: so in the source">soviet</span> and <span class="hm-sic" title="corrected: Khrushchev">Krushchov</span> and <span class="hm-unclear" title="uncertain reading">word</span> and  and <span class="hm-gap" title="omitted: illegible">[…]</span> and <span class="hm-gap" title="omitted">[…]</span>.</p>',
    );
  });

  it('page breaks (numbers for the margin), foreign words with their language, not-a-mention as plain text', () => {
    const expected =
      '<p id="b0" data-line="0">obvi<span class="hm-pb" data-at="4" title="page 81"><span class="hm-pb-mark">|</span><span class="hm-pb-n">81</span></span>ous and <span class="hm-pb" data-at="19" title="page break"><span class="hm-pb-mark">|</span><span class="hm-pb-n"></span></span> and <i class="hm-foreign" lang="ru" title="language: ru">da</i> and <span class="hm-not-mention">Moscow</span> Observatory.</p>';
    const text2 = 'obvi{pb 81}ous and {pb} and [da]{lang: ru} and [Moscow]{-} Observatory.\n';
    expect(html(text2)).toBe(expected);
    expect(html(text2, 'diplomatic')).toBe(expected);
  });
});

describe('escaping', () => {
  it('markup, javascript: and command: in a transcript are text', () => {
    expect(html('<script>alert(1)</script> [javascript:alert(1)]{@khrushchev} <a href="command:x">go</a> & \'x\'\n')).toBe(
      `<p id="b0" data-line="0">&lt;script&gt;alert(1)&lt;/script&gt; <a class="hm-mention" href="e/khrushchev.html" data-id="khrushchev" data-at="26" ${K}>javascript:alert(1)</a> &lt;a href="command:x"&gt;go&lt;/a&gt; &amp; 'x'</p>`,
    );
  });

  it('names and descriptions from the registry are escaped in attributes', () => {
    const registry = '@person evil: <img src=x onerror=alert(1)> "Bob" \'x\' &amp;\n';
    expect(html('"We will never go."{@evil} @evil\n', 'reading', registry)).toBe(
      '<p id="b0" data-line="0"><span class="hm-quote hm-attributed" data-at="0" data-speaker="evil" title="words of &lt;img src=x onerror=alert(1)&gt; &quot;Bob&quot; &#39;x&#39; &amp;amp;">"We will never go."</span> <a class="hm-mention" href="e/evil.html" data-id="evil" data-at="27" title="&lt;img src=x onerror=alert(1)&gt; &quot;Bob&quot; &#39;x&#39; &amp;amp;, person">&lt;img src=x onerror=alert(1)&gt; "Bob" \'x\' &amp;amp;</a></p>',
    );
  });
});
