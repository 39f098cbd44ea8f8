import { describe, expect, it } from 'vitest';
import { judge, onWeekdays, type Obs } from '../../../test/helpers/series.ts';
import { srfUsage } from './srf_usage.ts';

// Take-up in USD bn (50.35 on 2025-10-31 is the NY Fed's figure; the others are made up).
const SRF: Obs[] = [
  ['2025-09-30', 60], ['2025-10-01', 1.5], ['2025-10-16', 8.35], ['2025-10-29', 10], ['2025-10-30', 20], ['2025-10-31', 50.35],
  ['2025-11-03', 0.5],
];
// SOFR on every weekday from 09-29 makes the calendar: the 20 business days to 10-31 start on 10-06.
const SOFR: Obs[] = onWeekdays('2025-09-29', Array(30).fill(4.2));

describe('srf_usage', () => {
  it('reports the latest take-up, the 20-day maximum and the month to date', () => {
    const r = judge(srfUsage, { sofr: SOFR, srf: SRF }, '2025-10-31');
    expect(r.metrics.latest).toBe(50.35);
    expect(r.metrics.max20, 'window 10-06 … 10-31 (20 SOFR weekdays); the 60 of 09-30 is outside it').toBe(50.35);
    expect(r.metrics.monthTotal, 'October: 1.5 + 8.35 + 10 + 20 + 50.35 = 90.2').toBe(90.2);
    expect(r.status, '50.35 ≥ 50').toBe('stress');
  });

  it('starts a new month total on the first of the month', () => {
    const r = judge(srfUsage, { sofr: SOFR, srf: SRF }, '2025-11-03');
    expect(r.metrics.latest).toBe(0.5);
    expect(r.metrics.monthTotal, 'November: 0.5 only').toBe(0.5);
    expect(r.metrics.max20, '10-31 is still in the window').toBe(50.35);
    expect(r.status).toBe('ok');
  });

  it('counts the month up to the as-of date only', () => {
    expect(judge(srfUsage, { sofr: SOFR, srf: SRF }, '2025-10-29').metrics.monthTotal, '1.5 + 8.35 + 10').toBe(19.85);
  });

  it('reaches the 20-day maximum back to the first day of the window', () => {
    // As of 10-27 the window runs from 09-30 (20 SOFR weekdays: 09-30 … 10-27)
    const r = judge(srfUsage, { sofr: SOFR, srf: SRF }, '2025-10-27');
    expect(judge(srfUsage, { sofr: SOFR, srf: SRF }, '2025-10-28').metrics.max20, 'a day later 09-30 has left the window').toBe(8.35);
    expect(r.metrics.max20, '60 on 09-30').toBe(60);
    expect(r.metrics.latest, 'carried from 10-16').toBe(8.35);
  });

  it('is watch from 5 and stress from 50', () => {
    const at = (v: number) => judge(srfUsage, { sofr: SOFR, srf: [['2025-10-31', v]] }, '2025-10-31').status;
    expect(at(4.99)).toBe('ok');
    expect(at(5)).toBe('watch');
    expect(at(49.99)).toBe('watch');
    expect(at(50)).toBe('stress');
  });

  it('has no 20-day maximum without SOFR dates to count business days by', () => {
    const r = judge(srfUsage, { srf: SRF }, '2025-10-31');
    expect(r.metrics.latest).toBe(50.35);
    expect(r.metrics.max20, 'not the latest day passed off as a 20-day maximum').toBeNull();
    expect(r.metrics.monthTotal, 'the month needs no business-day calendar').toBe(90.2);
    expect(r.status).toBe('stress');
  });

  it('is unavailable without take-up data, naming the series', () => {
    const r = judge(srfUsage, { sofr: SOFR }, '2025-10-31');
    expect(r.reason).toMatch(/needs SRF \/ repo operations take-up/);
    expect(r.metrics).toEqual({ latest: null, max20: null, monthTotal: null });
  });

  it('lists a stale latest take-up', () => {
    const r = judge(srfUsage, { sofr: SOFR, srf: SRF }, '2025-10-28');
    expect(r.stale, '10-28 − 10-16 = 12 days > 7').toEqual([{ series: 'srf', date: '2025-10-16', ageDays: 12, limitDays: 7 }]);
  });
});
