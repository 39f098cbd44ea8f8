import { levelAndChange } from '../_lib/change.ts';
import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';

/** Reserve balances at the Fed: the banking system's cash, drained by QT, the TGA and RRP. */
export const reserves: IndicatorDefinition = {
  id: 'reserves',
  title: 'Reserves',
  unit: 'USD bn',
  metricKeys: ['level', 'change52w'],
  thresholdMetrics: { level: '<', change52w: '<=' },
  primaryMetric: 'level',
  defaults: { watch: [{ metric: 'level', op: '<', value: 3000 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['reserves']);
    if (missing.length > 0) return unavailableFor(this, missing);
    return levelAndChange(ctx, 'reserves', 52, 'change52w');
  },
};
