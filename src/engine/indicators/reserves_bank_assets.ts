import { formatDay } from '../../domain/dates.ts';
import { defineIndicator, latestOf } from '../indicator.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['ratioPct', 'bankAssets', 'bankAssetsDate'] as const;

/**
 * Reserves as a share of commercial banks' total assets (H.8): the scale banks themselves
 * hold reserves against. Afonso, Giannone, La Spada and Williams (NY Fed Staff Report 1019)
 * find reserve demand satiated above roughly 12–13 % of bank assets.
 */
export const reservesBankAssets = defineIndicator({
  id: 'reserves_bank_assets',
  title: 'Reserves / bank assets',
  kind: 'quantity',
  unit: '%',
  metricKeys: METRICS,
  metricUnits: { ratioPct: '%', bankAssets: 'USD bn', bankAssetsDate: 'date' },
  thresholdMetrics: { ratioPct: '<' },
  primaryMetric: 'ratioPct',
  defaults: { watch: [{ metric: 'ratioPct', op: '<', value: 13 }], stress: null },
  compute(ctx) {
    const found = latestOf(this, ctx, ['reserves', 'bank_assets']);
    if (!Array.isArray(found)) return found;
    const [level, assets] = found;
    return {
      metrics: { ratioPct: (level.value / assets.value) * 100, bankAssets: assets.value, bankAssetsDate: formatDay(assets.date) },
      used: [level, assets],
    };
  },
});
