import type { SeriesName } from '../../domain/catalog.ts';
import type { Day } from '../../domain/dates.ts';
import type { Context, Point } from '../_lib/context.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';
import { decimalDifference, decimalSum } from '../_lib/numbers.ts';
import type { NetLiquidityFormula } from '../types.ts';

/** Each formula's terms with their signs; practitioners differ, so the one used is printed. */
const TERMS: Record<NetLiquidityFormula, readonly (readonly [SeriesName, 1 | -1])[]> = {
  'fed_assets - tga - rrp': [['fed_assets', 1], ['tga', -1], ['rrp', -1]],
  'reserves + rrp - tga': [['reserves', 1], ['rrp', 1], ['tga', -1]],
};

function levelOn(ctx: Context, formula: NetLiquidityFormula, day: Day): { value: number; points: Point[] } | null {
  const terms: number[] = [];
  const points: Point[] = [];
  for (const [name, sign] of TERMS[formula]) {
    const point = ctx.at(name, day);
    if (point === null) return null;
    terms.push(sign * point.value);
    points.push(point);
  }
  return { value: decimalSum(terms), points };
}

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['level', 'change4w', 'change13w'] as const;

/** The practitioner's gauge of dollar liquidity the Fed supplies to markets, net of the TGA and RRP. */
export const netLiquidity = defineIndicator({
  id: 'net_liquidity',
  title: 'Net liquidity',
  kind: 'quantity',
  unit: 'USD bn',
  metricKeys: METRICS,
  metricUnits: { level: 'USD bn', change4w: 'USD bn', change13w: 'USD bn' },
  thresholdMetrics: { change13w: '<=', change4w: '<=', level: '<' },
  primaryMetric: 'change13w',
  defaults: { watch: [{ metric: 'change13w', op: '<=', value: -500 }], stress: null },
  compute(ctx, options) {
    const formula = options.netLiquidity;
    const missing = missingSeries(ctx, TERMS[formula].map(([name]) => name));
    if (missing.length > 0) return { ...unavailableFor(this, missing), formula };
    const now = levelOn(ctx, formula, ctx.asOf);
    const change = (weeks: number): number | null => {
      const past = levelOn(ctx, formula, ctx.asOf - 7 * weeks);
      return now === null || past === null ? null : decimalDifference(now.value, past.value);
    };
    return {
      metrics: { level: now?.value ?? null, change4w: change(4), change13w: change(13) },
      used: now?.points ?? [],
      formula,
    };
  },
});
