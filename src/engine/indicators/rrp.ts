import { formatDay } from '../../domain/dates.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';
import { item } from '../_lib/arrays.ts';
import { decimalDifference } from '../_lib/numbers.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['level', 'peak', 'peakDate', 'drawdown', 'drawdownPct'] as const;

/** ON RRP take-up: the idle cash that QT drains first; once it is gone, reserves fall instead. */
export const rrp = defineIndicator({
  id: 'rrp',
  title: 'ON RRP',
  kind: 'quantity',
  unit: 'USD bn',
  metricKeys: METRICS,
  metricUnits: { level: 'USD bn', peak: 'USD bn', peakDate: 'date', drawdown: 'USD bn', drawdownPct: '%' },
  thresholdMetrics: { level: '<', drawdownPct: '>=' },
  primaryMetric: 'level',
  defaults: { watch: [{ metric: 'level', op: '<', value: 250 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['rrp']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const series = ctx.series.get('rrp');
    const level = ctx.at('rrp', ctx.asOf);
    if (series === undefined || level === null) return unavailableFor(this, ['rrp']);
    // The first date of the highest take-up on record up to the as-of date.
    const peakAt = ctx.memo.peaks.firstMaxIndex(series.values);
    const peak = item(series.values, peakAt);
    const drawdown = decimalDifference(peak, level.value);
    return {
      metrics: {
        level: level.value,
        peak,
        peakDate: formatDay(item(series.dates, peakAt)),
        drawdown,
        drawdownPct: peak > 0 ? (drawdown / peak) * 100 : null,
      },
      used: [level],
    };
  },
});
