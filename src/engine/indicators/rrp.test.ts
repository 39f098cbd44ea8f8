import { describe, expect, it } from 'vitest';
import { judge } from '../../../test/helpers/series.ts';
import { rrp } from './rrp.ts';

// FRED RRPONTSYD (billions): the record 2553.716 on 2022-12-30.
const RRP = [
  ['2015-12-31', 474.591], ['2022-12-29', 2400.0], ['2022-12-30', 2553.716], ['2023-01-03', 2400.0],
  ['2025-10-30', 40.0], ['2025-10-31', 51.802], ['2026-01-02', 3000],
] as const;

describe('rrp', () => {
  it('reports the level, the peak to date and the drawdown from it', () => {
    const r = judge(rrp, { rrp: RRP }, '2025-10-31');
    expect(r.metrics.level).toBe(51.802);
    expect(r.metrics.peak, 'record 2553.716; the 3000 of 2026 is after the as-of date').toBe(2553.716);
    expect(r.metrics.peakDate).toBe('2022-12-30');
    expect(r.metrics.drawdown, '2553.716 − 51.802 = 2501.914').toBe(2501.914);
    expect(r.metrics.drawdownPct, '2501.914 / 2553.716 × 100 = 97.97 %').toBe(97.9715050538118); // the double, not cut to 12 digits
    expect(r.status, '51.8 < 250').toBe('watch');
  });

  it('takes the peak only from data on or before the as-of date', () => {
    const r = judge(rrp, { rrp: RRP }, '2022-12-29');
    expect(r.metrics.peak).toBe(2400);
    expect(r.metrics.peakDate).toBe('2022-12-29');
    expect(r.metrics.drawdown).toBe(0);
    expect(r.metrics.drawdownPct).toBe(0);
    expect(r.status).toBe('ok');
  });

  it('dates a repeated peak by its first day', () => {
    const r = judge(rrp, { rrp: [['2023-01-03', 900], ['2023-01-04', 1000], ['2023-01-05', 1000], ['2023-01-06', 800]] }, '2023-01-06');
    expect(r.metrics.peakDate).toBe('2023-01-04');
    expect(r.metrics.drawdownPct, '200 / 1000 = 20 %').toBe(20);
  });

  it('carries the level across a weekend', () => {
    const r = judge(rrp, { rrp: RRP }, '2025-11-02');
    expect(r.metrics.level, 'Sunday uses Friday 10-31').toBe(51.802);
    expect(r.inputs[0]?.date).toBe('2025-10-31');
  });

  it('has no drawdown percentage when the peak is zero', () => {
    const r = judge(rrp, { rrp: [['2019-09-16', 0], ['2019-09-17', 0]] }, '2019-09-17');
    expect(r.metrics).toEqual({ level: 0, peak: 0, peakDate: '2019-09-16', drawdown: 0, drawdownPct: null });
    expect(r.status).toBe('watch');
  });

  it('is watch under 250 and ok at 250', () => {
    expect(judge(rrp, { rrp: [['2024-08-01', 250]] }, '2024-08-01').status).toBe('ok');
    expect(judge(rrp, { rrp: [['2024-08-01', 249.99]] }, '2024-08-01').status).toBe('watch');
  });

  it('is unavailable without ON RRP data, naming the series', () => {
    const r = judge(rrp, { sofr: [['2025-10-31', 4.22]] }, '2025-10-31');
    expect(r.reason).toMatch(/needs ON RRP take-up/);
    expect(r.metrics).toEqual({ level: null, peak: null, peakDate: null, drawdown: null, drawdownPct: null });
  });

  it('lists a stale level and still computes', () => {
    const r = judge(rrp, { rrp: RRP }, '2025-11-10');
    expect(r.stale, '11-10 − 10-31 = 10 days > 7').toEqual([{ series: 'rrp', date: '2025-10-31', ageDays: 10, limitDays: 7 }]);
    expect(r.metrics.level).toBe(51.802);
  });
});
