/**
 * The days of a window on which a daily reading passed a test, sorted by calendar type,
 * so a reason can say whether a count is made of month-ends or of plain days.
 */
import type { Day } from '../../domain/dates.ts';
import { CALENDAR_DAY_TYPES, mainDayType, type DayType } from '../../domain/calendar.ts';

export interface DayTally {
  /** Days in the window that had a reading. */
  readonly of: number;
  /** The days that passed, oldest first. */
  readonly days: readonly Day[];
}

/** How many of the days fall on each main type: plain first, then year_end > quarter_end > … > month_start. */
export function countByMainType(days: readonly Day[]): { type: DayType; count: number }[] {
  const counts = new Map<DayType, number>();
  for (const day of days) {
    const type = mainDayType(day);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const order: DayType[] = ['plain', ...CALENDAR_DAY_TYPES];
  return order.filter((t) => counts.has(t)).map((type) => ({ type, count: counts.get(type) as number }));
}
