import { describe, expect, it } from 'vitest';
import { judge, onWeekdays } from '../../../test/helpers/series.ts';
import { sofrRrpSpread } from './sofr_rrp_spread.ts';

// October 2025: the FOMC cut on Wednesday 10-29, effective Thursday 10-30 (RRP 4.00 → 3.75).
const SOFR_LAST10 = [4.16, 4.23, 4.21, 4.24, 4.24, 4.27, 4.31, 4.27, 4.04, 4.22]; // 10-20 … 10-31 (FRED)

describe('sofr_rrp_spread', () => {
  it('averages the last 10 business days and compares them with the 10 before', () => {
    const r = judge(sofrRrpSpread, {
      // 10-06 … 10-17 at 4.10 (10 bp each), then 10-20 … 10-31
      sofr: onWeekdays('2025-10-06', [...Array(10).fill(4.1), 4.16, 4.23, 4.21, 4.24, 4.24, 4.27, 4.31, 4.27, 4.29, 4.28]),
      rrp_rate: [['2025-09-18', 4.0]],
    }, '2025-10-31');
    expect(r.metrics.latestBp, 'SOFR 4.28 − RRP 4.00 = 28 bp').toBe(28);
    // 16+23+21+24+24+27+31+27+29+28 = 250 → 25 bp
    expect(r.metrics.avg10Bp, 'mean of 16,23,21,24,24,27,31,27,29,28 = 250/10').toBe(25);
    expect(r.metrics.avg10PrevBp, '10 days of 4.10 − 4.00 = 10 bp').toBe(10);
    expect(r.metrics.change10Bp, '25 − 10 = 15 bp').toBe(15);
    expect(r.status, 'avg10 25 bp ≥ 25 bp is stress').toBe('stress');
    // At or above 25 bp: 10-27 (27), 10-28 (31), 10-29 (27), 10-30 (29) plain; 10-31 (28) the month-end
    expect(r.reason).toBe('10-day mean 25 bp is at the 25 bp stress level; SOFR − ON RRP at or above 25 bp on 5 of the 10 days: 4 plain, 1 month-end — mostly plain days: persistent, not seasonal');
    expect(r.inputs).toEqual([
      { series: 'sofr', date: '2025-10-31', value: 4.28, derived: false },
      { series: 'rrp_rate', date: '2025-09-18', value: 4, derived: false },
    ]);
    expect(r.stale, 'RRP rate carried 43 days is stale (limit 7)').toHaveLength(1);
  });

  it('takes the mean of spreads exactly: 250.0 bp over 10 days is 25 bp, at the stress level', () => {
    // Spreads 16.9, 30.8, 20.3, 24.4, 34.5, 31.7, 23.2, 30.1, 25.6, 12.5 bp sum to 250.0: a mean of 25 bp,
    // which binary arithmetic would compute as 24.999999999999996 (ok, not stress).
    const sofr = [4.169, 4.308, 4.203, 4.244, 4.345, 4.317, 4.232, 4.301, 4.256, 4.125];
    const r = judge(sofrRrpSpread, { sofr: onWeekdays('2025-10-06', [...Array(10).fill(4.1), ...sofr]), rrp_rate: [['2025-10-01', 4.0]] }, '2025-10-31');
    expect(r.metrics.avg10Bp, '250.0 / 10').toBe(25);
    expect(r.status, '25 bp ≥ 25 bp').toBe('stress');
    // At or above 25 bp: 10-21, 10-24, 10-27, 10-29, 10-30, all plain (the month-end 10-31 printed 12.5).
    expect(r.reason).toBe('10-day mean 25 bp is at the 25 bp stress level; SOFR − ON RRP at or above 25 bp on 5 of the 10 days: 5 plain — all plain days: persistent, not seasonal');
  });

  it('uses the new RRP rate the day after an FOMC change', () => {
    const spec = {
      sofr: onWeekdays('2025-10-06', [...Array(10).fill(4.1), ...SOFR_LAST10]),
      rrp_rate: [['2025-09-18', 4.0], ['2025-10-30', 3.75]] as const,
    };
    const onChange = judge(sofrRrpSpread, spec, '2025-10-30');
    expect(onChange.metrics.latestBp, 'SOFR 4.04 − new RRP 3.75 = 29 bp (not 4.04 − 4.00 = 4)').toBe(29);
    const dayBefore = judge(sofrRrpSpread, spec, '2025-10-29');
    expect(dayBefore.metrics.latestBp, 'SOFR 4.27 − old RRP 4.00 = 27 bp').toBe(27);
    const r = judge(sofrRrpSpread, spec, '2025-10-31');
    expect(r.metrics.latestBp, 'SOFR 4.22 − 3.75 = 47 bp').toBe(47);
    // 16+23+21+24+24+27+31+27 (vs 4.00) + 29+47 (vs 3.75) = 269
    expect(r.metrics.avg10Bp, '269 / 10 = 26.9 bp, as FRED gives on 2025-10-31').toBe(26.9);
    expect(r.status).toBe('stress');
  });

  it('carries the RRP rate across a weekend', () => {
    const r = judge(sofrRrpSpread, {
      sofr: onWeekdays('2019-09-03', [2.17, 2.21, 2.21, 2.15, 2.12, 2.14, 2.15, 2.2, 2.2, 2.43]),
      rrp_rate: onWeekdays('2019-09-03', [2, 2, 2, 2, 2, 2, 2, 2, 2]), // through Friday 09-13 only
    }, '2019-09-16');
    expect(r.metrics.latestBp, 'Monday SOFR 2.43 − Friday RRP 2.00 = 43 bp').toBe(43);
    // 17+21+21+15+12+14+15+20+20+43 = 198
    expect(r.metrics.avg10Bp, '198 / 10 = 19.8 bp, as FRED gives on 2019-09-16').toBe(19.8);
    expect(r.inputs.find((i) => i.series === 'rrp_rate')?.date, 'carried from Friday').toBe('2019-09-13');
    expect(r.stale, '3 days old is not stale').toEqual([]);
    expect(r.status, '19.8 bp ≥ 10 bp').toBe('watch');
  });

  it('has no mean unless all 10 days are there', () => {
    const r = judge(sofrRrpSpread, { sofr: onWeekdays('2025-10-20', [4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2]), rrp_rate: [['2025-09-18', 4.0]] }, '2025-10-30');
    expect(r.metrics.latestBp, '4.20 − 4.00').toBe(20);
    expect(r.metrics.avg10Bp, 'only 9 business days').toBeNull();
    expect(r.metrics.avg10PrevBp).toBeNull();
    expect(r.metrics.change10Bp).toBeNull();
    expect(r.status).toBe('unavailable');
    expect(r.reason).toBe('not enough history for the 10-day mean');
  });

  it('has no mean when a day of the window precedes the first RRP rate', () => {
    const r = judge(sofrRrpSpread, { sofr: onWeekdays('2025-10-20', Array(10).fill(4.2)), rrp_rate: [['2025-10-22', 4.0]] }, '2025-10-31');
    expect(r.metrics.latestBp).toBe(20);
    expect(r.metrics.avg10Bp, '10-20 and 10-21 have no RRP rate yet').toBeNull();
  });

  it('has avg10 but no avg10Prev or change with 15 days of data', () => {
    const r = judge(sofrRrpSpread, { sofr: onWeekdays('2025-10-13', Array(15).fill(4.12)), rrp_rate: [['2025-09-18', 4.0]] }, '2025-10-31');
    expect(r.metrics.avg10Bp, '4.12 − 4.00 every day').toBe(12);
    expect(r.metrics.avg10PrevBp, 'only 5 days before the window').toBeNull();
    expect(r.metrics.change10Bp).toBeNull();
    expect(r.status, '12 bp ≥ 10 bp').toBe('watch');
  });

  it('is ok just under 10 bp and watch at exactly 10 bp', () => {
    const at = (sofr: number) => judge(sofrRrpSpread, { sofr: onWeekdays('2025-10-20', Array(10).fill(sofr)), rrp_rate: onWeekdays('2025-10-20', Array(10).fill(4.0)) }, '2025-10-31');
    expect(at(4.1).metrics.avg10Bp, '4.10 − 4.00 = 10 bp exactly, no float noise').toBe(10);
    expect(at(4.1).status).toBe('watch');
    expect(at(4.099).metrics.avg10Bp, '4.099 − 4.00 = 9.9 bp').toBe(9.9);
    expect(at(4.099).status).toBe('ok');
    expect(at(4.099).reason).toBe('10-day mean 9.9 bp is below the 10 bp watch level: ok');
  });

  it('is unavailable without an RRP rate, naming it, and still lets SOFR alone load', () => {
    const r = judge(sofrRrpSpread, { sofr: onWeekdays('2025-10-20', Array(10).fill(4.2)) }, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs ON RRP award rate/);
    expect(r.metrics).toEqual({ latestBp: null, avg10Bp: null, avg10PrevBp: null, change10Bp: null });
    expect(r.inputs).toEqual([]);
  });

  it('is unavailable without SOFR, naming it', () => {
    const r = judge(sofrRrpSpread, { rrp_rate: [['2025-09-18', 4.0]], reserves: [['2025-10-29', 2848]] }, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs SOFR/);
  });

  it('treats an RRP rate that starts after the as-of date as missing', () => {
    const r = judge(sofrRrpSpread, { sofr: onWeekdays('2025-10-20', Array(10).fill(4.2)), rrp_rate: [['2025-11-03', 3.75]] }, '2025-10-31');
    expect(r.reason).toMatch(/needs ON RRP award rate/);
  });

  it('lists a stale RRP rate and still computes the spread', () => {
    const r = judge(sofrRrpSpread, {
      sofr: onWeekdays('2025-10-20', Array(10).fill(4.2)),
      rrp_rate: onWeekdays('2025-10-06', Array(10).fill(4.0)), // last 10-17
    }, '2025-10-31');
    expect(r.stale, '10-31 − 10-17 = 14 days > 7').toEqual([{ series: 'rrp_rate', date: '2025-10-17', ageDays: 14, limitDays: 7 }]);
    expect(r.metrics.avg10Bp, '4.20 − 4.00 carried').toBe(20);
    expect(r.status).toBe('watch');
  });
});
