/**
 * A day count in words: "7 of 20 days above the ceiling: 5 plain, 1 month-end,
 * 1 mid-month — mostly plain days: persistent, not seasonal".
 */
import type { DayType } from '../domain/calendar.ts';
import type { DayCount } from '../engine/types.ts';
import { COMPARISON_WORDS } from './comparison.ts';
import { num } from './format.ts';


/** "month-end", "quarter-end", "mid-month", "plain". */
export function dayTypeName(type: DayType): string {
  return type.replace('_', '-');
}

/** The as-of date's types for a headline: "month-end", "year-end, quarter-end, month-end", "plain day", "market closed". */
export function dayTypesHeadline(types: readonly DayType[]): string {
  if (types.length === 0) return 'market closed';
  if (types.length === 1 && types[0] === 'plain') return 'plain day';
  return types.map(dayTypeName).join(', ');
}

/** What follows the as-of date in a headline: "(month-end)", "(plain day, as published that morning)". */
export function asOfNote(types: readonly DayType[], asPublished: boolean): string {
  return `(${dayTypesHeadline(types)}${asPublished ? ', as published that morning' : ''})`;
}

/** Whether the counted days say the pressure is seasonal (calendar days) or persistent (plain days). */
function judgement(plain: number, total: number): string {
  if (plain === 0) return total === 1 ? 'a calendar day: seasonal' : 'all calendar days: seasonal';
  if (plain === total) return total === 1 ? 'a plain day: not the calendar' : 'all plain days: persistent, not seasonal';
  if (plain * 2 > total) return 'mostly plain days: persistent, not seasonal';
  if (plain * 2 === total) return 'half of them plain days';
  return 'mostly calendar days: largely seasonal';
}

/**
 * The day count of an indicator's reason in words, or null when it counted no day (then
 * there is nothing to sort). `subject` names the daily reading a threshold test is about.
 */
export function dayCountWords(count: DayCount, subject: string, unit = 'bp'): string | null {
  if (count.count === 0) return null;
  const what =
    count.test.kind === 'above_ceiling'
      ? `${count.count} of ${count.of} days above the ceiling`
      : `${subject} ${COMPARISON_WORDS[count.test.op]} ${num(count.test.value, 0)} ${unit} on ${count.count} of the ${count.of} days`;
  const plain = count.byType.find((t) => t.type === 'plain')?.count ?? 0;
  const types = count.byType.map((t) => `${t.count} ${dayTypeName(t.type)}`).join(', ');
  return `${what}: ${types} — ${judgement(plain, count.count)}`;
}
