// Preloaded (`node --require`) into a measured command where GNU time is
// missing: writes the process's peak resident memory (KB) when it exits.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.HISTMARK_BENCH_MAX_RSS, String(process.resourceUsage().maxRSS));
});
