import { describe, expect, it } from 'vitest';
import { judge, onWeekdays, type Obs } from '../../../test/helpers/series.ts';
import { sofrAboveCeiling } from './sofr_above_ceiling.ts';

// FRED SOFR for the 20 business days to 2025-10-31 (10-13, Columbus Day, has no print).
const SOFR_OCT_2025: Obs[] = [
  ['2025-10-03', 4.18], ['2025-10-06', 4.15], ['2025-10-07', 4.14], ['2025-10-08', 4.12], ['2025-10-09', 4.13],
  ['2025-10-10', 4.15], ['2025-10-14', 4.19], ['2025-10-15', 4.29], ['2025-10-16', 4.3], ['2025-10-17', 4.18],
  ['2025-10-20', 4.16], ['2025-10-21', 4.23], ['2025-10-22', 4.21], ['2025-10-23', 4.24], ['2025-10-24', 4.24],
  ['2025-10-27', 4.27], ['2025-10-28', 4.31], ['2025-10-29', 4.27], ['2025-10-30', 4.04], ['2025-10-31', 4.22],
];
// The top of the range (= SRF minimum bid): 4.25 from 09-18, 4.00 from 10-30.
const CEILING: Obs[] = [['2025-09-18', 4.25], ['2025-10-30', 4.0]];

