import { levelAndChange } from '../_lib/change.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['level', 'change52w'] as const;

/** Reserve balances at the Fed: the banking system's cash, drained by QT, the TGA and RRP. */
export const reserves = defineIndicator({
  id: 'reserves',
  title: 'Reserves',
  kind: 'quantity',
  unit: 'USD bn',
  metricKeys: METRICS,
  metricUnits: { level: 'USD bn', change52w: 'USD bn' },
  thresholdMetrics: { level: '<', change52w: '<=' },
  primaryMetric: 'level',
  defaults: { watch: [{ metric: 'level', op: '<', value: 3000 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['reserves']);
    if (missing.length > 0) return unavailableFor(this, missing);
    return levelAndChange(ctx, 'reserves', 52, 'change52w');
  },
});
