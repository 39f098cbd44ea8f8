import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { day } from '../../test/helpers/series.ts';
import { civilFromDay, formatDay } from './dates.ts';
import { dayTypes, easterSunday, isBusinessDay, mainDayType, marketHoliday, marketHolidays, weekday } from './calendar.ts';

/** The real FRED SOFR file: a row per weekday, blank on the days SOFR was not published. */
function sofrFile(): { published: Set<string>; blank: Set<string>; first: string; last: string } {
  const url = new URL('../../fixtures/fred/SOFR.csv', import.meta.url);
  const rows = readFileSync(url, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  const published = new Set(rows.filter(([, v]) => v !== '' && v !== '.').map(([d]) => d as string));
  const blank = new Set(rows.filter(([, v]) => v === '' || v === '.').map(([d]) => d as string));
  return { published, blank, first: rows[0]?.[0] as string, last: rows.at(-1)?.[0] as string };
}

describe('the bond-market holiday calendar', () => {
  const sofr = sofrFile();

  it('closes on exactly the weekdays the real SOFR file leaves blank, 2018-04 to 2026-07', () => {
    expect(sofr.blank.size, 'fixtures/SOURCES.md: 94 blank = holidays').toBe(94);
    const closed: string[] = [];
    const wronglyOpen: string[] = [];
    const wronglyClosed: string[] = [];
    for (let d = day(sofr.first); d <= day(sofr.last); d++) {
      const iso = formatDay(d);
      if (weekday(d) === 0 || weekday(d) === 6) {
        expect(sofr.published.has(iso), `${iso} is a weekend day with a SOFR print`).toBe(false);
        continue;
      }
      const holiday = marketHoliday(d) !== null;
      if (holiday) closed.push(iso);
      if (sofr.published.has(iso) && holiday) wronglyClosed.push(`${iso} (${marketHoliday(d)})`);
      if (!sofr.published.has(iso) && !holiday) wronglyOpen.push(iso);
    }
    expect(wronglyClosed, 'SOFR business days the rule set calls holidays').toEqual([]);
    expect(wronglyOpen, 'blank or absent SOFR weekdays the rule set calls business days').toEqual([]);
    expect(closed.length, 'one holiday per blank row').toBe(94);
  });

  it('follows the bond market where it differs from the federal and stock-exchange calendars', () => {
    const cases: [string, boolean, string][] = [
      ['2019-04-19', false, 'Good Friday: no federal holiday, but the bond market closes'],
      ['2023-04-07', false, 'Good Friday 2023 (SOFR blank in FRED)'],
      ['2019-10-14', false, 'Columbus Day: the NYSE trades, the bond market does not'],
      ['2019-11-11', false, 'Veterans Day'],
      ['2018-11-12', false, 'Veterans Day on a Sunday closes the Monday'],
      ['2023-11-10', true, 'Veterans Day on a Saturday: the Friday before trades (SOFR 5.31 %)'],
      ['2021-12-31', true, "New Year's Day 2022 on a Saturday: Friday 2021-12-31 trades"],
      ['2021-12-24', false, 'Christmas on a Saturday closes the Friday before'],
      ['2026-07-03', false, 'Independence Day 2026 is a Saturday: Friday 07-03 closed'],
      ['2020-07-03', false, 'Independence Day 2020 was a Saturday'],
      ['2021-06-18', true, 'Juneteenth 2021 (federal, Saturday) did not close the bond market'],
      ['2022-06-20', false, 'Juneteenth 2022 on a Sunday: Monday closed'],
      ['2018-12-05', false, 'National Day of Mourning, President George H. W. Bush'],
      ['2025-01-09', true, 'President Carter: an early close only'],
      ['2023-01-02', false, "New Year's Day 2023 on a Sunday"],
    ];
    for (const [iso, open, why] of cases) expect(isBusinessDay(day(iso)), `${iso}: ${why}`).toBe(open);
  });

  it('lists the 2026 closes by name', () => {
    expect(marketHolidays(2026).map((h) => `${formatDay(h.day)} ${h.name}`)).toEqual([
      "2026-01-01 New Year's Day", '2026-01-19 Martin Luther King Jr. Day', "2026-02-16 Washington's Birthday",
      '2026-04-03 Good Friday', '2026-05-25 Memorial Day', '2026-06-19 Juneteenth', '2026-07-03 Independence Day',
      '2026-09-07 Labor Day', '2026-10-12 Columbus Day', '2026-11-11 Veterans Day', '2026-11-26 Thanksgiving Day',
      '2026-12-25 Christmas Day',
    ]);
  });

  it('puts Easter on the dates of the published tables', () => {
    // Easter Sundays 2018–2026, and 2285's March 22 (the earliest possible) and 2038's April 25 (the latest)
    const known = ['2018-04-01', '2019-04-21', '2020-04-12', '2021-04-04', '2022-04-17', '2023-04-09', '2024-03-31', '2025-04-20', '2026-04-05', '2285-03-22', '2038-04-25'];
    for (const iso of known) expect(formatDay(easterSunday(Number(iso.slice(0, 4))))).toBe(iso);
  });
});

describe('day types', () => {
  it('types the known dates', () => {
    const cases: [string, string[], string][] = [
      ['2025-10-31', ['month_end'], 'last business day of October'],
      ['2025-09-30', ['quarter_end', 'month_end'], 'end of Q3'],
      ['2024-12-31', ['year_end', 'quarter_end', 'month_end'], 'end of 2024'],
      ['2025-11-03', ['month_start'], 'Monday: November 1 was a Saturday'],
      ['2025-09-15', ['mid_month'], 'Monday the 15th'],
      ['2025-06-16', ['mid_month'], 'the 15th was a Sunday'],
      ['2021-05-28', ['month_end'], 'May 31 was Memorial Day'],
      ['2026-06-30', ['quarter_end', 'month_end'], 'end of Q2 2026, beyond the data'],
      ['2025-10-16', ['plain'], 'the day after mid-month'],
      ['2025-10-14', ['plain'], 'the 14th: mid-month is the 15th'],
      ['2025-10-15', ['mid_month'], 'Wednesday the 15th'],
      ['2024-01-02', ['month_start'], "New Year's Day closed the 1st"],
      ['2019-09-16', ['mid_month'], 'the 2019 eve: corporate taxes and coupon settlement'],
      ['2019-09-17', ['plain'], 'the 2019 spike day itself'],
    ];
    for (const [iso, types, why] of cases) expect(dayTypes(day(iso)), `${iso}: ${why}`).toEqual(types);
    expect(isBusinessDay(day('2026-07-03')), '2026-07-03 is no SOFR business day').toBe(false);
    expect(mainDayType(day('2024-12-31'))).toBe('year_end');
  });

  it('agrees on every real SOFR date with the types read from the next and previous prints', () => {
    const dates = [...sofrFile().published].sort().map(day);
    for (let i = 1; i < dates.length - 1; i++) {
      const d = dates[i] as number;
      const c = civilFromDay(d);
      const next = civilFromDay(dates[i + 1] as number);
      const prev = civilFromDay(dates[i - 1] as number);
      const types = dayTypes(d);
      const iso = formatDay(d);
      expect(types.includes('month_end'), `${iso} month_end`).toBe(next.m !== c.m);
      expect(types.includes('month_start'), `${iso} month_start`).toBe(prev.m !== c.m);
      expect(types.includes('mid_month'), `${iso} mid_month`).toBe(c.d >= 15 && (prev.m !== c.m || prev.d < 15));
      expect(types.includes('quarter_end'), `${iso} quarter_end`).toBe(next.m !== c.m && c.m % 3 === 0);
      expect(types.includes('year_end'), `${iso} year_end`).toBe(next.m !== c.m && c.m === 12);
    }
  });

  it('gives every business day one main type and types that agree with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1990-01-01'), max: day('2100-12-31') }), (d) => {
        const types = dayTypes(d);
        expect(types.length).toBeGreaterThan(0);
        expect(types.includes('plain')).toBe(types.length === 1 && types[0] === 'plain');
        if (types.includes('quarter_end') || types.includes('year_end')) expect(types).toContain('month_end');
        expect(types.includes('month_start') && types.includes('mid_month')).toBe(false);
      }),
    );
  });
});
