import type { Day } from '../../domain/dates.ts';
import type { Context, Point } from '../_lib/context.ts';
import type { DayTally } from '../_lib/days-above.ts';
import { spreadBp } from '../_lib/numbers.ts';
import { missingSeries, unavailable, unavailableFor, defineIndicator } from '../indicator.ts';
import { item, lastItem } from '../_lib/arrays.ts';

const WINDOW = 20;

/**
 * The corridor's ceiling on a day: the SRF minimum bid rate where there is one, else the
 * top of the target range (the SRF bid has equalled it since the facility began in 2021).
 */
function ceilingOn(ctx: Context, day: Day): Point | null {
  return ctx.at('srf_rate', day) ?? ctx.at('target_upper', day);
}

/** SOFR minus the ceiling on a business day, in bp; null when either is unknown. */
export function excessOn(ctx: Context, day: Day): number | null {
  const sofr = ctx.on('sofr', day);
  const ceiling = ceilingOn(ctx, day);
  return sofr === null || ceiling === null ? null : spreadBp(sofr.value, ceiling.value);
}

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['count', 'streak', 'longestStreak', 'maxExcessBp', 'ceiling'] as const;

/**
 * The days of a window on which SOFR printed above the ceiling in force that day, among
 * the days with both; null when no day had both.
 */
export function daysAboveCeiling(ctx: Context, window: Int32Array): DayTally | null {
  const days: Day[] = [];
  let of = 0;
  for (const day of window) {
    const excess = excessOn(ctx, day);
    if (excess === null) continue;
    of++;
    if (excess > 0) days.push(day);
  }
  return of === 0 ? null : { of, days };
}

/**
 * Days SOFR printed above the top of the corridor: repo trading through the rate at which
 * the Fed stands ready to lend is the plainest sign that cash is short.
 */
export const sofrAboveCeiling = defineIndicator({
  id: 'sofr_above_ceiling',
  title: 'SOFR > ceiling',
  kind: 'price',
  unit: 'days',
  metricKeys: METRICS,
  metricUnits: { count: 'days', streak: 'days', longestStreak: 'days', maxExcessBp: 'bp', ceiling: 'percent' },
  thresholdMetrics: { count: '>=', streak: '>=', longestStreak: '>=', maxExcessBp: '>=' },
  primaryMetric: 'count',
  defaults: {
    watch: [{ metric: 'count', op: '>=', value: 1 }],
    stress: [
      { metric: 'streak', op: '>=', value: 3 },
      { metric: 'count', op: '>=', value: 5 },
    ],
  },
  compute(ctx) {
    const missing = missingSeries(ctx, ['sofr']);
    if (missing.length === 0 && !ctx.has('srf_rate') && !ctx.has('target_upper')) missing.push('target_upper');
    if (missing.length > 0) return unavailableFor(this, missing);

    const window = ctx.lastBusinessDays(WINDOW);
    let count = 0;
    let run = 0;
    let longestStreak = 0;
    let maxExcessBp: number | null = null;
    let judged = 0;
    for (const day of window) {
      const excess = excessOn(ctx, day);
      if (excess === null) {
        run = 0;
        continue;
      }
      judged++;
      maxExcessBp = maxExcessBp === null ? excess : Math.max(maxExcessBp, excess);
      run = excess > 0 ? run + 1 : 0;
      if (excess > 0) count++;
      longestStreak = Math.max(longestStreak, run);
    }
    // The streak ending on the as-of date may have begun before the window.
    let streak = 0;
    for (let i = ctx.businessDays.length - 1; i >= 0; i--) {
      const excess = excessOn(ctx, item(ctx.businessDays, i));
      if (excess === null || excess <= 0) break;
      streak++;
    }
    const lastDay = lastItem(ctx.businessDays);
    const ceiling = ceilingOn(ctx, ctx.asOf); // in force on the as-of date (docs/indicators.md), even before its SOFR print is out
    if (judged === 0) {
      return unavailable(this, { cause: 'missing', series: ['srf_rate', 'target_upper'], anyOf: true });
    }
    return {
      metrics: { count, streak, longestStreak, maxExcessBp, ceiling: ceiling?.value ?? null },
      used: [ctx.on('sofr', lastDay), ceiling].filter((p) => p !== null),
      tally: daysAboveCeiling(ctx, window) as DayTally, // judged > 0: some day had both
    };
  },
});
