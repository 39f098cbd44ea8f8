// Preloaded with `node --import` into a measured process: on exit it writes the process's
// peak resident set size (kB) to $LIQ_BENCH_RSS_FILE, so the bench needs no GNU time.
import { writeFileSync } from 'node:fs';

const out = process.env.LIQ_BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
