import { formatDay } from '../../domain/dates.ts';
import { missingSeries, unavailableFor, type IndicatorDefinition } from '../indicator.ts';

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
    const missing = missingSeries(ctx, ['reserves', 'gdp']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const level = ctx.at('reserves', ctx.asOf);
    const gdp = ctx.at('gdp', ctx.asOf);
    if (level === null || gdp === null) return unavailableFor(this, level === null ? ['reserves'] : ['gdp']);
    return {
      metrics: { ratioPct: (level.value / gdp.value) * 100, gdp: gdp.value, gdpDate: formatDay(gdp.date) },
      used: [level, gdp],
    };
  },
};
