import { levelAndChange } from '../_lib/change.ts';
import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';

/** The Treasury's cash account at the Fed: every dollar it gains is a dollar of reserves gone. */
export const tga: IndicatorDefinition = {
  id: 'tga',
  title: 'TGA',
  unit: 'USD bn',
  metricKeys: ['level', 'change13w'],
  thresholdMetrics: { change13w: '>=', level: '>=' },
  primaryMetric: 'change13w',
  defaults: { watch: [{ metric: 'change13w', op: '>=', value: 300 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['tga']);
    if (missing.length > 0) return unavailableFor(this, missing);
    return levelAndChange(ctx, 'tga', 13, 'change13w');
  },
};
