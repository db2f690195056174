// Histmark ids as XML ids (SPEC.md 14): an id that is not an XML NCName
// (it starts with a digit, say) gets the prefix `_`, which no Histmark id
// can start with, so prefixed ids never collide with unprefixed ones. Ids
// the export makes up (notes, quotation fragments) contain a `.`, which no
// Histmark id contains.

const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NC_NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');

export const ID_PREFIX = '_';

export function isNcName(name: string): boolean {
  return NC_NAME.test(name);
}

export function xmlId(id: string): string {
  return isNcName(id) ? id : ID_PREFIX + id;
}

/** The Histmark id an xml:id (or a `#pointer` without its `#`) stands for. */
export function histmarkId(xmlIdValue: string): string {
  return xmlIdValue.startsWith(ID_PREFIX) ? xmlIdValue.slice(ID_PREFIX.length) : xmlIdValue;
}

export function pointer(id: string): string {
  return `#${xmlId(id)}`;
}
