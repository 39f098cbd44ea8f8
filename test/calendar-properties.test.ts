/**
 * No look-ahead in the calendar (fast-check on the real SOFR file): cutting the data at
 * any date never changes that date's day type, nor anything the calendar indicator says.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesName } from '../src/domain/catalog.ts';
import type { Series, SeriesSet } from '../src/domain/series.ts';
import { assess } from '../src/engine/assess.ts';
import { dayTypes } from '../src/domain/calendar.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { calendar } from '../src/engine/indicators/calendar.ts';
import { loadPaths } from '../src/io/load.ts';
import { ROOT } from './helpers/run-liq.ts';

function cutAt(all: SeriesSet, last: number): Map<SeriesName, Series> {
  const out = new Map<SeriesName, Series>();
  for (const [name, s] of all) {
    let n = 0;
    while (n < s.dates.length && (s.dates[n] as number) <= last) n++;
    if (n === 0) continue;
    out.set(name, { ...s, dates: s.dates.slice(0, n), values: s.values.slice(0, n), derived: s.derived?.slice(0, n) ?? null });
  }
  return out;
}

describe('the calendar never looks ahead', () => {
  let all: SeriesSet = new Map();
  beforeAll(async () => {
    const files = ['SOFR.csv', 'IORB.csv', 'DFEDTARU.csv'].map((f) => `${ROOT}fixtures/fred/${f}`);
    all = (await loadPaths(files)).series;
  });

  it('types a date and judges it the same whether or not later data exist', () => {
    const sofr = all.get('sofr') as Series;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sofr.dates.length - 1 }), (i) => {
        const asOf = sofr.dates[i] as number;
        const cut = cutAt(all, asOf);
        const full = assess(deriveSeries(all), { asOf, only: [calendar] }).indicators[0];
        const alone = assess(deriveSeries(cut), { asOf, only: [calendar] }).indicators[0];
        expect(alone?.metrics).toEqual(full?.metrics);
        expect(alone?.metrics.dayTypes).toBe(dayTypes(asOf).join(' '));
        expect(alone?.status).toBe(full?.status);
      }),
      { numRuns: 60 },
    );
  });
});
