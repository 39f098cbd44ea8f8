import { meanOfAll } from '../_lib/numbers.ts';
import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';
import { sofrSpreads } from './spread.ts';

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
    const recent = sofrSpreads(ctx, ctx.lastBusinessDays(WINDOW), 'iorb');
    const lastDay = ctx.businessDays.at(-1) as number;
    return {
      metrics: { latestBp: recent.at(-1) ?? null, avg10Bp: recent.length === WINDOW ? meanOfAll(recent) : null },
      used: [ctx.on('sofr', lastDay), ctx.at('iorb', lastDay)].filter((p) => p !== null),
    };
  },
};
