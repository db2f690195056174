// The XML writer: the one place where text, attributes and comments are escaped.

import { describe, expect, it } from 'vitest';
import { escapeComment, unescapeComment, XmlWriter } from '../../server/src/render/xmlWriter';
import { parseXml, textOf } from './helpers';

describe('XmlWriter', () => {
  it('escapes text and attribute values so that a parser reads them back unchanged', () => {
    const reports: number[] = [];
    const w = new XmlWriter((code) => reports.push(code));
    const text = 'a < b & c > d ]]> "e" \'f\'\r\n\tg';
    const attribute = 'x"y<z&\n\t\r';
    w.start('r', { a: attribute }).text(text).end();
    const dom = parseXml(w.toString());
    expect(textOf(dom)).toBe(text);
    expect(dom.documentElement!.getAttribute('a')).toBe(attribute);
    expect(reports).toEqual([]);
  });

  it('replaces characters XML 1.0 cannot hold and reports each with its source offset', () => {
    const reports: [number, number | undefined][] = [];
    const w = new XmlWriter((code, at) => reports.push([code, at]));
    w.start('r').text('a\u0000b\u000Bc\uD800', 10).end();
    expect(w.toString()).toBe('<r>a\uFFFDb\uFFFDc\uFFFD</r>');
    expect(reports).toEqual([
      [0, 11],
      [0x0b, 13],
      [0xd800, 15],
    ]);
  });

  it('writes comments with -- and a final - in a form XML allows, and reads them back', () => {
    for (const text of ['a -- b', 'ends-', '---', 'back\\slash \\- x', '', '-start']) {
      const w = new XmlWriter();
      w.start('r').comment(text).end();
      const xml = w.toString();
      parseXml(xml);
      expect(xml.slice(7, -7)).not.toMatch(/--|-$/);
      expect(unescapeComment(escapeComment(text))).toBe(text);
    }
  });

  it('writes empty elements as <x/> and refuses to finish with an element open', () => {
    const w = new XmlWriter();
    w.start('a').empty('pb', { n: '12', skipped: undefined }).end();
    expect(w.toString()).toBe('<a><pb n="12"/></a>');
    expect(() => new XmlWriter().start('a').toString()).toThrow('never closed');
  });
});
