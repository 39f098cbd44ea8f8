import { describe, expect, it } from 'vitest';
import { judge } from '../../../test/helpers/series.ts';
import { tga } from './tga.ts';

// FRED WTREGEN (week average, here in billions), Wednesdays of 2025.
const WTREGEN = [['2025-07-23', 323.176], ['2025-07-30', 370.507], ['2025-08-06', 400], ['2025-10-22', 908.001], ['2025-10-29', 957.99]] as const;

describe('tga', () => {
  it('measures the change over 13 weeks from the latest observation on or before each day', () => {
    const r = judge(tga, { tga: WTREGEN }, '2025-10-31');
    expect(r.metrics.level, 'Wednesday 10-29 carried to Friday').toBe(957.99);
    // 13 weeks before Friday 10-31 is Friday 08-01: the latest on or before it is 07-30, not 08-06
    expect(r.metrics.change13w, '957.990 − 370.507 = 587.483').toBe(587.483);
    expect(r.status, '+587 bn ≥ 300').toBe('watch');
  });

  it('uses the observation dated exactly 13 weeks before', () => {
    const r = judge(tga, { tga: WTREGEN }, '2025-10-29');
    expect(r.metrics.change13w, '10-29 − 91 days = 07-30: 957.990 − 370.507').toBe(587.483);
  });

  it('is watch at exactly +300 and ok below', () => {
    expect(judge(tga, { tga: [['2025-07-30', 100], ['2025-10-29', 400]] }, '2025-10-29').status, '400 − 100 = 300').toBe('watch');
    const r = judge(tga, { tga: [['2025-07-30', 100], ['2025-10-29', 399.9]] }, '2025-10-29');
    expect(r.status).toBe('ok');
  });

  it('has no change without data 13 weeks back', () => {
    const r = judge(tga, { tga: WTREGEN.slice(3) }, '2025-10-31');
    expect(r.metrics).toEqual({ level: 957.99, change13w: null, measure: 'H.4.1' });
    expect(r.status).toBe('unavailable');
    expect(r.reason).toBe('not enough history for the 13-week change');
  });

  it('is unavailable without the TGA, naming it', () => {
    const r = judge(tga, { reserves: [['2025-10-29', 2848]] }, '2025-10-31');
    expect(r.reason).toMatch(/needs Treasury General Account/);
    expect(r.metrics).toEqual({ level: null, change13w: null, measure: null });
  });

  it('lists a stale level and still computes the change', () => {
    const r = judge(tga, { tga: WTREGEN }, '2025-11-13');
    expect(r.stale, '11-13 − 10-29 = 15 days > 14').toEqual([{ series: 'tga', date: '2025-10-29', ageDays: 15, limitDays: 14 }]);
    // 13 weeks before 11-13 is 08-14: latest on or before is 08-06 (400)
    expect(r.metrics.change13w, '957.990 − 400 = 557.99').toBe(557.99);
  });

  // The Daily Treasury Statement's closing balances (billions), a few business days of 2025.
  const DTS = [['2025-07-31', 390.5], ['2025-08-01', 402.1], ['2025-10-30', 985.2], ['2025-10-31', 1002.3], ['2025-11-13', 890]] as const;

  it('keeps the fresh H.4.1 figure when both measures are given', () => {
    const r = judge(tga, { tga: WTREGEN, tga_daily: DTS }, '2025-10-31');
    expect(r.metrics, 'the H.4.1 week average of 10-29, as above').toMatchObject({ level: 957.99, change13w: 587.483, measure: 'H.4.1' });
  });

  it('falls back to the daily statement, for both level and change, when the H.4.1 figure is stale or missing', () => {
    // 11-14 − 10-29 = 16 days > 14: the H.4.1 figure is stale; the DTS of 11-13 is a day old.
    const stale = judge(tga, { tga: WTREGEN, tga_daily: DTS }, '2025-11-14');
    // 13 weeks before 11-14 is 08-15: the latest DTS on or before it is 08-01 (402.1)
    expect(stale.metrics, 'never a DTS level against an H.4.1 one').toMatchObject({ level: 890, measure: 'Daily Treasury Statement' });
    expect(stale.metrics.change13w as number, '890 − 402.1 = 487.9').toBeCloseTo(487.9, 9);
    expect(stale.stale, 'the figure used is fresh').toEqual([]);
    const only = judge(tga, { tga_daily: DTS }, '2025-10-31');
    expect(only.metrics.change13w as number, '13 weeks before 10-31 is 08-01: 1002.3 − 402.1').toBeCloseTo(600.2, 9);
    expect(only.status, '+600 bn ≥ 300').toBe('watch');
  });

  it('keeps the H.4.1 figure when the daily statement is stale too', () => {
    const r = judge(tga, { tga: WTREGEN, tga_daily: DTS.slice(0, 4) }, '2025-11-14');
    expect(r.metrics.measure, 'both stale: the measure net liquidity uses').toBe('H.4.1');
  });
});
