// Formats benchmark results as Markdown tables, with the targets of issues 5
// and 13 beside the figures (PASS/MISS), for the terminal and bench/results.md.

import { percentile } from './server.mjs';

const ms = (v) => (v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1));
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

/** Server metrics: one row each, one column per corpus size; targets (set for 10,000 documents) are judged at the largest size measured. */
export function serverTable(rows) {
  const last = rows[rows.length - 1];
  const p = (key, q) => (r) => percentile(r.server[key], q);
  const metrics = [
    ['cold index (initialize → “Indexed”), s', (r) => r.server.indexSeconds, seconds, (v) => v < 5, '< 5 s'],
    ['… and every document diagnosed, s', (r) => r.server.diagnosedSeconds, seconds],
    ['RSS after indexing, MB', (r) => r.server.memoryAfterIndex?.rssMB, mb],
    ['RSS / corpus size', (r) => r.server.memoryAfterIndex && (r.server.memoryAfterIndex.rssMB * 1e6) / r.bytes, (v) => (v === undefined ? '–' : `${v.toFixed(1)}×`), (v) => v <= 3, '≤ 3×'],
    ['peak RSS over the session, MB', (r) => r.server.memoryAtEnd?.peakMB, mb],
    ['keystroke → diagnostics p50, ms', p('keystroke', 50), ms],
    ['keystroke → diagnostics p95, ms', p('keystroke', 95), ms, (v) => v < 10, '< 10 ms'],
    ['hover p50 / p99, ms', (r) => [p('hover', 50)(r), p('hover', 99)(r)], pair, (v) => v[1] < 5, 'p99 < 5 ms'],
    ['definition p50 / p99, ms', (r) => [p('definition', 50)(r), p('definition', 99)(r)], pair, (v) => v[1] < 5, 'p99 < 5 ms'],
    ['completion p50 / p99, ms', (r) => [p('completion', 50)(r), p('completion', 99)(r)], pair, (v) => v[1] < 5, 'p99 < 5 ms'],
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
      ...rows.map((r) => (r.server.failed ? 'failed' : format(value(r)))),
      !ok ? '' : last.server.failed ? target : `${target} ${verdict(ok(value(last)))}`,
    ]),
  );
}

/** Sentences on the server sessions that failed (below the server table). */
export function serverFailures(rows) {
  return rows
    .filter((r) => r.server.failed)
    .map((r) => {
      // V8 prints its last garbage collections before the fatal error itself.
      const [first, ...rest] = r.server.failed.split('\n');
      const fatal = rest.find((line) => line.startsWith('FATAL ERROR')) ?? '';
      return `At ${r.size.toLocaleString('en')} documents the server session failed: ${`${first} ${fatal}`.trim().slice(0, 400)}`;
    })
    .join('\n');
}

export const CACHED_LINT_TARGET_S = 2;
const NO_CACHE = 'n/a (no --cache in this build)';

/** `histmark lint --cache`: a first run into an empty cache and a run after one edit, beside the full lint. */
export function cachedLintTable(rows) {
  return table(
    ['documents', 'full lint s', '--cache, empty cache s', '--cache after one edit s', 'after one edit ÷ full', `after one edit < ${CACHED_LINT_TARGET_S} s`],
    rows.map(({ size, histmark, cachedLint }) => {
      if (!cachedLint.supported) return [size.toLocaleString('en'), seconds(histmark.seconds), NO_CACHE, NO_CACHE, '–', 'n/a'];
      const { cold, afterEdit } = cachedLint;
      return [
        size.toLocaleString('en'),
        seconds(histmark.seconds),
        seconds(cold.seconds),
        seconds(afterEdit.seconds),
        `${(afterEdit.seconds / histmark.seconds).toFixed(2)}×`,
        verdict(afterEdit.seconds < CACHED_LINT_TARGET_S),
      ];
    }),
  );
}

export const LARGE_LINT_TARGET_S = 40;

