import { describe, expect, it } from 'vitest';
import { judge, weekly } from '../../../test/helpers/series.ts';
import { reserves } from './reserves.ts';

// FRED WRESBAL (billions, week average): 2018-09-12 = 1920.976, 2019-09-11 = 1456.796.
const WRESBAL = [['2018-09-05', 1895.01], ['2018-09-12', 1920.976], ['2018-09-19', 1879.896], ['2019-09-04', 1487.9], ['2019-09-11', 1456.796]] as const;

describe('reserves', () => {
  it('reports the latest level and its change over 52 weeks, as on 2019-09-17', () => {
    const r = judge(reserves, { reserves: WRESBAL }, '2019-09-17');
    expect(r.metrics.level, 'WRESBAL 2019-09-11 carried to Tuesday 09-17').toBe(1456.796);
    // 52 weeks before 09-17 is 2018-09-18; the latest on or before it is 2018-09-12
    expect(r.metrics.change52w, '1456.796 − 1920.976 = −464.18').toBe(-464.18);
    expect(r.inputs).toEqual([{ series: 'reserves', date: '2019-09-11', value: 1456.796, derived: false }]);
    expect(r.stale).toEqual([]);
    expect(r.status, '1,457 < 3,000').toBe('watch');
    expect(r.reason, '1,456.796 rounds to 1,457 as in the table').toBe('level 1,457 bn is below the 3,000 bn watch level');
  });

  it('uses the observation dated exactly 52 weeks before a Wednesday', () => {
    const r = judge(reserves, { reserves: WRESBAL }, '2019-09-11');
    expect(r.metrics.change52w, '2019-09-11 − 364 = 2018-09-12: 1456.796 − 1920.976').toBe(-464.18);
  });

  it('is ok at exactly 3,000 and watch just under', () => {
    expect(judge(reserves, { reserves: [['2023-06-14', 3000]] }, '2023-06-14').status).toBe('ok');
    expect(judge(reserves, { reserves: [['2023-06-14', 2999.9]] }, '2023-06-14').status).toBe('watch');
  });

  it('has no 52-week change with less than a year of data, and still judges the level', () => {
    const r = judge(reserves, { reserves: weekly('2025-06-04', [3400, 3300, 3200]) }, '2025-06-20');
    expect(r.metrics).toEqual({ level: 3200, change52w: null });
    expect(r.status).toBe('ok');
  });

  it('is unavailable without reserves, naming them', () => {
    const r = judge(reserves, { sofr: [['2019-09-17', 5.25]] }, '2019-09-17');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Reserve balances/);
    expect(r.metrics).toEqual({ level: null, change52w: null });
  });

  it('lists a level older than 14 days as stale and still uses it', () => {
    const r = judge(reserves, { reserves: WRESBAL }, '2019-09-26');
    expect(r.stale, '09-26 − 09-11 = 15 days > 14').toEqual([{ series: 'reserves', date: '2019-09-11', ageDays: 15, limitDays: 14 }]);
    expect(r.metrics.level).toBe(1456.796);
    expect(judge(reserves, { reserves: WRESBAL }, '2019-09-25').stale, '14 days is not yet stale').toEqual([]);
  });
});
