// `--format json` writes each diagnostic out directly rather than through
// JSON.stringify: its text must be what stringifying each one (two-space
// indent, unsafe characters escaped) writes, for any path and message.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson, type RelativeReport } from '../../server/src/cli/formats';
import { DIAGNOSTIC_CODES, SEVERITIES } from '../../server/src/model/config';

const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The output as JSON.stringify writes it, item by item. */
function stringified(reports: RelativeReport[]): string {
  const items = reports.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, range: d.range, severity: d.severity, code: d.code, message: d.message })));
  const json = items.map((item) => JSON.stringify(item, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, '\n  '));
  return items.length === 0 ? '[]\n' : `[\n  ${json.join(',\n  ')}\n]\n`;
}

const text = fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\n', '\t', '\u0000', '\u001b', '\u0085', '\u2028', '\u202e', 'é', '𝔄', '/') });
const position = fc.record({ line: fc.nat(10_000), character: fc.nat(500) });
const diagnostic = fc.record({
  code: fc.constantFrom(...DIAGNOSTIC_CODES),
  severity: fc.constantFrom(...SEVERITIES),
  message: text,
  range: fc.record({ start: position, end: position }),
});
const report = fc.record({ path: fc.constant('/w/x.hmd'), file: text, diagnostics: fc.array(diagnostic, { maxLength: 4 }) });

describe('the json format', () => {
  it('writes what stringifying each diagnostic writes', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 4 }), (reports) => {
        const written = [...formatJson(reports)].join('');
        expect(written).toBe(stringified(reports));
        expect(written).not.toMatch(new RegExp(UNSAFE_IN_JSON.source));
      }),
      { numRuns: 500 },
    );
  });
});
