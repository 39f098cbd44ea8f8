import { monthStart } from '../../domain/dates.ts';
import { latestOf, defineIndicator } from '../indicator.ts';
import { firstItem } from '../_lib/arrays.ts';

const WINDOW = 20;

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['latest', 'max20', 'monthTotal'] as const;

/**
 * Take-up at the Standing Repo Facility: dealers borrowing from the Fed at the ceiling.
 * Small quarter-end amounts are routine since 2025; tens of billions are not.
 */
export const srfUsage = defineIndicator({
  id: 'srf_usage',
  title: 'SRF take-up',
  kind: 'quantity',
  unit: 'USD bn',
  metricKeys: METRICS,
  metricUnits: { latest: 'USD bn', max20: 'USD bn', monthTotal: 'USD bn' },
  thresholdMetrics: { latest: '>=', max20: '>=', monthTotal: '>=' },
  primaryMetric: 'latest',
  defaults: { watch: [{ metric: 'latest', op: '>=', value: 5 }], stress: [{ metric: 'latest', op: '>=', value: 50 }] },
  compute(ctx) {
    const found = latestOf(this, ctx, ['srf']);
    if (!Array.isArray(found)) return found;
    const [latest] = found;
    // The window is counted in business days (SOFR dates); without them there is no window.
    const window = ctx.lastBusinessDays(WINDOW);
    const inWindow = window.length > 0 ? ctx.between('srf', firstItem(window), ctx.asOf) : [];
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
});
