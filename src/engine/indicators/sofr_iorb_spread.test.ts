import { describe, expect, it } from 'vitest';
import { judge, onWeekdays } from '../../../test/helpers/series.ts';
import { sofrIorbSpread } from './sofr_iorb_spread.ts';

// FRED SOFR 2025-10-20 … 10-31; IORB 4.15 until the 10-29 decision, 3.90 from 10-30.
const SOFR = onWeekdays('2025-10-20', [4.16, 4.23, 4.21, 4.24, 4.24, 4.27, 4.31, 4.27, 4.04, 4.22]);
const IORB = [['2025-09-18', 4.15], ['2025-10-30', 3.9]] as const;

describe('sofr_iorb_spread', () => {
  it('averages SOFR − IORB over the last 10 days, with the new IORB the day after an FOMC change', () => {
    const r = judge(sofrIorbSpread, { sofr: SOFR, iorb: IORB }, '2025-10-31');
    expect(r.metrics.latestBp, 'SOFR 4.22 − IORB 3.90 = 32 bp').toBe(32);
    // 1+8+6+9+9+12+16+12 (vs 4.15) + 14 (4.04 − 3.90) + 32 = 119
    expect(r.metrics.avg10Bp, '119 / 10 = 11.9 bp').toBe(11.9);
    expect(r.status, '11.9 bp ≥ 10 bp').toBe('stress');
    expect(judge(sofrIorbSpread, { sofr: SOFR, iorb: IORB }, '2025-10-30').metrics.latestBp, '4.04 − 3.90 (not 4.15) = 14 bp').toBe(14);
  });

  it('carries IORB across a weekend', () => {
    const r = judge(sofrIorbSpread, {
      sofr: onWeekdays('2025-10-20', [4.16, 4.23, 4.21, 4.24, 4.24, 4.27]),
      iorb: onWeekdays('2025-10-20', [4.15, 4.15, 4.15, 4.15, 4.15]), // Mon–Fri only
    }, '2025-10-27');
    expect(r.metrics.latestBp, 'Monday SOFR 4.27 − Friday IORB 4.15 = 12 bp').toBe(12);
    expect(r.inputs.find((i) => i.series === 'iorb')?.date).toBe('2025-10-24');
    expect(r.metrics.avg10Bp, 'six days only').toBeNull();
  });

  it('is watch at exactly 0 bp and ok just below', () => {
    const at = (sofr: number) => judge(sofrIorbSpread, { sofr: onWeekdays('2025-10-20', Array(10).fill(sofr)), iorb: onWeekdays('2025-10-20', Array(10).fill(4.15)) }, '2025-10-31');
    expect(at(4.15).metrics.avg10Bp, '4.15 − 4.15 = 0 bp').toBe(0);
    expect(at(4.15).status, 'repo at IORB: watch (≥ 0)').toBe('watch');
    expect(at(4.14).metrics.avg10Bp).toBe(-1);
    expect(at(4.14).status).toBe('ok');
    expect(at(4.25).status, '4.25 − 4.15 = 10 bp ≥ 10: stress').toBe('stress');
  });

  it('is unavailable without IORB, naming it', () => {
    const r = judge(sofrIorbSpread, { sofr: SOFR, rrp_rate: [['2025-09-18', 4.0]] }, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Interest on reserve balances/);
    expect(r.metrics).toEqual({ latestBp: null, avg10Bp: null });
  });

  it('is unavailable without SOFR, naming it', () => {
    expect(judge(sofrIorbSpread, { iorb: IORB }, '2025-10-31').reason).toMatch(/needs SOFR/);
  });

  it('lists a stale IORB and still computes the spread', () => {
    const r = judge(sofrIorbSpread, { sofr: SOFR, iorb: [['2025-10-01', 4.15]] }, '2025-10-31');
    expect(r.stale).toEqual([{ series: 'iorb', date: '2025-10-01', ageDays: 30, limitDays: 7 }]);
    expect(r.metrics.latestBp, '4.22 − 4.15 = 7 bp').toBe(7);
  });
});
