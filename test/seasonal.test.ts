/**
 * Seasonal or persistent? On the bundled real data (fixtures/fred/): the days above the
 * ceiling in October 2025 were mostly plain days, the one of 2024-10-01 a calendar day,
 * and the backtest splits every year's days above the ceiling the same way.
 */
import { describe, expect, it } from 'vitest';
import { liq } from './helpers/run-liq.ts';

interface Doc {
  asOfDayTypes: string[];
  indicators: { id: string; status: string; reason: string; metrics: Record<string, unknown>; days: { count: number; of: number; byType: { type: string; count: number }[]; days: { date: string; types: string[] }[] } | null }[];
}
const check = (asOf: string): Doc => JSON.parse(liq(['check', 'fixtures/fred/', '--as-of', asOf, '--json']).stdout) as Doc;
const indicator = (doc: Doc, id: string) => doc.indicators.find((r) => r.id === id);

describe('liq check names the day types of the days it counts', () => {
  it('says the days above the ceiling to 2025-10-31 were mostly plain days', () => {
    const doc = check('2025-10-31');
    expect(doc.asOfDayTypes, 'a Friday 31st').toEqual(['month_end']);
    const ceiling = indicator(doc, 'sofr_above_ceiling');
    // SOFR > the top of the range: 10-15 (mid-month), 10-16, 10-27, 10-28, 10-29, 10-30 (plain), 10-31 (month-end)
    expect(ceiling?.days?.days.map((d) => `${d.date} ${d.types.join(' ')}`)).toEqual([
      '2025-10-15 mid_month', '2025-10-16 plain', '2025-10-27 plain', '2025-10-28 plain', '2025-10-29 plain', '2025-10-30 plain', '2025-10-31 month_end',
    ]);
    expect(ceiling?.reason).toContain('7 of 20 days above the ceiling: 5 plain, 1 month-end, 1 mid-month — mostly plain days: persistent, not seasonal');
    const cal = indicator(doc, 'calendar');
    expect(cal?.metrics.plainDaysAboveCeiling).toBe(5);
    expect(cal?.metrics.calendarDaysAboveCeiling).toBe(2);
    expect(cal?.metrics.dayTypes).toBe('month_end');
    expect(cal?.status, 'plain days above the ceiling: watch, never stress by default').toBe('watch');
  });

  it('says the one day above the ceiling to 2024-10-01 was a calendar day', () => {
    const doc = check('2024-10-01');
    const ceiling = indicator(doc, 'sofr_above_ceiling');
    expect(ceiling?.days?.days, 'SOFR 5.05 % over the 5.00 % top on the first business day of October').toEqual([{ date: '2024-10-01', types: ['month_start'] }]);
    expect(ceiling?.reason).toContain('1 of 20 days above the ceiling: 1 month-start — a calendar day: seasonal');
    expect(indicator(doc, 'calendar')?.metrics.plainDaysAboveCeiling).toBe(0);
  });

  it('splits the backtest’s days above the ceiling into plain and calendar days, and keeps the stress record', () => {
    const run = liq(['history', 'fixtures/fred/', '--all', '--json']);
    const doc = JSON.parse(run.stdout) as {
      calendar: { years: { year: string; aboveCeiling: number; plain: number; calendar: number }[]; quarterEnds: unknown };
      backtest: { years: { year: string; stress: number }[]; stressOnsets: { date: string }[] };
    };
    const year = (y: string) => doc.calendar.years.find((r) => r.year === y);
    for (const y of ['2021', '2022', '2023']) expect(year(y)?.aboveCeiling, `${y}: ample reserves`).toBe(0);
    expect(year('2024'), '2024-10-01 (month-start) and 2024-12-26 (4.53 over 4.50, a plain day)').toMatchObject({ aboveCeiling: 2, plain: 1, calendar: 1 });
    expect(year('2025')).toMatchObject({ aboveCeiling: 14, plain: 8, calendar: 6 });
    for (const y of ['2021', '2022', '2023', '2024']) expect(doc.backtest.years.find((r) => r.year === y)?.stress, `${y}: no stress day`).toBe(0);
    // (the stress onsets are held in history.test.ts)
    // Every quarter-end with SOFR and IORB (IORB.csv from 2021-07-29: at least 2021-09 … 2026-06)
    const q = doc.calendar.quarterEnds as { count: number; p90Bp: number; unusual: { date: string; popBp: number }[] };
    expect(q.count).toBeGreaterThanOrEqual(20);
    expect(q.unusual.length, 'the top tenth: 2 of 20').toBeGreaterThanOrEqual(Math.floor(q.count / 10));
    for (const u of q.unusual) expect(u.popBp).toBeGreaterThanOrEqual(q.p90Bp);
    expect(q.unusual.map((u) => u.date), 'the 2025 year-end: SOFR 22 bp over IORB').toContain('2025-12-31');
  });
});
