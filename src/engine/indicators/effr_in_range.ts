import { spreadBp } from '../_lib/numbers.ts';
import { latestOf, defineIndicator } from '../indicator.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['effr', 'aboveLowerBp', 'belowUpperBp', 'effrIorbBp'] as const;

/**
 * Where the effective fed funds rate sits in the target range. EFFR pressing on the top
 * (or above IORB) means banks pay up for reserves: the 2019 spike printed EFFR 2.30 %
 * over a 2.25 % top.
 */
export const effrInRange = defineIndicator({
  id: 'effr_in_range',
  title: 'EFFR in range',
  kind: 'price',
  unit: 'bp',
  metricKeys: METRICS,
  metricUnits: { effr: 'percent', aboveLowerBp: 'bp', belowUpperBp: 'bp', effrIorbBp: 'bp' },
  thresholdMetrics: { belowUpperBp: '<=', effrIorbBp: '>=', aboveLowerBp: '>=' },
  primaryMetric: 'belowUpperBp',
  defaults: {
    watch: [
      { metric: 'belowUpperBp', op: '<=', value: 5 },
      { metric: 'effrIorbBp', op: '>=', value: 0 },
    ],
    stress: [{ metric: 'belowUpperBp', op: '<=', value: 0 }],
  },
  compute(ctx) {
    const found = latestOf(this, ctx, ['effr', 'target_upper']);
    if (!Array.isArray(found)) return found;
    const [effr] = found;
    const upper = ctx.at('target_upper', effr.date);
    const lower = ctx.at('target_lower', effr.date);
    const iorb = ctx.at('iorb', effr.date);
    return {
      metrics: {
        effr: effr.value,
        aboveLowerBp: lower === null ? null : spreadBp(effr.value, lower.value),
        belowUpperBp: upper === null ? null : spreadBp(upper.value, effr.value),
        effrIorbBp: iorb === null ? null : spreadBp(effr.value, iorb.value),
      },
      used: [effr, lower, upper, iorb].filter((p) => p !== null),
    };
  },
});
