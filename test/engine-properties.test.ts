/**
 * Properties of the engine that must hold for any data (fast-check): spreads are
 * antisymmetric, streak counts stay ordered, data dated after the as-of date never change
 * an assessment, and no NaN reaches a metric.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesName } from '../src/domain/catalog.ts';
import { formatDay } from '../src/domain/dates.ts';
import { spreadBp } from '../src/engine/_lib/numbers.ts';
import { assess } from '../src/engine/assess.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { sofrAboveCeiling } from '../src/engine/indicators/sofr_above_ceiling.ts';
import { day, seriesSet, type Obs, type SeriesSpec } from './helpers/series.ts';

const BASE = day('2021-05-03'); // spans the RRP add-on (06-17) and the SRF start (07-28)
const SPAN = 150;

/** Observations on distinct days within the span, values in hundredths between min and max. */
const observations = (min: number, max: number, maxLength = 60) =>
  fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) })), {
      selector: (t) => t[0],
      minLength: 1,
      maxLength,
    })
    .map((list) => list.map(([offset, v]): Obs => [formatDay(BASE + offset), v / 100]));

const rate = () => observations(-0.5, 6);
const spec: fc.Arbitrary<SeriesSpec> = fc.record(
  {
    sofr: observations(-0.5, 6, 110),
    effr: rate(),
    dff: rate(),
    iorb: rate(),
    rrp_rate: rate(),
    srf_rate: rate(),
    target_lower: rate(),
    target_upper: rate(),
    reserves: observations(0, 10_000, 25),
    tga: observations(0, 5_000, 25),
    rrp: observations(0, 5_000),
    fed_assets: observations(0, 20_000, 25),
    srf: observations(0, 2_000),
    gdp: observations(100, 50_000, 3),
  },
  { requiredKeys: [] },
);
const asOfOffset = fc.integer({ min: -5, max: SPAN + 10 });

function onOrBefore(s: SeriesSpec, last: number): SeriesSpec {
  const out: SeriesSpec = {};
  for (const [name, list] of Object.entries(s) as [SeriesName, Obs[]][]) {
    const kept = list.filter((o) => day(o[0]) <= last);
    if (kept.length > 0) out[name] = kept;
  }
  return out;
}

describe('engine properties', () => {
  it('gives spreadBp(a, b) = −spreadBp(b, a) for any two rates', () => {
    const anyRate = fc.oneof(fc.double({ min: -2, max: 25, noNaN: true }), fc.integer({ min: -2e10, max: 25e9 }).map((n) => n / 1e9));
    fc.assert(
      fc.property(anyRate, anyRate, (a, b) => {
        expect(spreadBp(a, b) === -spreadBp(b, a), `${a}, ${b}`).toBe(true);
      }),
    );
  });

  it('keeps longestStreak ≤ count ≤ 20 and a current streak within what the window shows', () => {
    fc.assert(
      fc.property(spec, asOfOffset, (s, offset) => {
        const r = assess(seriesSet(s), { asOf: BASE + offset, only: [sofrAboveCeiling] }).indicators[0];
        if (r === undefined || r.status === 'unavailable') return;
        const { count, streak, longestStreak } = r.metrics as Record<string, number>;
        expect(longestStreak).toBeLessThanOrEqual(count as number);
        expect(count).toBeLessThanOrEqual(20);
        expect(longestStreak).toBeGreaterThanOrEqual(Math.min(streak as number, 20));
        expect(streak).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never changes an assessment for data dated after the as-of date', () => {
    fc.assert(
      fc.property(spec, asOfOffset, fc.boolean(), fc.constantFrom('fed_assets - tga - rrp', 'reserves + rrp - tga' as const), (s, offset, asPublished, netLiquidity) => {
        const asOf = BASE + offset;
        const judged = (x: SeriesSpec) => assess(deriveSeries(seriesSet(x)), { asOf, asPublished, netLiquidity });
        const known = onOrBefore(s, asOf);
        if (Object.keys(known).length === 0) return; // nothing to judge without any data
        expect(judged(s)).toEqual(judged(known));
      }),
      { numRuns: 300 },
    );
  });

  it('lets no NaN or infinity into any metric', () => {
    fc.assert(
      fc.property(spec, asOfOffset, fc.boolean(), (s, offset, asPublished) => {
        if (Object.keys(s).length === 0) return;
        const a = assess(deriveSeries(seriesSet(s)), { asOf: BASE + offset, asPublished });
        for (const r of a.indicators) {
          for (const [key, v] of Object.entries(r.metrics)) {
            expect(v === null || typeof v === 'string' || Number.isFinite(v), `${r.id}.${key} = ${v}`).toBe(true);
          }
          for (const input of r.inputs) expect(Number.isFinite(input.value)).toBe(true);
          expect(['ok', 'watch', 'stress', 'unknown', 'info', 'unavailable']).toContain(r.status);
        }
        expect(['ok', 'watch', 'stress', 'unknown']).toContain(a.status);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every metric key of every indicator, null when missing', () => {
    fc.assert(
      fc.property(spec, asOfOffset, (s, offset) => {
        if (Object.keys(s).length === 0) return;
        const a = assess(deriveSeries(seriesSet(s)), { asOf: BASE + offset });
        for (const r of a.indicators) for (const v of Object.values(r.metrics)) expect(v).not.toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});

