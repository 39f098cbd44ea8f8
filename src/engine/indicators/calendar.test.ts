import { describe, expect, it } from 'vitest';
import { day, judge, type Obs } from '../../../test/helpers/series.ts';
import { formatDay } from '../../domain/dates.ts';
import { dayTypes, isBusinessDay } from '../../domain/calendar.ts';
import { calendar } from './calendar.ts';

/**
 * SOFR on every bond-market business day from 2022-06-01 to `to`, IORB 4.00 throughout:
 * plain days 5 bp over IORB, mid-month and month-start days 30 bp (never part of the
 * plain baseline), each month-end 5 bp + the pop `monthEndPop` gives it.
 */
function sofrWith(to: string, monthEndPop: (iso: string, i: number) => number): Obs[] {
  const out: Obs[] = [];
  let monthEnds = 0;
  for (let d = day('2022-06-01'); d <= day(to); d++) {
    if (!isBusinessDay(d)) continue;
    const iso = formatDay(d);
    const types = dayTypes(d);
    const main = types[0];
    let bp = 5;
    if (main === 'month_end') bp += monthEndPop(iso, monthEnds++);
    else if (main !== 'plain') bp = 30;
    out.push([iso, 4 + bp / 100]);
  }
  return out;
}
// IORB 4.00 throughout, confirmed on the last day (an old observation alone would be stale)
const IORB: Obs[] = [['2022-01-01', 4], ['2025-10-30', 4]];
const CEILING: Obs[] = [['2022-01-01', 4.25]];

describe('calendar', () => {
  it('measures a month-end pop against its plain-day baseline and the last three years of month-ends', () => {
    // Past month-ends pop 4 and 12 bp in turn; the 24 of the three years before 2025-10-31
    // (quarter- and year-ends are other types) are 12 × 4 and 12 × 12: median (4 + 12) / 2 = 8.
    const sofr = sofrWith('2025-10-31', (iso, i) => (iso === '2025-10-31' ? 13 : i % 2 === 0 ? 4 : 12));
    const r = judge(calendar, { sofr, iorb: IORB, target_upper: CEILING }, '2025-10-31');
    expect(r.metrics.date).toBe('2025-10-31');
    expect(r.metrics.dayTypes).toBe('month_end');
    expect(r.metrics.popBp, 'SOFR − IORB 18 bp − the plain median 5 bp').toBe(13);
    expect(r.metrics.pastDays, 'month-ends 2022-10-31 … 2025-08-29 that are not quarter-ends').toBe(24);
    expect(r.metrics.typicalPopBp, 'median of twelve 4s and twelve 12s').toBe(8);
    expect(r.metrics.popPercentile, '13 bp is above all 24').toBe(100);
    expect(r.status, 'a pop at or above the 90th percentile of its type').toBe('watch');
    expect(r.metrics.plainDaysAboveCeiling, 'plain days 4.05, the month-end 4.18: under the 4.25 ceiling').toBe(0);
    expect(r.metrics.calendarDaysAboveCeiling, 'mid-month 10-15 at 4.30 (10-01 is before the 20 days from 10-03)').toBe(1);
  });

  it('ranks an ordinary month-end in the middle: ties count half', () => {
    const sofr = sofrWith('2025-10-31', (iso, i) => (iso === '2025-10-31' || i % 2 === 1 ? 12 : 4));
    const r = judge(calendar, { sofr, iorb: IORB }, '2025-10-31');
    expect(r.metrics.popBp, "today's pop is 12, like every second month-end").toBe(12);
    expect(r.metrics.popPercentile, '12 below, 12 equal: (12 + 6) / 24 = 75 %').toBe(75);
    expect(r.status, '75 < 90 and no ceiling given').toBe('ok');
  });

  it('leaves the typical pop and rank out on a plain day', () => {
    const sofr = sofrWith('2025-10-30', () => 4);
    const r = judge(calendar, { sofr, iorb: IORB, target_upper: CEILING }, '2025-10-30');
    expect(r.metrics.dayTypes).toBe('plain');
    expect(r.metrics.popBp, 'a plain day 5 bp over IORB, like its baseline').toBe(0);
    expect(r.metrics.typicalPopBp).toBeNull();
    expect(r.metrics.popPercentile).toBeNull();
    expect(r.status).toBe('ok');
  });

  it('splits the days above the ceiling into plain and calendar days', () => {
    // Ceiling 4.25: month-ends at 4 + 0.05 + 0.30 = 4.35 are above it; then two plain days at 4.30.
    const sofr = sofrWith('2025-10-31', () => 30).map(([d, v]): Obs => (d === '2025-10-27' || d === '2025-10-28' ? [d, 4.3] : [d, v]));
    const r = judge(calendar, { sofr, iorb: IORB, target_upper: CEILING }, '2025-10-31');
    expect(r.metrics.plainDaysAboveCeiling, '10-27 and 10-28').toBe(2);
    expect(r.metrics.calendarDaysAboveCeiling, 'the month-end 10-31 (09-30 is outside the 20 days; mid-month 30 bp = 4.30 > 4.25: 10-15)').toBe(2);
    expect(r.status, 'a plain day above the ceiling').toBe('watch');
  });

  it('is unavailable without SOFR, and has no pop without IORB', () => {
    expect(judge(calendar, { iorb: IORB }, '2025-10-31').status).toBe('unavailable');
    const r = judge(calendar, { sofr: sofrWith('2025-10-31', () => 4) }, '2025-10-31');
    expect(r.metrics.dayTypes, 'the type needs only the date').toBe('month_end');
    expect(r.metrics.popBp).toBeNull();
  });
});
