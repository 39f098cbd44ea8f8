import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';
import { spreadWindow } from './spread.ts';

const WINDOW = 10;

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['latestBp', 'avg10Bp'] as const;

/**
 * SOFR over interest on reserve balances. Banks lend reserves into repo when repo pays
 * more than IORB, so a positive spread says reserves are no longer abundant.
 */
export const sofrIorbSpread = defineIndicator({
  id: 'sofr_iorb_spread',
  title: 'SOFR − IORB',
  kind: 'price',
  unit: 'bp',
  metricKeys: METRICS,
  metricUnits: { latestBp: 'bp', avg10Bp: 'bp' },
  thresholdMetrics: { avg10Bp: '>=', latestBp: '>=' },
  primaryMetric: 'avg10Bp',
  defaults: { watch: [{ metric: 'avg10Bp', op: '>=', value: 0 }], stress: [{ metric: 'avg10Bp', op: '>=', value: 10 }] },
  compute(ctx) {
    const missing = missingSeries(ctx, ['sofr', 'iorb']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const recent = spreadWindow(ctx, 'iorb', WINDOW);
    return { metrics: { latestBp: recent.latest, avg10Bp: recent.avg }, used: recent.used, daily: recent.daily };
  },
});
