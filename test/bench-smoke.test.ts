/**
 * The bench's machinery runs end to end on a small generated file: the generator writes a
 * file liq and csv-parse both read in full, and the liq-vs-csv-parse comparison and the
 * peak-RSS reading produce figures. No timing is asserted: that is `npm run bench`'s job.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTable, scaleFigures } from '../bench/bench.ts';
import { GENERATED_COLUMNS, generateWideCsv } from '../bench/generate.ts';
import { median } from '../bench/measure.ts';
import { loadPaths } from '../src/io/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'liq-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench machinery', () => {
  it('generates a wide file that csv-parse and liq both read in full', async () => {
    const file = join(dir, 'wide.csv');
    generateWideCsv(file, 10_000);
    const text = readFileSync(file, 'utf8');
    const records = parse(text) as string[][];
    expect(records.length, 'header + 10,000 rows').toBe(10_001);
    expect(records[0]).toEqual([...GENERATED_COLUMNS]);
    expect(records[1]?.[0], 'business days from 1900-01-02: New Year\'s Day (Monday 1900-01-01) has no row').toBe('1900-01-02');
    expect(records[5]?.[0], 'the weekend skipped').toBe('1900-01-08');
    expect(records[10_000]?.[0], '10,000 business days: weekdays less the bond-market holidays').toBe('1939-12-20');
    expect(records.some((r) => r.includes('')), 'some empty cells, as in a real wide file').toBe(true);
    const { series } = await loadPaths([file]);
    expect(series.get('sofr')?.dates.length).toBe(10_000);
    expect(series.get('reserves')?.dates.length, 'weekly: every Thursday that trades, about one row in five').toBe(2024);
  });

  it('writes the same file for the same seed, so runs on different machines compare', () => {
    generateWideCsv(join(dir, 'a.csv'), 500);
    generateWideCsv(join(dir, 'b.csv'), 500);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
  });

  it('compares liq check with csv-parse alone and reads liq’s peak RSS', () => {
    const figures = scaleFigures(10_000, 1);
    const time = figures.find((f) => f.id === 'scale_time');
    const rss = figures.find((f) => f.id === 'scale_rss');
    expect(time?.value).toBeGreaterThan(0);
    expect(Number.isFinite(time?.value)).toBe(true);
    expect(rss?.value, 'a node process holds at least a few MB').toBeGreaterThan(5);
    expect(renderTable(figures)).toMatch(/liq check \(10,000 rows, \d+ MB\) vs csv-parse alone/);
  });

  it('takes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