/** The figures issue 13 sets targets for at 100,000 documents, one column per size. */
export function largeCorpusTable(rows) {
  const cell = (f) => rows.map(f);
  return table(
    ['', ...rows.map((r) => `${r.size.toLocaleString('en')} docs (${(r.bytes / 1e9).toFixed(2)} GB)`), 'target'],
    [
      ['`histmark lint`, s (peak MB)', ...cell((r) => `${seconds(r.histmark.seconds)} (${mb(r.histmark.peakMB)})`), `< ${LARGE_LINT_TARGET_S} s on 2 cores ${verdict(rows.every((r) => r.histmark.seconds < LARGE_LINT_TARGET_S))}`],
      [
        '`histmark lint --cache` after one edit, s',
        ...cell((r) => (r.cachedLint.supported ? seconds(r.cachedLint.afterEdit.seconds) : NO_CACHE)),
        `< ${CACHED_LINT_TARGET_S} s ${verdict(rows.every((r) => r.cachedLint.supported) ? rows.every((r) => r.cachedLint.afterEdit.seconds < CACHED_LINT_TARGET_S) : undefined)}`,
      ],
      ['server cold index (initialize → “Indexed”), s', ...cell((r) => (r.server.failed ? 'failed' : seconds(r.server.indexSeconds))), ''],
      ['server RSS after indexing, MB (× corpus)', ...cell((r) => (r.server.failed ? 'failed' : `${mb(r.server.memoryAfterIndex?.rssMB)} (${((r.server.memoryAfterIndex?.rssMB * 1e6) / r.bytes).toFixed(1)}×)`)), ''],
      ['server peak RSS over the session, MB', ...cell((r) => (r.server.failed ? 'failed' : mb(r.server.memoryAtEnd?.peakMB))), ''],
    ],
  );
}

function pair([a, b]) {
  return `${ms(a)} / ${ms(b)}`;
}

/** Rows of the side-by-side table: label, value of one server's measures, format. */
const EDITOR_METRICS = [
  ['cold start → first workspace-symbol answer, s', (m) => m.coldSeconds, seconds],
  ['server RSS after indexing (at that answer), MB', (m) => m.memoryAfterIndex?.rssMB, mb],
  ['workspace symbols p50, ms', (m) => percentile(m.workspaceSymbol, 50), ms],
  ['workspace symbols p99, ms', (m) => percentile(m.workspaceSymbol, 99), ms],
  ['document symbols of the 730 KB document p99, ms', (m) => percentile(m.documentSymbol, 99), ms],
  ['folding ranges of the 730 KB document p99, ms', (m) => percentile(m.folding, 99), ms],
  ['keystroke → fresh diagnostics p50, ms', (m) => percentile(m.keystroke, 50), ms],
  ['keystroke → fresh diagnostics p95, ms', (m) => percentile(m.keystroke, 95), ms],
];

/** Histmark ÷ Markdown for each metric and corpus size, with both raw figures; lower is better. */
export function editorComparisonTable(rows) {
  const measured = rows.filter((r) => r.comparison);
  return table(
    ['Histmark ÷ Markdown (Histmark / Markdown)', ...measured.map((r) => `${r.size.toLocaleString('en')} docs`)],
    EDITOR_METRICS.map(([label, value, format]) => [
      label,
      ...measured.map(({ comparison: { histmark, markdown } }) => {
        const [h, m] = [value(histmark), value(markdown)];
        if (h === undefined || m === undefined) return `– (${format(h)} / ${format(m)})`;
        return `${(h / m).toFixed(2)}× (${format(h)} / ${format(m)}) ${h < m ? 'ahead' : '**BEHIND**'}`;
      }),
    ]),
  );
}

/** Sentences on the errors the Markdown server answered diagnostic pulls with, if any. */
export function editorComparisonNotes(rows) {
  return rows
    .filter((r) => r.comparison?.markdown.pulls?.failed)
    .map(({ size, comparison: { markdown } }) => {
      const { count, failed, message } = markdown.pulls;
      return `At ${size.toLocaleString('en')} documents the Markdown server answered ${failed} of its ${count} diagnostic pulls with an error (“${message.slice(0, 140)}”): an answer its client gets, timed as such.`;
    })
    .join('\n');
}
