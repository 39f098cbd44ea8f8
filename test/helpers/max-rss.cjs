// Preloaded (node --require) into a spawned liq: on exit, writes the process's peak
// resident memory in bytes to $LIQ_TEST_RSS_FILE, so tests can hold liq to a memory bound.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.LIQ_TEST_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
