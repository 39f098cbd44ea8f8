import { formatDay } from '../../domain/dates.ts';
import { latestOf, type IndicatorDefinition } from '../indicator.ts';

/**
 * Reserves as a share of nominal GDP: the scale-free measure of "ample". Waller (2023)
 * put the slow-down zone near 10–11 %; the 2019 spike came at about 6.7 %.
 */
export const reservesGdp: IndicatorDefinition = {
  id: 'reserves_gdp',
  title: 'Reserves / GDP',
  unit: '%',
  metricKeys: ['ratioPct', 'gdp', 'gdpDate'],
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
};
