// Reading TEI with @xmldom/xmldom: element children by local name (with or
// without the TEI namespace), attributes, positions for messages.

import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export interface XmlPosition {
  line: number;
  column: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: XmlPosition,
  ) {
    super(message);
  }
}

export function parseTei(xml: string): Document {
  try {
    return new DOMParser({ onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    } }).parseFromString(xml, 'text/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    throw new XmlSyntaxError((error as Error).message.split('\n')[0], { line: locator?.lineNumber ?? 1, column: locator?.columnNumber ?? 1 });
  }
}

export function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

export function nodes(parent: Node): Node[] {
  return Array.from(parent.childNodes as unknown as Node[]);
}

export function children(parent: Node, name?: string): Element[] {
  return nodes(parent).filter((n): n is Element => isElement(n) && (name === undefined || n.localName === name));
}

export function child(parent: Node | undefined, name: string): Element | undefined {
  return parent ? children(parent, name)[0] : undefined;
}

/** Every descendant element named `name`, in document order. */
export function descendants(parent: Node, name: string): Element[] {
  return Array.from((parent as Element).getElementsByTagName('*') as unknown as Element[]).filter((e) => e.localName === name);
}

export function attr(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? element.getAttribute(name)! : undefined;
}

export function position(node: Node): XmlPosition {
  const n = node as unknown as { lineNumber?: number; columnNumber?: number };
  return { line: n.lineNumber ?? 1, column: n.columnNumber ?? 1 };
}

export function textContent(node: Node): string {
  return (node as unknown as { textContent: string | null }).textContent ?? '';
}

/** Ids a pointer list names: `#a #b` → a, b; `file.xml#a` → a. */
export function pointerIds(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((v) => v !== '').map((v) => v.slice(v.lastIndexOf('#') + 1)).filter((v) => v !== '');
}
