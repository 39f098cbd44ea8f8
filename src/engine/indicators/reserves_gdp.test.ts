import { describe, expect, it } from 'vitest';
import { judge } from '../../../test/helpers/series.ts';
import { reservesGdp } from './reserves_gdp.ts';

// FRED GDP (billions SAAR, dated the first day of the quarter) and WRESBAL (billions).
const GDP = [['2019-04-01', 21539.7], ['2019-07-01', 21717.171], ['2019-10-01', 21933.217]] as const;

describe('reserves_gdp', () => {
  it('divides reserves by the latest GDP, carried forward, as on 2019-09-17', () => {
    const r = judge(reservesGdp, { reserves: [['2019-09-11', 1456.796]], gdp: GDP.slice(0, 2) }, '2019-09-17');
    expect(r.metrics.ratioPct, '1456.796 / 21717.171 × 100 = 6.708 %').toBe(6.70803761687008); // the double, not cut to 12 digits
    expect(r.metrics.gdp).toBe(21717.171);
    expect(r.metrics.gdpDate, 'Q3 2019 dated its first day, carried 78 days').toBe('2019-07-01');
    expect(r.stale).toEqual([]);
    expect(r.status, '6.7 % < 10 %').toBe('watch');
  });

  it('carries GDP forward to the next quarter’s figure, not beyond it', () => {
    const r = judge(reservesGdp, { reserves: [['2019-12-11', 1456.796]], gdp: GDP }, '2019-12-15');
    expect(r.metrics.gdpDate).toBe('2019-10-01');
    expect(r.metrics.ratioPct, '1456.796 / 21933.217 × 100').toBe(6.641962280316655);
  });

  it('is ok at 10 % and above', () => {
    const r = judge(reservesGdp, { reserves: [['2023-06-14', 2700]], gdp: [['2023-04-01', 27000]] }, '2023-06-14');
    expect(r.metrics.ratioPct, '2700 / 27000 = 10 %').toBe(10);
    expect(r.status).toBe('ok');
  });

  it('is unavailable without GDP, naming it', () => {
    const r = judge(reservesGdp, { reserves: [['2019-09-11', 1456.796]] }, '2019-09-17');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Nominal GDP/);
    expect(r.metrics).toEqual({ ratioPct: null, gdp: null, gdpDate: null });
  });

  it('is unavailable without reserves, naming them', () => {
    expect(judge(reservesGdp, { gdp: GDP }, '2019-12-15').reason).toMatch(/needs Reserve balances/);
  });

  it('lists GDP older than 200 days as stale and still computes', () => {
    const r = judge(reservesGdp, { reserves: [['2026-06-17', 3033.4]], gdp: [['2025-07-01', 31095.089]] }, '2026-06-17');
    expect(r.stale, '2026-06-17 − 2025-07-01 = 351 days > 200').toEqual([{ series: 'gdp', date: '2025-07-01', ageDays: 351, limitDays: 200 }]);
    expect(r.metrics.ratioPct, '3033.4 / 31095.089 = 9.755 %').toBeCloseTo(9.7552, 4);
  });
});
