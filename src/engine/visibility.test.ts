import { describe, expect, it } from 'vitest';
import type { SeriesName } from '../domain/catalog.ts';
import { formatDay } from '../domain/dates.ts';
import { day, seriesSet, type SeriesSpec } from '../../test/helpers/series.ts';
import { assess } from './assess.ts';
import { lastVisibleDay, visibleAt } from './visibility.ts';

const lastSeen = (spec: SeriesSpec, name: SeriesName, asOf: string, asPublished: boolean): string | null => {
  const s = visibleAt(seriesSet(spec), day(asOf), asPublished).get(name);
  return s === undefined ? null : formatDay(s.dates.at(-1) as number);
};

describe('visibleAt', () => {
  it('shows daily market data dated the as-of day only without --as-published', () => {
    const spec: SeriesSpec = { sofr: [['2019-09-16', 2.43], ['2019-09-17', 5.25]] };
    expect(lastSeen(spec, 'sofr', '2019-09-17', false), 'everything dated ≤ D').toBe('2019-09-17');
    expect(lastSeen(spec, 'sofr', '2019-09-17', true), 'SOFR for D is published on the morning of D + 1').toBe('2019-09-16');
    expect(lastSeen(spec, 'sofr', '2019-09-18', true), 'known the next morning: d < D').toBe('2019-09-17');
  });

  it('lags every daily market series by a day', () => {
    for (const name of ['effr', 'dff', 'rrp', 'srf', 'sofr_p99'] as const) {
      const spec: SeriesSpec = { [name]: [['2025-10-30', 1], ['2025-10-31', 2]] };
      expect(lastSeen(spec, name, '2025-10-31', false), name).toBe('2025-10-31');
      expect(lastSeen(spec, name, '2025-10-31', true), name).toBe('2025-10-30');
    }
  });

  it('shows weekly H.4.1 data two days after their Wednesday with --as-published', () => {
    for (const name of ['reserves', 'tga', 'fed_assets'] as const) {
      const spec: SeriesSpec = { [name]: [['2019-09-11', 1456.796], ['2019-09-18', 1394.122]] };
      expect(lastSeen(spec, name, '2019-09-19', false), `${name}: dated ≤ D`).toBe('2019-09-18');
      // released Thursday 16:30 ET, so not known on Thursday morning: W + 1 < D
      expect(lastSeen(spec, name, '2019-09-19', true), `${name}: Thursday morning`).toBe('2019-09-11');
      expect(lastSeen(spec, name, '2019-09-20', true), `${name}: Friday morning`).toBe('2019-09-18');
    }
  });

  it('shows quarterly GDP more than 120 days after its quarter’s first day with --as-published', () => {
    const spec: SeriesSpec = { gdp: [['2019-04-01', 21539.7], ['2019-07-01', 21717.171]] };
    expect(lastSeen(spec, 'gdp', '2019-09-17', false), 'dated ≤ D').toBe('2019-07-01');
    // 2019-07-01 + 120 days = 2019-10-29: known from 10-30
    expect(lastSeen(spec, 'gdp', '2019-10-29', true), 'q + 120 = D is not yet known').toBe('2019-04-01');
    expect(lastSeen(spec, 'gdp', '2019-10-30', true), 'q + 120 < D').toBe('2019-07-01');
  });

  it('shows policy rates dated the as-of day, announced before they take effect', () => {
    for (const name of ['iorb', 'rrp_rate', 'srf_rate', 'target_lower', 'target_upper'] as const) {
      const spec: SeriesSpec = { [name]: [['2019-09-18', 2.25], ['2019-09-19', 2.0]] };
      expect(lastSeen(spec, name, '2019-09-19', true), name).toBe('2019-09-19');
      expect(lastSeen(spec, name, '2019-09-18', true), `${name}: never later than D`).toBe('2019-09-18');
    }
  });

  it('leaves out a series with nothing visible yet', () => {
    const out = visibleAt(seriesSet({ sofr: [['2019-09-17', 5.25]], gdp: [['2019-07-01', 21717.171]] }), day('2019-09-17'), true);
    expect([...out.keys()], 'SOFR of D not yet out; GDP of Q3 not for 120 days').toEqual([]);
  });

  it('gives lags that match docs/data.md (Publication lags) for every series', () => {
    const D = day('2019-09-17');
    expect(D - lastVisibleDay('sofr', D, true)).toBe(1);
    expect(D - lastVisibleDay('reserves', D, true)).toBe(2);
    expect(D - lastVisibleDay('gdp', D, true)).toBe(121);
    expect(D - lastVisibleDay('target_upper', D, true)).toBe(0);
    expect(lastVisibleDay('gdp', D, false), 'without the flag, everything dated ≤ D').toBe(D);
  });
});

describe('assess --as-published', () => {
  it('judges the morning of 2019-09-17 without the spike itself', () => {
    const spec: SeriesSpec = {
      sofr: [['2019-09-13', 2.2], ['2019-09-16', 2.43], ['2019-09-17', 5.25]],
      target_upper: [['2019-08-01', 2.25]],
    };
    const all = seriesSet(spec);
    const known = assess(all, { asOf: day('2019-09-17'), asPublished: true });
    const ceiling = known.indicators.find((i) => i.id === 'sofr_above_ceiling');
    expect(ceiling?.metrics.maxExcessBp, 'SOFR 2.43 of 09-16 − 2.25: the 5.25 print came out on the 18th').toBe(18);
    expect(known.asPublished).toBe(true);
    const hindsight = assess(all, { asOf: day('2019-09-17') });
    expect(hindsight.indicators.find((i) => i.id === 'sofr_above_ceiling')?.metrics.maxExcessBp, '5.25 − 2.25').toBe(300);
  });

  it('defaults to the morning after the last SOFR date', () => {
    const a = assess(seriesSet({ sofr: [['2019-09-17', 5.25]] }), { asPublished: true });
    expect(a.asOf).toBe('2019-09-18');
    expect(assess(seriesSet({ sofr: [['2019-09-17', 5.25]] })).asOf).toBe('2019-09-17');
  });
});
