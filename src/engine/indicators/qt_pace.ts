import { changeOverWeeks } from '../_lib/change.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['change13w', 'perMonth'] as const;

/** How fast the Fed's balance sheet is shrinking (QT) or growing: informational. */
export const qtPace = defineIndicator({
  id: 'qt_pace',
  title: 'QT pace',
  kind: 'quantity',
  unit: 'USD bn',
  metricKeys: METRICS,
  metricUnits: { change13w: 'USD bn', perMonth: 'USD bn' },
  thresholdMetrics: { change13w: '<=', perMonth: '<=' },
  primaryMetric: 'perMonth',
  defaults: { watch: null, stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['fed_assets']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const { now, change } = changeOverWeeks(ctx, 'fed_assets', 13);
    return { metrics: { change13w: change, perMonth: change === null ? null : change / 3 }, used: now === null ? [] : [now] };
  },
});
