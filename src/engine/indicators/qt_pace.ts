import { changeOverWeeks } from '../_lib/change.ts';
import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';

/** How fast the Fed's balance sheet is shrinking (QT) or growing: informational. */
export const qtPace: IndicatorDefinition = {
  id: 'qt_pace',
  title: 'QT pace',
  unit: 'USD bn',
  metricKeys: ['change13w', 'perMonth'],
  thresholdMetrics: { change13w: '<=', perMonth: '<=' },
  primaryMetric: 'perMonth',
  defaults: { watch: null, stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['fed_assets']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const { now, change } = changeOverWeeks(ctx, 'fed_assets', 13);
    return { metrics: { change13w: change, perMonth: change === null ? null : change / 3 }, used: now === null ? [] : [now] };
  },
};
