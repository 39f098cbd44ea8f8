import type { Day } from '../../domain/dates.ts';
import { isStale, type Context } from '../_lib/context.ts';
import { changeOverWeeks } from '../_lib/change.ts';
import { defineIndicator, unavailableFor } from '../indicator.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['level', 'change13w', 'measure'] as const;

/** Which measure of the account a TGA figure is: the Fed's H.4.1 or the Treasury's Daily Treasury Statement. */
export const TGA_MEASURE = { tga: 'H.4.1', tga_daily: 'Daily Treasury Statement' } as const;

/**
 * The H.4.1 figure while it is fresh (it is what net liquidity uses), else the Treasury's
 * daily closing balance if that is fresh (else the H.4.1 one, stale); the level and its change always come from the same one, since
 * the two measures differ by tens of billions on the same day.
 */
function measureFor(ctx: Context, day: Day): 'tga' | 'tga_daily' | null {
  const weekly = ctx.at('tga', day);
  const daily = ctx.at('tga_daily', day);
  const dailyFresh = daily !== null && !isStale('tga_daily', daily.date, day);
  if (weekly !== null && (!dailyFresh || !isStale('tga', weekly.date, day))) return 'tga';
  return daily === null ? null : 'tga_daily';
}

/** The Treasury's cash account at the Fed: every dollar it gains is a dollar of reserves gone. */
export const tga = defineIndicator({
  id: 'tga',
  title: 'TGA',
  kind: 'quantity',
  unit: 'USD bn',
  metricKeys: METRICS,
  metricUnits: { level: 'USD bn', change13w: 'USD bn', measure: 'text' },
  thresholdMetrics: { change13w: '>=', level: '>=' },
  primaryMetric: 'change13w',
  defaults: { watch: [{ metric: 'change13w', op: '>=', value: 300 }], stress: null },
  compute(ctx) {
    const measure = measureFor(ctx, ctx.asOf);
    if (measure === null) return unavailableFor(this, ['tga']);
    const { now, change } = changeOverWeeks(ctx, measure, 13);
    return { metrics: { level: now?.value ?? null, change13w: change, measure: TGA_MEASURE[measure] }, used: now === null ? [] : [now] };
  },
});
