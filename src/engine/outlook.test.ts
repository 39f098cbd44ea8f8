import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { day, seriesSet, weekly, type SeriesSpec } from '../../test/helpers/series.ts';
import { crossing, outlook, type Outlook, type OutlookWeek, type Scenario } from './outlook.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';

/**
 * 14 Wednesdays ending 2025-06-04, with round paces: assets fall 13 bn a week, the TGA is
 * flat at 400, ON RRP falls 2.6 bn a week, reserves 3,300 → other = assets − reserves − TGA − RRP.
 */
function data(overrides: SeriesSpec = {}): SeriesSpec {
  const n = 14;
  return {
    fed_assets: weekly('2025-03-05', Array.from({ length: n }, (_, i) => 7169 - 13 * i)), // 7,169 → 7,000
    tga: weekly('2025-03-05', Array(n).fill(400) as number[]),
    rrp: weekly('2025-03-05', Array.from({ length: n }, (_, i) => 233.8 - 2.6 * i)), // 233.8 → 200
    reserves: weekly('2025-03-05', Array.from({ length: n }, (_, i) => 3365 - 5 * i)), // 3,365 → 3,300
    gdp: [['2025-04-01', 30000]],
    ...overrides,
  };
}
const AS_OF = '2025-06-04';

function run(spec: SeriesSpec, scenarios: Record<string, Scenario> = { base: {} }, weeks = 26): Outlook {
  const result = outlook(seriesSet(spec), scenarios, { asOf: day(AS_OF), weeks, thresholds: DEFAULT_THRESHOLDS });
  if ('missing' in result) throw new Error(`missing ${result.missing.join(', ')}`);
  return result;
}
const path = (o: Outlook, i = 0): readonly OutlookWeek[] => (o.paths[i] as Outlook['paths'][number]).weeks;

