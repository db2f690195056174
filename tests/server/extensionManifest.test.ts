// The extension manifest (package.json contributes): prose defaults for
// Histmark editors, keybindings that only apply in them, and a Getting
// Started walkthrough whose media exist and whose commands — like every
// Histmark command the README and the guide name — are contributed.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const { contributes } = manifest;

describe('prose defaults', () => {
  it('wraps lines and turns off what gets in the way of reading sources', () => {
    expect(contributes.configurationDefaults['[histmark]']).toMatchObject({
      'editor.wordWrap': 'on',
      // Curly apostrophes and quotation marks are the norm in sources.
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'editor.bracketPairColorization.enabled': false,
      // No word popups while typing prose; '@', '{', '[' and '^' still trigger completion, in quotations too.
      'editor.quickSuggestions': { comments: 'off', strings: 'off', other: 'off' },
    });
  });

  it('binds keys only in Histmark editors', () => {
    for (const binding of contributes.keybindings) expect(binding.when).toContain('editorLangId == histmark');
  });
});

const contributed = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
// VS Code gives every view a focus command.
for (const views of Object.values(contributes.views) as { id: string }[][]) for (const view of views) contributed.add(`${view.id}.focus`);
const titles = new Set<string>(contributes.commands.map((c: { category?: string; title: string }) => `${c.category}: ${c.title}`));

const [walkthrough] = contributes.walkthroughs;
const steps: { id: string; description: string; media: { markdown?: string; image?: string } }[] = walkthrough.steps;

describe('the Getting Started walkthrough', () => {
  it('opens the samples, hovers a person, attributes a quotation, browses entities, exports to TEI, reads the guide', () => {
    expect(steps.map((s) => s.id)).toEqual(['openSamples', 'hoverPerson', 'attributeQuotation', 'entities', 'exportTei', 'guide']);
  });

  it('has a local media file for every step, shipped in the package', () => {
    const shipped = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    for (const step of steps) {
      const media = step.media.markdown ?? step.media.image!;
      expect(existsSync(path.join(ROOT, media)), media).toBe(true);
      expect(shipped).toContain(`!${media.split('/')[0]}/**`);
    }
  });

  it('links only commands that exist: contributed, a view focus, or VS Code’s own', () => {
    const linked = steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
    expect(linked).toContain('histmark.exportDocumentTei');
    for (const id of linked) if (id.startsWith('histmark.')) expect(contributed, id).toContain(id);
    expect(linked.filter((id) => !id.startsWith('histmark.')).every((id) => id.startsWith('workbench.'))).toBe(true);
  });

  it('shows in the README only local images that exist', () => {
    const images = [...readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(path.join(ROOT, image)), image).toBe(true);
  });

  it('names in the README, the guide and the step media only Histmark commands that exist', () => {
    const docs = ['README.md', 'docs/guide.md', ...readdirSync(path.join(ROOT, 'media/walkthrough')).map((f) => `media/walkthrough/${f}`)];
    const named = docs.flatMap((file) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/[*_]+(Histmark: [^*_]+)[*_]+/g)].map((m) => m[1].replace(/\s+/g, ' ')));
    expect(named.length).toBeGreaterThan(2);
    for (const title of named) expect(titles, title).toContain(title);
  });
});
