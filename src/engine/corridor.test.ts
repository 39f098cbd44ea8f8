import { describe, expect, it } from 'vitest';
import type { SeriesName } from '../domain/catalog.ts';
import { parseIsoDay } from '../domain/dates.ts';
import type { Series, SeriesSet } from '../domain/series.ts';
import { corridorHistory, takeUpHistory } from './corridor.ts';

const day = (iso: string): number => parseIsoDay(iso) as number;

function series(name: string, points: Record<string, number>): [SeriesName, Series] {
  const dates = Object.keys(points).sort();
  return [name as SeriesName, { name: name as SeriesName, dates: Int32Array.from(dates.map(day)), values: Float64Array.from(dates.map((d) => points[d] as number)), derived: null, sources: [] }];
}

// The week of the 2019 spike, with the rates of that week (FRED SOFR, IOER 2.10 → 1.80 on 09-19 …).
const all: SeriesSet = new Map([
  series('sofr', { '2019-09-13': 2.2, '2019-09-16': 2.43, '2019-09-17': 5.25, '2019-09-18': 2.55 }),
  series('rrp_rate', { '2019-09-13': 2.05, '2019-09-18': 2.05 }),
  series('iorb', { '2019-09-13': 2.1, '2019-09-16': 2.1, '2019-09-17': 2.1, '2019-09-18': 2.1 }),
  series('target_lower', { '2019-09-13': 2.0 }),
  series('target_upper', { '2019-09-13': 2.25 }),
  series('sofr_p1', { '2019-09-16': 2.3, '2019-09-17': 2.5 }),
  series('sofr_p99', { '2019-09-16': 2.6, '2019-09-17': 9.0 }),
  series('srf', { '2019-09-16': 0, '2019-09-17': 53.2, '2019-09-18': 75 }),
]);

describe('corridorHistory', () => {
  const points = corridorHistory(all, day('2019-09-16'), day('2019-09-17'));

  it('gives one point per SOFR date in the span, with the rates in force that day', () => {
    expect(points.map((p) => p.date)).toEqual(['2019-09-16', '2019-09-17']);
    expect(points[1]).toMatchObject({ sofr: 5.25, rrpRate: 2.05, iorb: 2.1, targetLower: 2.0, targetUpper: 2.25, srfRate: null });
  });

  it('takes the percentiles of the same day only', () => {
    expect(points.map((p) => [p.p1, p.p99])).toEqual([[2.3, 2.6], [2.5, 9.0]]);
    const later = corridorHistory(all, day('2019-09-18'), day('2019-09-18'));
    expect(later[0]?.p99, 'no percentile published for 09-18: none, not the 9.0 of 09-17').toBeNull();
  });

  it('names the administered rates carried past their limit (daily: 7 days) on each day', () => {
    const late = new Map([...all, series('sofr', { '2019-09-16': 2.43, '2019-09-30': 1.88 })]);
    const p = corridorHistory(late, day('2019-09-16'), day('2019-09-30'));
    // 09-16: every rate within 3 days. 09-30: rrp_rate and iorb last observed 09-18, 12 days > 7; the target range 09-13, 17 days
    expect(p.map((x) => x.staleRates)).toEqual([[], ['rrpRate', 'iorb', 'targetLower', 'targetUpper']]);
    expect(corridorHistory(all, day('2019-09-16'), day('2019-09-17')).map((x) => x.staleRates), 'target range from 09-13: 3 and 4 days').toEqual([[], []]);
  });

  it('is empty without SOFR', () => {
    expect(corridorHistory(new Map(), day('2019-09-16'), day('2019-09-17'))).toEqual([]);
  });
});

describe('takeUpHistory', () => {
  it('lists each reported day in the span, zeros included', () => {
    expect(takeUpHistory(all, day('2019-09-16'), day('2019-09-17'))).toEqual([
      { date: '2019-09-16', value: 0 },
      { date: '2019-09-17', value: 53.2 },
    ]);
  });
});
