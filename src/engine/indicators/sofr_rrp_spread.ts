import { meanOfAll } from '../_lib/numbers.ts';
import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';
import { sofrSpreads } from './spread.ts';

const WINDOW = 10;

/**
 * SOFR over the ON RRP award rate (the corridor floor). Near zero when cash is plentiful;
 * it widens as reserves get scarce and repo trades up through the corridor.
 */
export const sofrRrpSpread: IndicatorDefinition = {
  id: 'sofr_rrp_spread',
  title: 'SOFR − ON RRP',
  unit: 'bp',
  metricKeys: ['latestBp', 'avg10Bp', 'avg10PrevBp', 'change10Bp'],
  thresholdMetrics: { avg10Bp: '>=', latestBp: '>=', change10Bp: '>=' },
  primaryMetric: 'avg10Bp',
  defaults: { watch: [{ metric: 'avg10Bp', op: '>=', value: 10 }], stress: [{ metric: 'avg10Bp', op: '>=', value: 25 }] },
  compute(ctx) {
    const missing = missingSeries(ctx, ['sofr', 'rrp_rate']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const recent = sofrSpreads(ctx, ctx.lastBusinessDays(WINDOW), 'rrp_rate');
    const before = sofrSpreads(ctx, ctx.lastBusinessDays(WINDOW, WINDOW), 'rrp_rate');
    const avg10 = recent.length === WINDOW ? meanOfAll(recent) : null;
    const avg10Prev = before.length === WINDOW ? meanOfAll(before) : null;
    const lastDay = ctx.businessDays.at(-1) as number;
    return {
      metrics: {
        latestBp: recent.at(-1) ?? null,
        avg10Bp: avg10,
        avg10PrevBp: avg10Prev,
        change10Bp: avg10 !== null && avg10Prev !== null ? avg10 - avg10Prev : null,
      },
      used: [ctx.on('sofr', lastDay), ctx.at('rrp_rate', lastDay)].filter((p) => p !== null),
    };
  },
};
