import { formatDay } from '../../domain/dates.ts';
import { latestOf, defineIndicator } from '../indicator.ts';

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['ratioPct', 'gdp', 'gdpDate'] as const;

/**
 * Reserves as a share of nominal GDP: the scale-free measure of "ample". Waller (2023)
 * put the slow-down zone near 10–11 %; the 2019 spike came at about 6.7 %.
 */
export const reservesGdp = defineIndicator({
  id: 'reserves_gdp',
  title: 'Reserves / GDP',
  kind: 'quantity',
  unit: '%',
  metricKeys: METRICS,
  metricUnits: { ratioPct: '%', gdp: 'USD bn', gdpDate: 'date' },
  thresholdMetrics: { ratioPct: '<' },
  primaryMetric: 'ratioPct',
  defaults: { watch: [{ metric: 'ratioPct', op: '<', value: 10 }], stress: null },
  compute(ctx) {
    const found = latestOf(this, ctx, ['reserves', 'gdp']);
    if (!Array.isArray(found)) return found;
    const [level, gdp] = found;
    return {
      metrics: { ratioPct: (level.value / gdp.value) * 100, gdp: gdp.value, gdpDate: formatDay(gdp.date) },
      used: [level, gdp],
    };
  },
});
