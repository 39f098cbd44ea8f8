/**
 * Which kinds of day an indicator's count is made of: "7 of 20 days above the ceiling:
 * 5 plain, 1 month-end, 1 mid-month". Data for the reason; report/ puts it in words.
 */
import { formatDay } from '../domain/dates.ts';
import { countByMainType, type DayTally } from './_lib/days-above.ts';
import { dayTypes } from '../domain/calendar.ts';
import { holds } from './evaluate.ts';
import type { Computed, IndicatorDefinition } from './indicator.ts';
import type { DayCount, DayCountTest, LevelPair, Status } from './types.ts';

function countOf(test: DayCountTest, tally: DayTally): DayCount {
  return {
    test,
    of: tally.of,
    count: tally.days.length,
    byType: countByMainType(tally.days),
    days: tally.days.map((d) => ({ date: formatDay(d), types: dayTypes(d) })),
  };
}

/**
 * The day count behind an indicator's reason: the days SOFR printed above the ceiling, or
 * (for a daily spread) the days of its window whose spread reached the level the status
 * names — the one reached, else the nearest not reached. Null for other indicators.
 */
export function dayCount(definition: IndicatorDefinition, computed: Computed, levels: LevelPair, status: Status): DayCount | null {
  if (computed.tally !== undefined) return countOf({ kind: 'above_ceiling' }, computed.tally);
  const daily = computed.daily;
  if (daily === undefined) return null;
  const onPrimary = (level: 'watch' | 'stress') => levels[level]?.find((r) => r.metric === definition.primaryMetric) ?? null;
  const level = status === 'stress' || status === 'watch' ? status : onPrimary('watch') !== null ? 'watch' : 'stress';
  const rule = onPrimary(level);
  if (rule === null) return null;
  const days: number[] = [];
  let of = 0;
  daily.days.forEach((day, i) => {
    const value = daily.values[i] ?? null;
    if (value === null) return;
    of++;
    if (holds({ ...rule, metric: 'v' }, { v: value })) days.push(day);
  });
  return countOf({ kind: 'threshold', metric: rule.metric, op: rule.op, value: rule.value, level }, { of, days });
}
