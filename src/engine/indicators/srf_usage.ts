import { monthStart } from '../../domain/dates.ts';
import { latestOf, type IndicatorDefinition } from '../indicator.ts';

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
    const found = latestOf(this, ctx, ['srf']);
    if (!Array.isArray(found)) return found;
    const [latest] = found;
    // The window is counted in business days (SOFR dates); without them there is no window.
    const window = ctx.lastBusinessDays(WINDOW);
    const inWindow = window.length > 0 ? ctx.between('srf', window[0] as number, ctx.asOf) : [];
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
