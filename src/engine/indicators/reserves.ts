import { changeOverWeeks } from '../_lib/change.ts';
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
    const level = ctx.at('reserves', ctx.asOf);
    const { change } = changeOverWeeks(ctx, 'reserves', 52);
    return { metrics: { level: level?.value ?? null, change52w: change }, used: level === null ? [] : [level] };
  },
};
