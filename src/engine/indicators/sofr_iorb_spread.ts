import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';
import { spreadWindow } from './spread.ts';

const WINDOW = 10;

/**
 * SOFR over interest on reserve balances. Banks lend reserves into repo when repo pays
 * more than IORB, so a positive spread says reserves are no longer abundant.
 */
export const sofrIorbSpread: IndicatorDefinition = {
  id: 'sofr_iorb_spread',
  title: 'SOFR − IORB',
  unit: 'bp',
  metricKeys: ['latestBp', 'avg10Bp'],
  thresholdMetrics: { avg10Bp: '>=', latestBp: '>=' },
  primaryMetric: 'avg10Bp',
  defaults: { watch: [{ metric: 'avg10Bp', op: '>=', value: 0 }], stress: [{ metric: 'avg10Bp', op: '>=', value: 10 }] },
  compute(ctx) {
    const missing = missingSeries(ctx, ['sofr', 'iorb']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const recent = spreadWindow(ctx, 'iorb', WINDOW);
    return { metrics: { latestBp: recent.latest, avg10Bp: recent.avg }, used: recent.used };
  },
};
