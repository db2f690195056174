import { describe, expect, it } from 'vitest';
import { excerpt } from '../../server/src/render/html/passages';

describe('excerpt', () => {
  it('keeps a short text whole and centres a long one on the name, with ellipses', () => {
    expect(excerpt('Short text about Hoxha.', 'Hoxha')).toBe('Short text about Hoxha.');
    const long = 'a '.repeat(200) + 'Enver Hoxha' + ' b'.repeat(200);
    const cut = excerpt(long, 'Enver Hoxha');
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
    expect(cut).toContain('Enver Hoxha');
    expect(cut.length).toBeLessThanOrEqual(162);
  });

  it('never cuts a surrogate pair', () => {
    const long = '𝔄'.repeat(200) + ' Hoxha ' + '𝔅'.repeat(200);
    for (const cut of [excerpt(long, 'Hoxha'), excerpt('x' + long, 'Hoxha')]) {
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});
