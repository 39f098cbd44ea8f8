/**
 * Writes a synthetic wide CSV for the scale benchmark (liq must be sound at 1,000,000 rows):
 * `date` plus eight daily, weekly and sparse series with empty cells, on consecutive
 * weekdays from 1900-01-01 (SOFR and the other market series have no weekend rows). liq reads only years 1900–2199 (an earlier year is a typo), about
 * 110,000 days: so a larger file repeats each day's row as often as needed (ten times for
 * a million rows), identically, which liq allows (identical duplicates are fine).
 * Every row is still a full row to parse and store; the duplicates merge at the end. Values
 * stay inside each series' plausible range so `liq check` reads the whole file.
 *
 *   npx tsx bench/generate.ts OUT.csv [ROWS]
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dayFromCivil, formatDay } from '../src/domain/dates.ts';
import { isBusinessDay } from '../src/domain/calendar.ts';

export const GENERATED_COLUMNS = ['date', 'sofr', 'effr', 'iorb', 'rrp_rate', 'target_upper', 'rrp', 'reserves', 'tga'] as const;

/** Small deterministic PRNG (mulberry32): the same file on every machine, so runs compare. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` data rows to `path`; returns the number of bytes written. */
export function generateWideCsv(path: string, rows: number, seed = 20190917): number {
  const next = random(seed);
  const fd = openSync(path, 'w');
  let bytes = 0;
  const flush = (text: string): void => {
    bytes += writeSync(fd, text);
  };
  try {
    let chunk = `${GENERATED_COLUMNS.join(',')}\n`;
    const first = dayFromCivil(1900, 1, 1);
    // The business days of 1900–2199, counted (not estimated from weekdays: the holidays
    // would leave too few, and the last rows would run past 2199, which liq refuses).
    let days = 0;
    for (let day = first; day < dayFromCivil(2200, 1, 1); day++) if (isBusinessDay(day)) days++;
    const repeat = Math.ceil(rows / days);
    // The corridor moves in 25 bp steps now and then; the market rates wander inside it.
    let floor = 1.5;
    let rrp = 800;
    let reserves = 3000;
    let tga = 700;
    for (let row = 0, i = 0; row < rows; i++) {
      // No weekend or bond-market holiday rows, as in a real SOFR file (liq drops a holiday
      // row repeating the day before). 1900-01-01 was a Monday, so i % 7 === 3 is a Thursday.
      if (!isBusinessDay(first + i)) continue;
      if (next() < 0.002) floor = Math.min(5, Math.max(0, floor + (next() < 0.5 ? -0.25 : 0.25)));
      const upper = floor + 0.25;
      const iorb = floor + 0.15;
      const sofr = floor + 0.05 + next() * 0.3;
      rrp = Math.min(2500, Math.max(0, rrp + (next() - 0.5) * 40));
      const weekly = i % 7 === 3;
      if (weekly) {
        reserves = Math.min(6000, Math.max(1000, reserves + (next() - 0.5) * 100));
        tga = Math.min(1500, Math.max(50, tga + (next() - 0.5) * 80));
      }
      const line =
        `${formatDay(first + i)},${sofr.toFixed(2)},${next() < 0.03 ? '' : (sofr - 0.01).toFixed(2)},${iorb.toFixed(2)},` +
        `${floor.toFixed(2)},${upper.toFixed(2)},${next() < 0.05 ? '' : rrp.toFixed(3)},` +
        `${weekly ? reserves.toFixed(1) : ''},${weekly ? tga.toFixed(1) : ''}\n`;
      for (let k = 0; k < repeat && row < rows; k++, row++) chunk += line;
      if (chunk.length > 1 << 20) {
        flush(chunk);
        chunk = '';
      }
    }
    flush(chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, rows] = process.argv.slice(2);
  if (out === undefined) {
    process.stderr.write('usage: npx tsx bench/generate.ts OUT.csv [ROWS]\n');
    process.exitCode = 64;
  } else {
    const n = Number(rows ?? 1_000_000);
    const bytes = generateWideCsv(out, n);
    process.stdout.write(`${out}: ${n.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB\n`);
  }
}
