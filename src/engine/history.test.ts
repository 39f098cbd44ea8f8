import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../domain/dates.ts';
import { leadTimes, QUIET_DAYS, type OverallPoint } from './history.ts';
import type { Status } from './types.ts';

/** Business days from 2025-03-03 on (weekdays only), with the SOFR − ON RRP status of each: W watch, S stress, . ok. */
function days(pattern: string): OverallPoint[] {
  const out: OverallPoint[] = [];
  const day = new Date(Date.UTC(2025, 2, 3));
  for (const c of pattern) {
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
    const price: Status = c === 'W' ? 'watch' : c === 'S' ? 'stress' : 'ok';
    // The quantities sit at watch throughout, as reserves did for years: they must not count.
    out.push({ date: day.toISOString().slice(0, 10), status: c === 'S' ? 'stress' : 'watch', indicators: { sofr_rrp_spread: price, reserves: 'watch' } });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

const lead = (pattern: string) => {
  const points = days(pattern);
  return leadTimes(points, [{ name: 'e', day: parseIsoDay(points.at(-1)?.date as string) as number }])[0];
};

describe('leadTimes', () => {
  it(`takes the first price watch after ${QUIET_DAYS} quiet business days, not the window's first day`, () => {
    // W W . . . . . W W S: days 3–7 quiet (5), so day 8 (index 7, 2025-03-12) is the fresh warning.
    expect(lead('WW.....WWS')).toMatchObject({ firstWatch: '2025-03-12', firstStress: '2025-03-14', stressLeadDays: 0 });
  });

  it('has no fresh warning when the prices were never quiet long enough', () => {
    // Four quiet days (not five) between the watches.
    expect(lead('W....WWS')?.firstWatch).toBeNull();
    expect(lead('WWWWWWWW')).toMatchObject({ firstWatch: null, firstStress: null, stressLeadDays: null });
  });

  it('counts the stress lead in business days from the first stress day', () => {
    // Stress on index 6 of 10 → 3 business days before the last.
    expect(lead('......SW.S')).toMatchObject({ firstWatch: '2025-03-11', firstStress: '2025-03-11', stressLeadDays: 3 });
  });
});
