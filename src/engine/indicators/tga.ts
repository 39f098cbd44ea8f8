import { levelAndChange } from '../_lib/change.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['level', 'change13w'] as const;

/** The Treasury's cash account at the Fed: every dollar it gains is a dollar of reserves gone. */
export const tga = defineIndicator({
  id: 'tga',
  title: 'TGA',
  kind: 'quantity',
  unit: 'USD bn',
  metricKeys: METRICS,
  metricUnits: { level: 'USD bn', change13w: 'USD bn' },
  thresholdMetrics: { change13w: '>=', level: '>=' },
  primaryMetric: 'change13w',
  defaults: { watch: [{ metric: 'change13w', op: '>=', value: 300 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['tga']);
    if (missing.length > 0) return unavailableFor(this, missing);
    return levelAndChange(ctx, 'tga', 13, 'change13w');
  },
});
