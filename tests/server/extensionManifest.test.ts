// The extension manifest (package.json contributes): prose defaults for
// Histmark editors, and keybindings that only apply in them.

import { readFileSync } from 'node:fs';
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