describe('outlook', () => {
  it('projects the trailing paces by the identity, by hand', () => {
    const o = run(data());
    const a = o.paths[0]?.assumptions;
    expect(a?.assetsPerWeek[0]?.perWeek, '(7,000 − 7,169) / 13 = −13 bn a week').toBeCloseTo(-13, 9);
    expect(a?.rrpPerWeek, '(200 − 233.8) / 13 = −2.6').toBeCloseTo(-2.6, 9);
    // other: 7,169 − 3,365 − 400 − 233.8 = 3,170.2 then, 7,000 − 3,300 − 400 − 200 = 3,100 now: −70.2 / 13 = −5.4 a week.
    expect(a?.otherPerWeek).toBeCloseTo(-5.4, 9);
    const w1 = path(o)[1] as OutlookWeek;
    expect(w1.date).toBe('2025-06-11');
    expect(w1.reserves, '3,300 − 13 − 0 + 2.6 + 5.4 = 3,295').toBeCloseTo(3295, 9);
    expect(w1.netLiquidity, '6,987 − 400 − 197.4').toBeCloseTo(6389.6, 9);
    expect(w1.reservesGdpPct, '3,295 / 30,000').toBeCloseTo(10.98333, 5);
    expect(w1.reservesBankAssetsPct, 'no bank assets').toBeNull();
    // −5 a week from 3,300: below 3,000 first at week 61 — not within 26.
    expect(o.paths[0]?.crossings.find((c) => c.line === 'reserves')?.state).toBe('not_within');
    // ON RRP 200 < 250 already.
    expect(o.paths[0]?.crossings.find((c) => c.line === 'rrp')).toMatchObject({ state: 'already', week: 0, date: AS_OF });
  });

  it('runs ON RRP down to its floor and holds it there', () => {
    const o = run(data(), { base: { rrp: { floor: 180 } } });
    const rrp = path(o).map((w) => w.rrp);
    expect(rrp[7], '200 − 7 × 2.6 = 181.8').toBeCloseTo(181.8, 9);
    expect(rrp[8], 'floored at 180').toBe(180);
    expect(rrp[26]).toBe(180);
  });

  it('reaches a TGA target linearly by its date, then holds it', () => {
    // 400 → 850 by 2025-07-02 (4 weeks): +112.5 a week.
    const o = run(data(), { rebuild: { tga: { target: 850, by: day('2025-07-02') } } });
    expect(path(o).slice(0, 6).map((w) => w.tga)).toEqual([400, 512.5, 625, 737.5, 850, 850]);
    // The rebuild drains reserves one for one: week 4 = 3,300 + 4 × (−13 + 2.6 + 5.4) − 450 = 2,830.
    expect(path(o)[4]?.reserves).toBeCloseTo(2830, 9);
    expect(o.paths[0]?.crossings.find((c) => c.line === 'reserves')).toMatchObject({ state: 'crossed', week: 3, date: '2025-06-25' });
  });

  it('switches the asset pace on each scenario date, in bn a month', () => {
    const o = run(data(), { qt: { assets: [{ from: day('2025-06-18'), perMonth: 0 }, { from: day('2025-07-02'), perMonth: 52 }] } });
    const assets = path(o).map((w) => w.fedAssets);
    expect(assets.slice(0, 6), 'trailing −13, −13 (until 06-18), 0, 0, then 52 / (52/12) = +12 a week').toEqual([7000, 6987, 6987, 6987, 6999, 7011]);
  });

  it('runs several scenarios side by side from the same start', () => {
    const o = run(data(), { base: {}, rebuild: { tga: { target: 850, by: day('2025-12-31') } } });
    expect(o.paths.map((p) => p.scenario)).toEqual(['base', 'rebuild']);
    expect(path(o, 0)[0]).toEqual(path(o, 1)[0]);
    expect((path(o, 1)[26] as OutlookWeek).reserves).toBeLessThan((path(o, 0)[26] as OutlookWeek).reserves);
  });

  it('gives no ratio to stale bank assets and says the crossing is unknown', () => {
    const o = run(data({ bank_assets: [['2021-12-29', 22605.474]] }));
    expect(path(o)[0]?.reservesBankAssetsPct).toBeNull();
    expect(o.paths[0]?.crossings.find((c) => c.line === 'reservesBankAssetsPct')?.state).toBe('unknown');
    expect(o.inputs.find((i) => i.series === 'bank_assets')?.stale).toBe(true);
  });

  it('names the series it lacks', () => {
    const { tga: _, ...rest } = data();
    const result = outlook(seriesSet(rest), { base: {} }, { asOf: day(AS_OF), thresholds: DEFAULT_THRESHOLDS });
    expect(result).toEqual({ missing: ['tga'] });
  });

  it('rejects a number of weeks that is not whole or not 1–520, quoting it', () => {
    expect(() => outlook(seriesSet(data()), {}, { asOf: day(AS_OF), weeks: 0, thresholds: DEFAULT_THRESHOLDS })).toThrow('weeks "0" must be a whole number from 1 to 520');
    expect(() => outlook(seriesSet(data()), {}, { asOf: day(AS_OF), weeks: 2.5, thresholds: DEFAULT_THRESHOLDS })).toThrow('weeks "2.5"');
  });

  it('finds the first week below a line', () => {
    const weeks = [3100, 3050, 2990, 2950].map((reserves, week) => ({ week, date: `w${week}`, reserves }) as unknown as OutlookWeek);
    expect(crossing(weeks, 'reserves', 3000)).toEqual({ line: 'reserves', threshold: 3000, state: 'crossed', week: 2, date: 'w2' });
    expect(crossing(weeks, 'reserves', 2900).state).toBe('not_within');
    expect(crossing(weeks, 'reserves', 3200).state).toBe('already');
  });

  it('keeps the identity week by week and ON RRP never below its floor, for any scenario', () => {
    const scenario = fc.record(
      {
        assets: fc.array(fc.record({ from: fc.integer({ min: 0, max: 200 }).map((d) => day(AS_OF) + d), perMonth: fc.double({ min: -200, max: 200, noNaN: true }) }), { maxLength: 3 }),
        tga: fc.record({ target: fc.double({ min: 0, max: 2000, noNaN: true }), by: fc.integer({ min: -30, max: 300 }).map((d) => day(AS_OF) + d) }),
        rrp: fc.record({ floor: fc.double({ min: 0, max: 500, noNaN: true }), perMonth: fc.double({ min: -300, max: 0, noNaN: true }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 3000, noNaN: true }), (s, weeks, rrp0) => {
        const spec = data({ rrp: weekly('2025-03-05', Array.from({ length: 14 }, (_, i) => rrp0 + 3 * (13 - i))) });
        const o = run(spec, { s: s as Scenario }, weeks);
        const p = path(o);
        expect(p).toHaveLength(weeks + 1);
        const floor = o.paths[0]?.assumptions.rrpFloor as number;
        expect(floor).toBeLessThanOrEqual(s.rrp?.floor ?? 0);
        for (let k = 1; k < p.length; k++) {
          const [a, b] = [p[k - 1] as OutlookWeek, p[k] as OutlookWeek];
          const identity = (b.fedAssets - a.fedAssets) - (b.tga - a.tga) - (b.rrp - a.rrp) - (b.other - a.other);
          expect(b.reserves - a.reserves).toBeCloseTo(identity, 6);
          expect(b.rrp).toBeGreaterThanOrEqual(floor);
          expect(b.rrp, 'ON RRP never refills').toBeLessThanOrEqual(a.rrp);
          expect(b.netLiquidity).toBeCloseTo(b.fedAssets - b.tga - b.rrp, 6);
        }
      }),
      { numRuns: 200 },
    );
  });
});
