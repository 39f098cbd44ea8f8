import { changeOverWeeks } from '../_lib/change.ts';
import { spreadBp } from '../_lib/numbers.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';
import { pctChange } from './sofr_volume.ts';

/**
 * The fed funds distribution against IORB. IORB should cap what banks pay for overnight
 * reserves; when a quarter of fed funds trades at or above it (the 75th percentile at
 * IORB), the unsecured market says reserves are no longer ample.
 */
/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['p99IorbBp', 'p75IorbBp', 'volume', 'volumeChange52wPct'] as const;

export const effrTail = defineIndicator({
  id: 'effr_tail',
  title: 'EFFR tail',
  unit: 'bp',
  kind: 'breadth',
  metricKeys: METRICS,
  metricUnits: { p99IorbBp: 'bp', p75IorbBp: 'bp', volume: 'USD bn', volumeChange52wPct: '%' },
  thresholdMetrics: { p75IorbBp: '>=', p99IorbBp: '>=', volumeChange52wPct: '>=' },
  primaryMetric: 'p75IorbBp',
  defaults: { watch: [{ metric: 'p75IorbBp', op: '>=', value: 0 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['effr_p75', 'iorb']);
    if (missing.length > 0) return unavailableFor(this, missing);
    // The latest fed funds print on or before the as-of date, and IORB that day.
    const p75 = ctx.at('effr_p75', ctx.asOf);
    if (p75 === null) return unavailableFor(this, ['effr_p75']);
    const p99 = ctx.on('effr_p99', p75.date);
    const iorb = ctx.at('iorb', p75.date);
    const volume = ctx.on('effr_volume', p75.date);
    const { now, change } = changeOverWeeks(ctx, 'effr_volume', 52);
    return {
      metrics: {
        p99IorbBp: p99 === null || iorb === null ? null : spreadBp(p99.value, iorb.value),
        p75IorbBp: iorb === null ? null : spreadBp(p75.value, iorb.value),
        volume: volume?.value ?? null,
        volumeChange52wPct: now === null || change === null ? null : pctChange(now.value, now.value - change),
      },
      used: [p75, p99, iorb, volume].filter((p) => p !== null),
    };
  },
});
