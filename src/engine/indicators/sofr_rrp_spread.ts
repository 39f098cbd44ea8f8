import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';
import { spreadWindow } from './spread.ts';
import { decimalDifference } from '../_lib/numbers.ts';

const WINDOW = 10;

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['latestBp', 'avg10Bp', 'avg10PrevBp', 'change10Bp'] as const;

/**
 * SOFR over the ON RRP award rate (the corridor floor). Near zero when cash is plentiful;
 * it widens as reserves get scarce and repo trades up through the corridor.
 */
export const sofrRrpSpread = defineIndicator({
  id: 'sofr_rrp_spread',
  title: 'SOFR − ON RRP',
  kind: 'price',
  unit: 'bp',
  metricKeys: METRICS,
  metricUnits: { latestBp: 'bp', avg10Bp: 'bp', avg10PrevBp: 'bp', change10Bp: 'bp' },
  thresholdMetrics: { avg10Bp: '>=', latestBp: '>=', change10Bp: '>=' },
  primaryMetric: 'avg10Bp',
  defaults: { watch: [{ metric: 'avg10Bp', op: '>=', value: 10 }], stress: [{ metric: 'avg10Bp', op: '>=', value: 25 }] },
  compute(ctx) {
    const missing = missingSeries(ctx, ['sofr', 'rrp_rate']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const recent = spreadWindow(ctx, 'rrp_rate', WINDOW);
    const before = spreadWindow(ctx, 'rrp_rate', WINDOW, WINDOW);
    return {
      metrics: {
        latestBp: recent.latest,
        avg10Bp: recent.avg,
        avg10PrevBp: before.avg,
        change10Bp: recent.avg !== null && before.avg !== null ? decimalDifference(recent.avg, before.avg) : null,
      },
      used: recent.used,
      daily: recent.daily,
    };
  },
});
