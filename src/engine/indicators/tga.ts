import { changeOverWeeks } from '../_lib/change.ts';
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
    const level = ctx.at('tga', ctx.asOf);
    const { change } = changeOverWeeks(ctx, 'tga', 13);
    return { metrics: { level: level?.value ?? null, change13w: change }, used: level === null ? [] : [level] };
  },
};
