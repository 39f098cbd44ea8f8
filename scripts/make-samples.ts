/**
 * Builds fixtures/samples/wide.csv and long.csv from the real FRED files in fixtures/fred/,
 * so the three input forms can be shown to load to the same series. Dates from 2018 on
 * keep the files small. Run: npx tsx scripts/make-samples.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { SERIES_NAMES } from '../src/domain/catalog.ts';
import { formatDay, parseIsoDay } from '../src/domain/dates.ts';
import { loadPaths } from '../src/io/load.ts';

export const SAMPLE_FROM = '2018-01-01';
const from = parseIsoDay(SAMPLE_FROM) as number;
const { series } = await loadPaths(['fixtures/fred']);

// The wide file declares two units to exercise conversion: TGA in millions, GDP in trillions.
const HEADER: Record<string, string> = { tga: 'tga[millions]', gdp: 'gdp (trillions)' };
const SCALE: Record<string, (v: number) => string> = {
  tga: (v) => String(Math.round(v * 1000)),
  gdp: (v) => String(v / 1000),
};

const names = SERIES_NAMES.filter((n) => series.has(n));
const byDay = new Map<number, Map<string, number>>();
for (const name of names) {
  const s = series.get(name)!;
  s.dates.forEach((day, i) => {
    if (day < from) return;
    if (!byDay.has(day)) byDay.set(day, new Map());
    byDay.get(day)!.set(name, s.values[i]!);
  });
}
const days = [...byDay.keys()].sort((a, b) => a - b);

let wide = `date,${names.map((n) => HEADER[n] ?? n).join(',')}\n`;
let long = 'date,series,value\n';
for (const day of days) {
  const row = byDay.get(day)!;
  wide += `${formatDay(day)},${names.map((n) => (row.has(n) ? (SCALE[n] ?? String)(row.get(n)!) : '')).join(',')}\n`;
  for (const n of names) if (row.has(n)) long += `${formatDay(day)},${n},${row.get(n)}\n`;
}
mkdirSync('fixtures/samples', { recursive: true });
writeFileSync('fixtures/samples/wide.csv', wide);
writeFileSync('fixtures/samples/long.csv', long);
console.log(`wide.csv: ${days.length} rows × ${names.length} series; long.csv: ${long.split('\n').length - 2} rows`);
