// The loader reads documents that may define entities before all others
// (mayDefine): a document it wrongly calls a transcript would be diagnosed
// before its own definitions are indexed. It must never miss one.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayDefine } from '../../server/src/model/loader';
import { parse } from '../../server/src/syntax/parse';

const PIECES = ['\ufeff', '{pb 3}', '@person p: P', '@org o', '@place x: X', '@event e', '@work w', '@person', '@perso ', '{@p}', '<!--', '-->', ' ', '\n', '\r\n', '  aka: A', 'text', '> ', '---\n', '@', 'x@person y'];

describe('mayDefine', () => {
  it('is true of every document the parser finds a definition in', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        if (parse(text).definitions.length > 0) expect(mayDefine(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is false of a transcript whose look-alikes are in comments, mid-line or mentions', () => {
    expect(mayDefine('<!-- @person ghost: not a definition -->\nSaid [he]{@hoxha} to @person.\n')).toBe(false);
    expect(mayDefine('Text <!-- a\n@person hidden: H\n--> more\n')).toBe(false);
    expect(mayDefine('Text <!-- a --> b\n@person hoxha: Enver Hoxha\n')).toBe(true);
    expect(mayDefine('@org pla: Party of Labour of Albania\n')).toBe(true);
    // A comment takes no room: the definition after it starts its line.
    expect(mayDefine('<!-- a\nb -->@person p: P\n')).toBe(true);
  });
});
