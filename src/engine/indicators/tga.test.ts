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
    expect(r.metrics).toEqual({ level: 957.99, change13w: null });
    expect(r.status).toBe('unavailable');
    expect(r.reason).toBe('not enough history for the 13-week change');
  });

  it('is unavailable without the TGA, naming it', () => {
    const r = judge(tga, { reserves: [['2025-10-29', 2848]] }, '2025-10-31');
    expect(r.reason).toMatch(/needs Treasury General Account/);
    expect(r.metrics).toEqual({ level: null, change13w: null });
  });

  it('lists a stale level and still computes the change', () => {
    const r = judge(tga, { tga: WTREGEN }, '2025-11-13');
    expect(r.stale, '11-13 − 10-29 = 15 days > 14').toEqual([{ series: 'tga', date: '2025-10-29', ageDays: 15, limitDays: 14 }]);
    // 13 weeks before 11-13 is 08-14: latest on or before is 08-06 (400)
    expect(r.metrics.change13w, '957.990 − 400 = 557.99').toBe(557.99);
  });
});
