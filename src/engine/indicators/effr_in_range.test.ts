import { describe, expect, it } from 'vitest';
import { judge, onWeekdays, type SeriesSpec } from '../../../test/helpers/series.ts';
import { effrInRange } from './effr_in_range.ts';

// September 2019: range 2.00–2.25 through 09-18, 1.75–2.00 from 09-19 (FRED DFEDTARL/U).
const RANGE_2019: SeriesSpec = {
  target_upper: [['2018-12-20', 2.5], ['2019-08-01', 2.25], ['2019-09-19', 2.0]],
  target_lower: [['2018-12-20', 2.25], ['2019-08-01', 2.0], ['2019-09-19', 1.75]],
};
// The range observed on 09-13 itself (FRED publishes it daily), so no input is stale.
const atEffr = (effr: number, extra: SeriesSpec = {}) =>
  judge(effrInRange, { target_upper: [['2019-09-13', 2.25]], target_lower: [['2019-09-13', 2.0]], effr: [['2019-09-13', effr]], ...extra }, '2019-09-13');

describe('effr_in_range', () => {
  it('places EFFR in the range and against IORB, October 2025', () => {
    const r = judge(effrInRange, {
      effr: [['2025-10-31', 3.86]],
      target_upper: [['2025-10-30', 4.0]],
      target_lower: [['2025-10-30', 3.75]],
      iorb: [['2025-10-30', 3.9]],
    }, '2025-10-31');
    expect(r.metrics.effr).toBe(3.86);
    expect(r.metrics.aboveLowerBp, '3.86 − 3.75 = 11 bp').toBe(11);
    expect(r.metrics.belowUpperBp, '4.00 − 3.86 = 14 bp').toBe(14);
    expect(r.metrics.effrIorbBp, '3.86 − 3.90 = −4 bp').toBe(-4);
    expect(r.status).toBe('ok');
  });

  it('is stress with EFFR over the top, as on 2019-09-17', () => {
    const r = judge(effrInRange, { ...RANGE_2019, effr: [['2019-09-16', 2.25], ['2019-09-17', 2.3]] }, '2019-09-17');
    expect(r.metrics.belowUpperBp, '2.25 − 2.30 = −5 bp').toBe(-5);
    expect(r.metrics.aboveLowerBp, '2.30 − 2.00 = 30 bp').toBe(30);
    expect(r.metrics.effrIorbBp, 'no IORB series').toBeNull();
    expect(r.status).toBe('stress');
  });

  it('is stress at exactly the top of the range', () => {
    const r = atEffr(2.25);
    expect(r.metrics.belowUpperBp, '2.25 − 2.25 = 0 bp: EFFR ≥ top').toBe(0);
    expect(r.status).toBe('stress');
  });

  it('is watch at exactly 5 bp below the top and ok at 6', () => {
    expect(atEffr(2.2).metrics.belowUpperBp, '2.25 − 2.20 = 5 bp exactly').toBe(5);
    expect(atEffr(2.2).status).toBe('watch');
    expect(atEffr(2.2).reason).toBe('EFFR is 5 bp below the top of the range: watch within 5 bp of the top');
    expect(atEffr(2.19).reason).toBe('EFFR is 6 bp below the top of the range (watch within 5 bp of the top): ok');
    expect(atEffr(2.19).metrics.belowUpperBp).toBe(6);
    expect(atEffr(2.19).status).toBe('ok');
  });

  it('is watch with EFFR at IORB even far from the top', () => {
    const r = atEffr(2.1, { iorb: [['2019-09-13', 2.1]] });
    expect(r.metrics.effrIorbBp, '2.10 − IOER 2.10 = 0 bp').toBe(0);
    expect(r.metrics.belowUpperBp, '2.25 − 2.10 = 15 bp').toBe(15);
    expect(r.status).toBe('watch');
    expect(atEffr(2.09, { iorb: [['2019-09-13', 2.1]] }).status, '−1 bp vs IORB, 16 bp to top').toBe('ok');
  });

  it('uses the range in force on the EFFR date, the day after an FOMC change', () => {
    const r = judge(effrInRange, { ...RANGE_2019, effr: [['2019-09-18', 2.25], ['2019-09-19', 1.9]] }, '2019-09-19');
    expect(r.metrics.belowUpperBp, 'new top 2.00 − 1.90 = 10 bp (not 2.25 − 1.90 = 35)').toBe(10);
    expect(r.metrics.aboveLowerBp, '1.90 − 1.75 = 15 bp').toBe(15);
  });

  it('judges the latest EFFR date on or before a weekend as-of date, with the range of that date', () => {
    // As of Saturday 09-21 the last EFFR is Friday 09-20; the range is carried from 09-19.
    const r = judge(effrInRange, { ...RANGE_2019, effr: onWeekdays('2019-09-16', [2.25, 2.3, 2.25, 1.9, 1.88]) }, '2019-09-21');
    expect(r.metrics.effr).toBe(1.88);
    expect(r.metrics.belowUpperBp, '2.00 − 1.88 = 12 bp').toBe(12);
    expect(r.inputs.map((i) => `${i.series} ${i.date}`)).toEqual(['effr 2019-09-20', 'target_lower 2019-09-19', 'target_upper 2019-09-19']);
    expect(r.stale).toEqual([]);
  });

  it('is unavailable without EFFR, naming it', () => {
    const r = judge(effrInRange, RANGE_2019, '2019-09-13');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Effective fed funds rate/);
    expect(r.metrics).toEqual({ effr: null, aboveLowerBp: null, belowUpperBp: null, effrIorbBp: null });
  });

  it('is unavailable without the top of the range, naming it', () => {
    const r = judge(effrInRange, { effr: [['2019-09-13', 2.14]], target_lower: [['2019-08-01', 2.0]] }, '2019-09-13');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Target range, top/);
  });

  it('lists a stale EFFR and still computes', () => {
    const r = judge(effrInRange, { ...RANGE_2019, effr: [['2019-09-03', 2.13]] }, '2019-09-13');
    expect(r.stale, '09-13 − 09-03 = 10 days > 7').toContainEqual({ series: 'effr', date: '2019-09-03', ageDays: 10, limitDays: 7 });
    expect(r.metrics.belowUpperBp, '2.25 − 2.13 = 12 bp').toBe(12);
    expect(r.status, '12 bp from the top would be ok, but from stale inputs it cannot be confirmed').toBe('unknown');
    expect(r.reason).toBe('Effective fed funds rate 10 days old, Target range, bottom 43 days old and Target range, top 43 days old: cannot confirm ok');
  });
});