describe('sofr_above_ceiling', () => {
  it('counts the days SOFR printed above the ceiling in the last 20, October 2025', () => {
    const r = judge(sofrAboveCeiling, { sofr: SOFR_OCT_2025, srf_rate: CEILING, target_upper: CEILING }, '2025-10-31');
    // above: 10-15 (4.29 > 4.25), 10-16 (4.30), 10-27 (4.27), 10-28 (4.31), 10-29 (4.27), 10-30 (4.04 > 4.00), 10-31 (4.22)
    expect(r.metrics.count, '7 days above, as listed in fixtures/SOURCES.md').toBe(7);
    expect(r.metrics.streak, '10-27 … 10-31').toBe(5);
    expect(r.metrics.longestStreak).toBe(5);
    expect(r.metrics.maxExcessBp, 'SOFR 4.22 − 4.00 = 22 bp on 10-31 (10-28: 4.31 − 4.25 = 6)').toBe(22);
    expect(r.metrics.ceiling, 'after the 10-29 cut').toBe(4);
    expect(r.status, 'streak 5 ≥ 3').toBe('stress');
    // 10-15 mid-month; 10-16, 10-27 … 10-30 plain; 10-31 month-end (the hand count)
    expect(r.reason).toBe('SOFR above the ceiling 5 business days running: stress at 3 or more days running; 7 of 20 days above the ceiling: 5 plain, 1 month-end, 1 mid-month — mostly plain days: persistent, not seasonal');
  });

  it('compares each day with the ceiling in force that day across an FOMC change', () => {
    const r = judge(sofrAboveCeiling, { sofr: SOFR_OCT_2025, target_upper: CEILING }, '2025-10-30');
    expect(r.metrics.maxExcessBp, '10-28: 4.31 − 4.25 = 6 bp; 10-30: 4.04 − 4.00 = 4 bp').toBe(6);
    expect(r.metrics.streak, '10-27 … 10-30, 10-30 above the new 4.00 top').toBe(4);
  });

  it('reports the ceiling in force on the as-of date, known that morning', () => {
    // The morning of 10-30: SOFR of 10-29 is the latest print; the 4.00 top took effect today.
    const r = judge(sofrAboveCeiling, { sofr: SOFR_OCT_2025, target_upper: CEILING }, '2025-10-30', { asPublished: true });
    expect(r.metrics.ceiling, 'the new top, 4.00, not the 4.25 of 10-29').toBe(4);
    expect(r.metrics.maxExcessBp, 'days are still judged by their own ceiling: 10-28 4.31 − 4.25').toBe(6);
  });

  it('carries the ceiling across a weekend', () => {
    const r = judge(sofrAboveCeiling, {
      sofr: onWeekdays('2019-09-03', [2.17, 2.21, 2.21, 2.15, 2.12, 2.14, 2.15, 2.2, 2.2, 2.43]),
      target_upper: onWeekdays('2019-09-03', Array(9).fill(2.25)), // to Friday 09-13
    }, '2019-09-16');
    expect(r.metrics.count, 'Monday 09-16: SOFR 2.43 > 2.25 carried from Friday').toBe(1);
    expect(r.metrics.maxExcessBp, '2.43 − 2.25 = 18 bp').toBe(18);
    expect(r.inputs).toEqual([
      { series: 'sofr', date: '2019-09-16', value: 2.43, derived: false },
      { series: 'target_upper', date: '2019-09-13', value: 2.25, derived: false },
    ]);
    expect(r.status, 'count 1 ≥ 1').toBe('watch');
  });

  it('counts a streak that began before the 20-day window', () => {
    const r = judge(sofrAboveCeiling, { sofr: onWeekdays('2025-09-29', Array(25).fill(4.3)), target_upper: [['2025-09-18', 4.25]] }, '2025-10-31');
    expect(r.metrics.streak, '25 business days above, back to 09-29').toBe(25);
    expect(r.metrics.count, 'the window holds 20').toBe(20);
    expect(r.metrics.longestStreak, 'within the window only').toBe(20);
    expect(r.metrics.maxExcessBp, '4.30 − 4.25').toBe(5);
  });

  it('judges stress on the current streak, not the longest one in the window', () => {
    // above on 10-06, 07, 08 and on 10-31 only
    const values = Array(20).fill(4.2);
    values[0] = values[1] = values[2] = values[19] = 4.3;
    const r = judge(sofrAboveCeiling, { sofr: onWeekdays('2025-10-06', values), target_upper: [['2025-09-18', 4.25]] }, '2025-10-31');
    expect(r.metrics.count).toBe(4);
    expect(r.metrics.streak, 'only 10-31').toBe(1);
    expect(r.metrics.longestStreak, '10-06 … 10-08').toBe(3);
    expect(r.status, 'count 4 < 5 and streak 1 < 3: watch').toBe('watch');
  });

  it('is stress on 5 days above in the window even with no streak', () => {
    const values = Array(20).fill(4.2);
    for (const i of [1, 5, 9, 13, 17]) values[i] = 4.26;
    const r = judge(sofrAboveCeiling, { sofr: onWeekdays('2025-10-06', values), target_upper: [['2025-09-18', 4.25]] }, '2025-10-31');
    expect(r.metrics.count).toBe(5);
    expect(r.metrics.streak, '10-31 is below').toBe(0);
    expect(r.metrics.longestStreak).toBe(1);
    expect(r.status, 'count 5 ≥ 5').toBe('stress');
  });

  it('gives a negative maxExcessBp when SOFR never went above', () => {
    const r = judge(sofrAboveCeiling, { sofr: onWeekdays('2025-10-06', Array(20).fill(4.1)), target_upper: onWeekdays('2025-10-06', Array(20).fill(4.25)) }, '2025-10-31');
    expect(r.metrics).toEqual({ count: 0, streak: 0, longestStreak: 0, maxExcessBp: -15, ceiling: 4.25 });
    expect(r.status, '4.10 − 4.25 = −15 bp every day').toBe('ok');
    expect(r.reason).toBe('SOFR above the ceiling on 0 of the last 20 days (watch at 1 or more days): ok');
  });

  it('uses the SRF rate where there is one and the top of the range before it', () => {
    // A hypothetical SRF bid of 4.10 from 10-27, under a 4.25 top: only the SRF days count.
    const r = judge(sofrAboveCeiling, {
      sofr: onWeekdays('2025-10-06', Array(20).fill(4.2)),
      target_upper: [['2025-09-18', 4.25]],
      srf_rate: [['2025-10-27', 4.1]],
    }, '2025-10-31');
    expect(r.metrics.count, '10-27 … 10-31 above 4.10; 10-06 … 10-24 under 4.25').toBe(5);
    expect(r.metrics.streak).toBe(5);
    expect(r.metrics.maxExcessBp, '4.20 − 4.10 = 10 bp').toBe(10);
    expect(r.metrics.ceiling).toBe(4.1);
    expect(r.inputs.map((i) => i.series)).toEqual(['sofr', 'srf_rate']);
  });

  it('works from the SRF rate alone', () => {
    const r = judge(sofrAboveCeiling, { sofr: onWeekdays('2025-10-06', Array(20).fill(4.2)), srf_rate: [['2025-09-18', 4.25]] }, '2025-10-31');
    expect(r.metrics.maxExcessBp).toBe(-5);
    expect(r.status, 'the SRF rate of 09-18 is 43 days old on 10-31: stale, so not ok').toBe('unknown');
    expect(r.reason).toBe('SRF minimum bid 43 days old: cannot confirm ok');
    const fresh = judge(sofrAboveCeiling, { sofr: onWeekdays('2025-10-06', Array(20).fill(4.2)), srf_rate: [['2025-09-18', 4.25], ['2025-10-31', 4.25]] }, '2025-10-31');
    expect(fresh.status, 'the same rate observed on the as-of date').toBe('ok');
  });

  it('skips days before the first ceiling', () => {
    const r = judge(sofrAboveCeiling, { sofr: onWeekdays('2025-10-06', Array(20).fill(4.3)), target_upper: [['2025-10-27', 4.25]] }, '2025-10-31');
    expect(r.metrics.count, 'only 10-27 … 10-31 have a ceiling').toBe(5);
    expect(r.metrics.streak).toBe(5);
  });

  it('is unavailable without a ceiling, naming target_upper', () => {
    const r = judge(sofrAboveCeiling, { sofr: SOFR_OCT_2025 }, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Target range, top/);
    expect(r.metrics).toEqual({ count: null, streak: null, longestStreak: null, maxExcessBp: null, ceiling: null });
  });

  it('is unavailable without SOFR, naming it', () => {
    expect(judge(sofrAboveCeiling, { target_upper: CEILING }, '2025-10-31').reason).toMatch(/needs SOFR/);
  });

  it('lists a stale ceiling and still counts', () => {
    const r = judge(sofrAboveCeiling, { sofr: SOFR_OCT_2025, target_upper: [['2025-09-18', 4.25]] }, '2025-10-31');
    expect(r.stale).toEqual([{ series: 'target_upper', date: '2025-09-18', ageDays: 43, limitDays: 7 }]);
    expect(r.metrics.count, '10-15, 10-16, 10-27, 10-28, 10-29 (4.27 … 4.31) above a 4.25 never cut').toBe(5);
  });
});
