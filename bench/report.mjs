// Formats benchmark results as Markdown tables, with the targets of issue 5
// beside the figures (PASS/MISS), for the terminal and bench/results.md.

import { percentile } from './server.mjs';

const ms = (v) => (v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const seconds = (v) => (v === undefined ? '–' : v.toFixed(2));
const mb = (v) => (v === undefined ? '–' : v.toFixed(0));
const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? '**PASS**' : '**MISS**');

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function corporaTable(corpora) {
  return table(
    ['documents', 'files', 'MB', 'entities', 'planted HM001 / HM005', 'generated'],
    corpora.map(({ size, files, manifest, seconds: s, reused }) => [
      size.toLocaleString('en'),
      files.toLocaleString('en'),
      (manifest.bytes / 1e6).toFixed(1),
      manifest.entities.toLocaleString('en'),
      `${manifest.planted.HM001} / ${manifest.planted.HM005}`,
      reused ? 'reused' : `${s.toFixed(1)} s`,
    ]),
  );
}

export const PARSE_TARGET_MB_S = 50;

export function parseTable(results) {
  return table(
    ['text', 'MB', 'ms per parse', 'MB/s', `target ≥ ${PARSE_TARGET_MB_S} MB/s`],
    results.map(({ label, megabytes, msPerParse, mbPerSecond, target }) => [label, megabytes.toFixed(2), ms(msPerParse), mbPerSecond.toFixed(1), target ? verdict(mbPerSecond >= PARSE_TARGET_MB_S) : '']),
  );
}

export function lintTable(rows) {
  return table(
    ['documents', 'MB', 'histmark lint s', 'MB/s', 'peak MB', 'markdownlint-cli2 s', 'peak MB', 'floor s', 'markdownlint / lint (≥ 10×)', 'lint / floor (≤ 5×)'],
    rows.map(({ size, bytes, histmark, markdownlint, floor }) => {
      const speedup = markdownlint && markdownlint.seconds / histmark.seconds;
      const overFloor = histmark.seconds / floor.seconds;
      return [
        size.toLocaleString('en'),
        (bytes / 1e6).toFixed(1),
        seconds(histmark.seconds),
        (bytes / 1e6 / histmark.seconds).toFixed(1),
        mb(histmark.peakMB),
        seconds(markdownlint?.seconds),
        mb(markdownlint?.peakMB),
        seconds(floor.seconds),
        speedup === undefined ? '–' : `${speedup.toFixed(1)}× ${verdict(speedup >= 10)}`,
        `${overFloor.toFixed(1)}× ${verdict(overFloor <= 5)}`,
      ];
    }),
  );
}

export function cacheTable(rows) {
  return table(
    ['documents', 'full lint s', 'filling the cache s', 'one edit s', 'one edit, fresh checkout s', 'full / one edit', 'peak MB (one edit)'],
    rows.map(({ size, histmark, cached }) => [
      size.toLocaleString('en'),
      seconds(histmark.seconds),
      seconds(cached?.fill.seconds),
      seconds(cached?.oneEdit.seconds),
      seconds(cached?.afterCheckout.seconds),
      cached ? `${(histmark.seconds / cached.oneEdit.seconds).toFixed(1)}×` : '–',
      mb(cached?.oneEdit.peakMB),
    ]),
  );
}

/** Server metrics: one row each, one column per corpus size; targets (set for 10,000 documents) are judged at the largest size measured. */
export function serverTable(rows) {
  const last = rows[rows.length - 1];
  const p = (key, q) => (r) => percentile(r.server[key], q);
  const metrics = [
    ['cold index (initialize → “Indexed”), s', (r) => r.server.indexSeconds, seconds, (v) => v < 5, '< 5 s'],
    ['… and every document diagnosed, s', (r) => r.server.diagnosedSeconds, seconds],
    ['RSS after indexing, MB', (r) => r.server.memoryAfterIndex?.rssMB, mb],
    ['RSS / corpus size', (r) => r.server.memoryAfterIndex && (r.server.memoryAfterIndex.rssMB * 1e6) / r.bytes, (v) => (v === undefined ? '–' : `${v.toFixed(1)}×`), (v) => v < 4, '< 4×'],
    ['peak RSS over the session, MB', (r) => r.server.memoryAtEnd?.peakMB, mb],
    ['keystroke → diagnostics p50, ms', p('keystroke', 50), ms],
    ['keystroke → diagnostics p95, ms', p('keystroke', 95), ms, (v) => v < 20, '< 20 ms'],
    ['hover p50 / p99, ms', (r) => [p('hover', 50)(r), p('hover', 99)(r)], pair, (v) => v[1] < 5, 'p99 < 5 ms'],
    ['definition p50 / p99, ms', (r) => [p('definition', 50)(r), p('definition', 99)(r)], pair, (v) => v[1] < 5, 'p99 < 5 ms'],
    ['completion p50 / p99, ms', (r) => [p('completion', 50)(r), p('completion', 99)(r)], pair],
    ['completion items (last request)', (r) => r.server.completionItems, String],
    ['references p50 / p99, ms', (r) => [p('references', 50)(r), p('references', 99)(r)], pair, (v) => v[1] < 50, 'p99 < 50 ms'],
    ['rename (prepare + rename) p50 / p99, ms', (r) => [p('rename', 50)(r), p('rename', 99)(r)], pair, (v) => v[1] < 50, 'p99 < 50 ms'],
    ['references / rename edits of the busy entity', (r) => `${r.server.referenceCount} / ${r.server.renameEdits}`, String],
  ];
  const header = ['', ...rows.map((r) => `${r.size.toLocaleString('en')} docs`), `target (at ${last.size.toLocaleString('en')})`];
  return table(
    header,
    metrics.map(([label, value, format, ok, target]) => [
      label,
      ...rows.map((r) => format(value(r))),
      ok ? `${target} ${verdict(ok(value(last)))}` : '',
    ]),
  );
}

function pair([a, b]) {
  return `${ms(a)} / ${ms(b)}`;
}
