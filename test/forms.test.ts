/**
 * Every input form loads to the same series (docs/data.md, Input formats): FRED files one by one, their
 * folder, stdin, and the wide and long samples built from them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../src/domain/dates.ts';
import type { Series } from '../src/domain/series.ts';
import { loadPaths } from '../src/io/load.ts';
import { liq, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
const SAMPLE_FROM = parseIsoDay('2018-01-01') as number;

function since(series: Series, from: number): { dates: number[]; values: number[] } {
  const dates: number[] = [];
  const values: number[] = [];
  series.dates.forEach((d, i) => {
    if (d >= from) {
      dates.push(d);
      values.push(series.values[i] as number);
    }
  });
  return { dates, values };
}

function expectSameSeries(a: Map<string, Series>, b: Map<string, Series>, from = -Infinity): void {
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [name, series] of a) {
    const left = since(series, from);
    const right = since(b.get(name) as Series, from);
    expect(right.dates, name).toEqual(left.dates);
    right.values.forEach((v, i) => {
      const expected = left.values[i] as number;
      expect(Math.abs(v - expected) <= 1e-9 * Math.abs(expected), `${name}[${i}] ${v} vs ${expected}`).toBe(true);
    });
  }
}

describe('input forms', () => {
  it('loads the same series from the folder and from its files listed one by one', async () => {
    const files = readdirSync(FRED).map((f) => join(FRED, f));
    expectSameSeries((await loadPaths([FRED])).series, (await loadPaths(files)).series);
  });

  it('loads the same series from stdin as from the file', async () => {
    const text = readFileSync(join(FRED, 'WTREGEN.csv'), 'utf8').replace('date,value', 'date,WTREGEN');
    const fromStdin = await loadPaths(['-'], { stdin: async () => text });
    expectSameSeries((await loadPaths([join(FRED, 'WTREGEN.csv')])).series, fromStdin.series);
  });

  it('loads the wide and the long samples to the FRED series from 2018 on', async () => {
    const fred = (await loadPaths([FRED])).series;
    expectSameSeries(fred, (await loadPaths([join(ROOT, 'fixtures/samples/wide.csv')])).series, SAMPLE_FROM);
    expectSameSeries(fred, (await loadPaths([join(ROOT, 'fixtures/samples/long.csv')])).series, SAMPLE_FROM);
  });

  it('gives the same dashboard from files, folder, stdin and the wide sample', () => {
    const args = ['check', '--json', '--as-of', '2025-10-31'];
    const folder = JSON.parse(liq([...args, 'fixtures/fred/']).stdout);
    const files = JSON.parse(liq([...args, ...readdirSync(FRED).map((f) => `fixtures/fred/${f}`)]).stdout);
    const wide = JSON.parse(liq([...args, '-'], { input: readFileSync(join(ROOT, 'fixtures/samples/wide.csv'), 'utf8') }).stdout);
    expect(files.indicators).toEqual(folder.indicators);
    // The sample starts in 2018, so only metrics that look back less than that can agree.
    const metrics = (doc: { indicators: { id: string; metrics: unknown }[] }) =>
      doc.indicators.filter((i) => i.id !== 'rrp').map((i) => [i.id, i.metrics]);
    expect(metrics(wide)).toEqual(metrics(folder));
  });
});
