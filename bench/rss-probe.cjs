'use strict';
// Preloaded into a measured command (`node --require bench/rss-probe.cjs <script> …`). Node reports
// no resource usage of child processes, so the child reports its own: on exit it writes its peak
// resident set size, in bytes, to the file that PHI_BENCH_RSS_FILE names.
const { writeFileSync } = require('node:fs');

const target = process.env.PHI_BENCH_RSS_FILE;
if (target) {
  delete process.env.PHI_BENCH_RSS_FILE;
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
