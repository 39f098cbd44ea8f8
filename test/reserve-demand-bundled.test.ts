/**
 * reserve_demand on the bundled FRED files: flat (within ±0.05 bp per 1 %) while reserves
 * were abundant, clearly negative (below −0.15) in 2019 and in the year to 2026-06-17.
 *
 * IORB before 2021-07-29 (IOER) is not in fixtures/fred/: until the loader derives it, this
 * test derives it here from the FOMC's technical adjustments (top of the target range, then
 * −5 bp from 2018-06-14, −10 from 2018-12-20, −15 from 2019-05-02, −20 from 2019-09-19,
 * −15 from 2020-01-30, −10 from 2021-06-17; see fixtures/SOURCES.md), only on dates before
 * the first IORB observation, so a derivation in the loader makes this a no-op.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromCivil, parseIsoDay, type Day } from '../src/domain/dates.ts';
import type { SeriesName } from '../src/domain/catalog.ts';
import type { Series } from '../src/domain/series.ts';
import { assess } from '../src/engine/assess.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { reserveDemand } from '../src/engine/indicators/reserve_demand.ts';
import { loadPaths } from '../src/io/load.ts';
import { ROOT } from './helpers/run-liq.ts';

const ADJUSTMENTS: readonly [Day, number][] = [
  [dayFromCivil(2018, 6, 14), -0.05], [dayFromCivil(2018, 12, 20), -0.1], [dayFromCivil(2019, 5, 2), -0.15],
  [dayFromCivil(2019, 9, 19), -0.2], [dayFromCivil(2020, 1, 30), -0.15], [dayFromCivil(2021, 6, 17), -0.1],
];

/** IOER by the FOMC rule on every date of target_upper before the first IORB observation. */
function withIoer(all: Map<SeriesName, Series>): Map<SeriesName, Series> {
  const top = all.get('target_upper') as Series;
  const iorb = all.get('iorb') as Series;
  const first = iorb.dates[0] as number;
  if (first <= dayFromCivil(2018, 1, 1)) return all; // the loader already covers 2018–2021
  const dates: number[] = [];
  const values: number[] = [];
  top.dates.forEach((d, i) => {
    if (d >= first) return;
    const offset = ADJUSTMENTS.filter(([from]) => d >= from).at(-1)?.[1] ?? 0;
    dates.push(d);
    values.push(Math.round(((top.values[i] as number) + offset) * 1e6) / 1e6);
  });
  const derived = new Uint8Array(dates.length + iorb.dates.length);
  derived.fill(1, 0, dates.length);
  if (iorb.derived !== null) derived.set(iorb.derived, dates.length);
  const out = new Map(all);
  out.set('iorb', { ...iorb, dates: Int32Array.from([...dates, ...iorb.dates]), values: Float64Array.from([...values, ...iorb.values]), derived });
  return out;
}

let all: Map<SeriesName, Series>;
beforeAll(async () => {
  all = withIoer(deriveSeries((await loadPaths([join(ROOT, 'fixtures/fred')])).series));
});

function slopeAt(date: string): Record<string, number | string | null> {
  const result = assess(all, { asOf: parseIsoDay(date) as Day, only: [reserveDemand] }).indicators[0];
  return result?.metrics ?? {};
}

describe('reserve_demand on the bundled data', () => {
  it.each(['2022-12-28', '2024-12-25'])('is flat, within ±0.05 bp per 1 %%, in the 52 weeks to %s (reserves abundant)', (date) => {
    const m = slopeAt(date);
    expect(m.basis, 'bank assets end 2021-12-29 in the fixture: GDP scales reserves').toBe('gdp');
    expect(Math.abs(m.slopeBpPerPct as number)).toBeLessThan(0.05);
    expect(m.weeks).toBe(52);
  });

  it.each(['2019-06-26', '2019-12-25', '2026-06-17'])('is below −0.15 bp per 1 %% in the 52 weeks to %s (reserves scarce)', (date) => {
    const m = slopeAt(date);
    expect(m.slopeBpPerPct as number).toBeLessThan(-0.15);
    expect(m.slopeHigh as number, 'the whole band below 0: watch').toBeLessThan(0);
  });

  it('pins the estimates the README quotes (a change that moves them is seen)', () => {
    const round = (v: unknown): number => Math.round((v as number) * 100) / 100;
    expect(round(slopeAt('2019-06-26').slopeBpPerPct), 'bank-assets basis').toBe(-0.31);
    expect(slopeAt('2019-06-26').basis).toBe('bank_assets');
    expect(round(slopeAt('2019-12-25').slopeBpPerPct)).toBe(-0.38);
    expect(round(slopeAt('2026-06-17').slopeBpPerPct), 'beside the NY Fed\'s −0.27 for 2026-07-06').toBe(-0.26);
  });
});
