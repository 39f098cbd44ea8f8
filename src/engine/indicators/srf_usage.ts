import { monthStart } from '../../domain/dates.ts';
import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';

const WINDOW = 20;

/**
 * Take-up at the Standing Repo Facility: dealers borrowing from the Fed at the ceiling.
 * Small quarter-end amounts are routine since 2025; tens of billions are not.
 */
export const srfUsage: IndicatorDefinition = {
  id: 'srf_usage',
  title: 'SRF take-up',
  unit: 'USD bn',
  metricKeys: ['latest', 'max20', 'monthTotal'],
  thresholdMetrics: { latest: '>=', max20: '>=', monthTotal: '>=' },
  primaryMetric: 'latest',
  defaults: { watch: [{ metric: 'latest', op: '>=', value: 5 }], stress: [{ metric: 'latest', op: '>=', value: 50 }] },
  compute(ctx) {
    const missing = missingSeries(ctx, ['srf']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const latest = ctx.at('srf', ctx.asOf);
    if (latest === null) return unavailableFor(this, ['srf']);
    const window = ctx.lastBusinessDays(WINDOW);
    const from = window.length > 0 ? (window[0] as number) : latest.date;
    const inWindow = ctx.between('srf', from, ctx.asOf);
    const inMonth = ctx.between('srf', monthStart(ctx.asOf), ctx.asOf);
    return {
      metrics: {
        latest: latest.value,
        max20: inWindow.length > 0 ? Math.max(...inWindow.map((p) => p.value)) : null,
        monthTotal: inMonth.reduce((sum, p) => sum + p.value, 0),
      },
      used: [latest],
    };
  },
};
