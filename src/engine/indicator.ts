import type { SeriesName } from '../domain/catalog.ts';
import type { Context, Point } from './_lib/context.ts';
import type { Comparison, IndicatorId, LevelPair, Metrics, NetLiquidityFormula } from './types.ts';

export interface EngineOptions {
  readonly netLiquidity: NetLiquidityFormula;
}

/** What an indicator computed: its metrics (null where not computable) and the observations it used. */
export interface Computed {
  readonly metrics: Metrics;
  readonly used: readonly Point[];
  /** Set when the indicator cannot be computed at all: which inputs are missing. */
  readonly unavailable?: string;
  readonly formula?: string;
}

export interface IndicatorDefinition {
  readonly id: IndicatorId;
  readonly title: string;
  /** The unit of the headline metrics, for display. */
  readonly unit: string;
  /** Every metric key, in display order; all appear in the JSON output, null when missing. */
  readonly metricKeys: readonly string[];
  /** The metrics a threshold may test, each with the direction in which it gets worse. */
  readonly thresholdMetrics: Readonly<Record<string, Comparison>>;
  /** The metric a bare number in the config sets a threshold on. */
  readonly primaryMetric: string;
  readonly defaults: LevelPair;
  compute(ctx: Context, options: EngineOptions): Computed;
}

function nullMetrics(keys: readonly string[]): Metrics {
  return Object.fromEntries(keys.map((k) => [k, null]));
}

export function missingSeries(ctx: Context, names: readonly SeriesName[]): SeriesName[] {
  return names.filter((n) => !ctx.has(n));
}

/** An indicator that cannot be computed at all: every metric null, for the given reason. */
export function unavailable(definition: Pick<IndicatorDefinition, 'metricKeys'>, reason: string): Computed {
  return { metrics: nullMetrics(definition.metricKeys), used: [], unavailable: reason };
}

/** The reason an indicator is unavailable because series are missing, naming them. */
export function unavailableFor(definition: Pick<IndicatorDefinition, 'metricKeys'>, missing: readonly SeriesName[]): Computed {
  return unavailable(definition, `needs ${missing.join(' and ')}: no data on or before the as-of date`);
}

/**
 * The latest observation of each series on the as-of date, in the order named, or the
 * unavailable result naming the series that have none (those the context lacks: its
 * series are cut at the as-of date, so one it has always has an observation by then).
 */
export function latestOf<const N extends readonly SeriesName[]>(
  definition: Pick<IndicatorDefinition, 'metricKeys'>, ctx: Context, names: N,
): { -readonly [K in keyof N]: Point } | Computed {
  const points: Point[] = [];
  const missing: SeriesName[] = [];
  for (const name of names) {
    const point = ctx.at(name, ctx.asOf);
    if (point === null) missing.push(name);
    else points.push(point);
  }
  return missing.length > 0 ? unavailableFor(definition, missing) : (points as { -readonly [K in keyof N]: Point });
}
