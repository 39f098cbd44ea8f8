/**
 * The backtest read by the calendar: were the days SOFR printed above the ceiling plain
 * days or calendar days, year by year, and which quarter-ends popped more than the
 * quarter-ends usually do. Pure, from the loaded series alone.
 */
import { civilFromDay, dayFromCivil, formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { Context } from './_lib/context.ts';
import { CALENDAR_DAY_TYPES, dayTypes, mainDayType, type CalendarDayType } from '../domain/calendar.ts';
import { popAt, sofrIorbBp } from './indicators/calendar.ts';
import { excessOn } from './indicators/sofr_above_ceiling.ts';

export interface CalendarYear {
  readonly year: string;
  /** Business days SOFR printed above the ceiling in force that day. */
  readonly aboveCeiling: number;
  readonly plain: number;
  readonly calendar: number;
  /** The calendar days among them by their main type. */
  readonly byType: Readonly<Record<CalendarDayType, number>>;
}

export interface QuarterEndPop {
  readonly date: string;
  readonly popBp: number;
  readonly sofrIorbBp: number;
}

export interface CalendarBacktest {
  readonly years: readonly CalendarYear[];
  readonly quarterEnds: {
    /** Quarter-ends are read from this date on. */
    readonly since: string;
    /** Quarter-ends with a pop (SOFR and IORB on the day and ten plain days before it). */
    readonly count: number;
    /** The 90th percentile of their pops (linear between ranks), bp. */
    readonly p90Bp: number | null;
    /** The quarter-ends at or above it, oldest first. */
    readonly unusual: readonly QuarterEndPop[];
  };
}

/** Quarter-ends since the year the 2019 episode began, as the backtest reports them. */
const QUARTER_ENDS_SINCE = dayFromCivil(2019, 1, 1);

/** The p-th percentile (0–100) of values, linear between the closest ranks (Excel's PERCENTILE.INC). */
function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (rank - lo);
}


export function calendarBacktest(all: SeriesSet, range: { from: Day; to: Day }): CalendarBacktest {
  const sofr = all.get('sofr');
  const days = sofr?.dates ?? new Int32Array(0);
  const ctx = new Context(all, days.at(-1) ?? range.to);
  const years = new Map<string, { aboveCeiling: number; plain: number; calendar: number; byType: Record<CalendarDayType, number> }>();
  const pops: QuarterEndPop[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (day < range.from || day > range.to) continue;
    const year = String(civilFromDay(day).y);
    const row = years.get(year) ?? { aboveCeiling: 0, plain: 0, calendar: 0, byType: Object.fromEntries(CALENDAR_DAY_TYPES.map((t) => [t, 0])) as Record<CalendarDayType, number> };
    years.set(year, row);
    const excess = excessOn(ctx, day);
    if (excess !== null && excess > 0) {
      row.aboveCeiling++;
      const main = mainDayType(day);
      if (main === 'plain') row.plain++;
      else {
        row.calendar++;
        row.byType[main]++;
      }
    }
    if (day >= QUARTER_ENDS_SINCE && dayTypes(day).includes('quarter_end')) {
      const pop = popAt(ctx, i);
      const spread = sofrIorbBp(ctx, day);
      if (pop !== null && spread !== null) pops.push({ date: formatDay(day), popBp: pop, sofrIorbBp: spread });
    }
  }
  const p90 = percentile(pops.map((p) => p.popBp), 90);
  return {
    years: [...years].map(([year, row]) => ({ year, ...row })),
    quarterEnds: { since: formatDay(QUARTER_ENDS_SINCE), count: pops.length, p90Bp: p90, unusual: p90 === null ? [] : pops.filter((p) => p.popBp >= p90) },
  };
}
