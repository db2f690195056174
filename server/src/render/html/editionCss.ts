// The edition's one stylesheet: theme-neutral (black on white, system
// fonts), page numbers in the margin, labels that read without colour,
// and a print layout without the navigation.

export const EDITION_CSS = `/* Histmark reading edition */
:root { color-scheme: light; }
body.hm-edition { font-family: Georgia, "Times New Roman", serif; line-height: 1.55; max-width: 42em; margin: 2em auto; padding: 0 4.5em 0 4.5em; color: #111; background: #fff; }
.hm-nav { font-family: system-ui, sans-serif; font-size: 0.9em; margin-bottom: 1.5em; }
a { color: #1a4d8f; }
a.hm-mention { color: inherit; text-decoration: underline dotted #555; text-underline-offset: 0.15em; }
a.hm-mention:hover, a.hm-mention:focus { text-decoration-style: solid; }
.hm-undefined { text-decoration: underline wavy #999; }
.hm-uncertain::after { content: "?"; font-size: 0.7em; vertical-align: super; }
.hm-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; font-family: system-ui, sans-serif; font-size: 0.9em; }
.hm-meta dt { font-weight: 600; }
.hm-meta dd { margin: 0; }
.hm-text p, .hm-text blockquote { position: relative; }
.hm-quote.hm-attributed { border-bottom: 1px dotted #888; }
blockquote.hm-quote { margin: 1em 0 1em 2em; border-left: 3px solid #bbb; border-bottom: none; padding-left: 1em; }
blockquote.hm-unattributed, blockquote.hm-speaker-unknown { border-left-style: dashed; }
.hm-attribution { font-style: italic; }
.hm-label, .hm-editorial { font-family: system-ui, sans-serif; font-size: 0.75em; font-style: normal; color: #444; }
.hm-label { font-weight: 600; margin-left: 0.2em; }
.hm-turn { margin: 0.8em 0; }
.hm-speaker { font-variant: small-caps; }
.hm-stage, .hm-foreign { font-style: italic; }
.hm-sic, .hm-corr { border-bottom: 1px dotted #888; }
.hm-unclear { border-bottom: 1px dashed #888; }
.hm-gap { color: #444; }
.hm-pb-mark { color: #777; }
.hm-pb-n { position: absolute; right: -4em; width: 3.5em; text-align: left; font-family: system-ui, sans-serif; font-size: 0.75em; color: #444; }
.hm-pb-n:not(:empty)::before { content: "p. "; }
.hm-noteref { font-size: 0.75em; }
.hm-notes { font-size: 0.9em; border-top: 1px solid #ddd; margin: 0.5em 0 1em; padding-top: 0.3em; }
.hm-note-label { font-weight: 600; }
.hm-note-label::after { content: "."; }
.hm-kind, .hm-count, .hm-roles, .hm-date { font-family: system-ui, sans-serif; font-size: 0.9em; color: #444; }
.hm-passages li { margin-bottom: 0.8em; }
.hm-context { margin: 0.2em 0 0 1em; font-size: 0.95em; }
.hm-index { list-style: none; padding-left: 1em; text-indent: -1em; }
@media print {
  .hm-nav { display: none; }
  body.hm-edition { max-width: none; margin: 0; padding: 0 5em 0 0; }
  a { color: inherit; text-decoration: none; }
}
`;
