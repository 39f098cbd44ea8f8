import { civilFromDay, dayFromCivil, daysInMonth, formatDay, type Day } from '../../domain/dates.ts';
import type { Context } from '../_lib/context.ts';
import { spreadBp } from '../_lib/numbers.ts';
import { dayTypes, isPlainDay, mainDayType } from '../../domain/calendar.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';
import { daysAboveCeiling } from './sofr_above_ceiling.ts';

/** Plain business days whose median SOFR − IORB is the baseline a pop is measured from. */
const BASELINE_DAYS = 10;
/** Years of past days of the same type that say what an ordinary pop is. */
const LOOKBACK_YEARS = 3;
/** Fewer past days of a type than this give no typical pop (a year-end has three in three years). */
const MIN_PAST_DAYS = 3;
const WINDOW = 20;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** SOFR − IORB on a business day in bp, IORB carried forward; null without either. */
export function sofrIorbBp(ctx: Context, day: Day): number | null {
  const sofr = ctx.on('sofr', day);
  const iorb = ctx.at('iorb', day);
  return sofr === null || iorb === null ? null : spreadBp(sofr.value, iorb.value);
}

/**
 * How far SOFR − IORB on the business day at `index` stood above its median over the 10
 * plain business days before it: the day's pop. Null when a spread is missing or fewer
 * than 10 plain days precede it.
 */
export function popAt(ctx: Context, index: number): number | null {
  const day = ctx.businessDays[index] as number;
  const known = ctx.memo.pops.get(day);
  if (known !== undefined) return known;
  const pop = computePop(ctx, index);
  ctx.memo.pops.set(day, pop);
  return pop;
}

function computePop(ctx: Context, index: number): number | null {
  const days = ctx.businessDays;
  const today = sofrIorbBp(ctx, days[index] as number);
  if (today === null) return null;
  const baseline: number[] = [];
  for (let i = index - 1; i >= 0 && baseline.length < BASELINE_DAYS; i--) {
    const day = days[i] as number;
    if (!isPlainDay(day)) continue;
    const spread = sofrIorbBp(ctx, day);
    if (spread === null) return null;
    baseline.push(spread);
  }
  return baseline.length === BASELINE_DAYS ? today - median(baseline) : null;
}

/** The same calendar date `years` earlier (February 29 becomes the 28th). */
function yearsBefore(day: Day, years: number): Day {
  const { y, m, d } = civilFromDay(day);
  return dayFromCivil(y - years, m, Math.min(d, daysInMonth(y - years, m)));
}

/**
 * The pops of the business days of the same main type as the day at `index`, over the
 * three years before it (the day itself excluded), oldest first.
 */
function pastPops(ctx: Context, index: number): number[] {
  const days = ctx.businessDays;
  const day = days[index] as number;
  const type = mainDayType(day);
  const from = yearsBefore(day, LOOKBACK_YEARS);
  const pops: number[] = [];
  for (let i = index - 1; i >= 0 && (days[i] as number) >= from; i--) {
    if (mainDayType(days[i] as number) !== type) continue;
    const pop = popAt(ctx, i);
    if (pop !== null) pops.push(pop);
  }
  return pops.reverse();
}

/**
 * Where `value` falls among `values` (its mid-rank percentile): the percentage below it,
 * ties counted half, so a pop equal to every past one ranks 50, not 100.
 */
function percentileOf(value: number, values: readonly number[]): number {
  const below = values.filter((v) => v < value).length;
  const equal = values.filter((v) => v === value).length;
  return (100 * (below + equal / 2)) / values.length;
}

/**
 * Seasonal or persistent? The latest business day's calendar type, how far SOFR popped
 * over its plain-day baseline, how that compares with the pops of the same type over
 * three years, and whether the days SOFR printed above the ceiling were calendar days
 * (routine pressure at the turn) or plain ones (pressure that persists).
 */
/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['date', 'dayTypes', 'popBp', 'typicalPopBp', 'popPercentile', 'pastDays', 'plainDaysAboveCeiling', 'calendarDaysAboveCeiling'] as const;

export const calendar = defineIndicator({
  id: 'calendar',
  title: 'Calendar',
  unit: 'bp',
  kind: 'breadth',
  metricKeys: METRICS,
  metricUnits: { date: 'date', dayTypes: 'text', popBp: 'bp', typicalPopBp: 'bp', popPercentile: '%', pastDays: 'days', plainDaysAboveCeiling: 'days', calendarDaysAboveCeiling: 'days' },
  thresholdMetrics: { popPercentile: '>=', popBp: '>=', plainDaysAboveCeiling: '>=', calendarDaysAboveCeiling: '>=' },
  primaryMetric: 'popPercentile',
  defaults: {
    watch: [
      { metric: 'popPercentile', op: '>=', value: 90 },
      { metric: 'plainDaysAboveCeiling', op: '>=', value: 1 },
    ],
    stress: null,
  },
  compute(ctx) {
    const missing = missingSeries(ctx, ['sofr']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const index = ctx.businessDays.length - 1;
    const day = ctx.businessDays[index] as number;
    const calendarDay = !isPlainDay(day);
    const pop = popAt(ctx, index);
    // The typical pop and today's rank only mean something for a calendar day.
    const past = calendarDay && pop !== null ? pastPops(ctx, index) : [];
    const enough = past.length >= MIN_PAST_DAYS;
    const above = daysAboveCeiling(ctx, ctx.lastBusinessDays(WINDOW));
    const plain = above === null ? null : above.days.filter(isPlainDay).length;
    return {
      metrics: {
        date: formatDay(day),
        dayTypes: dayTypes(day).join(' '),
        popBp: pop,
        typicalPopBp: enough ? median(past) : null,
        popPercentile: enough && pop !== null ? percentileOf(pop, past) : null,
        pastDays: calendarDay ? past.length : null,
        plainDaysAboveCeiling: plain,
        calendarDaysAboveCeiling: above === null || plain === null ? null : above.days.length - plain,
      },
      used: [ctx.on('sofr', day), ctx.at('iorb', day)].filter((p) => p !== null),
      ...(above === null ? {} : { tally: above }),
    };
  },
});
